// Ctrl-C during `kiln build`: kiln interrupts the running query, exits promptly with dbt's
// exit code for a KeyboardInterrupt (2: dbt's postflight turns it into ExceptionExit,
// ExitCodes.UnhandledError, core/dbt/cli/requires.py), says the run was interrupted, keeps the
// relation the interrupted node was replacing, and writes run_results.json with the nodes
// that finished, as dbt's execute_nodes does on KeyboardInterrupt (core/dbt/task/runnable.py).

#include <signal.h>

#include <chrono>
#include <thread>

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

using Clock = std::chrono::steady_clock;

// Runs for tens of seconds on the test machine if nothing stops it: long enough to be caught
// running, bounded if cancelling were broken.
constexpr const char* kSlowAnswer =
    "select (count(*) * 0 + 42)::integer as answer from range(3000000000) as r\n"
    "where r.range >= (select min(id) from {{ ref('first') }})\n";

bool wait_for(const KilnProcess& kiln, const std::string& text, Clock::duration limit) {
  auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (kiln.out_so_far().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(CancelTest, CtrlCStopsTheBuildAndKeepsTheOldTable) {
  KilnProject project("e2e_slow");
  ASSERT_KILN_EXIT(project.run({"build"}), 0);
  project.write("models/answer.sql", kSlowAnswer);

  // State-agnostic, so `first` is built again (not reused) and reported as success.
  KilnProcess kiln = project.start({"build", "--state-agnostic"});
  ASSERT_TRUE(wait_for(kiln, "START sql table model main.answer", std::chrono::minutes(2)))
      << kiln.out_so_far();
  // Let the slow query get going inside DuckDB.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto interrupted_at = Clock::now();
  ASSERT_EQ(kill(kiln.pid(), SIGINT), 0);
  KilnResult result = kiln.wait();
  double seconds = std::chrono::duration<double>(Clock::now() - interrupted_at).count();

  EXPECT_KILN_EXIT(result, 2);
  // Generous for a sanitizer build on a busy machine; the query alone runs far longer.
  EXPECT_LT(seconds, 10.0) << result.describe();
  EXPECT_NE(result.out.find("CANCEL query model.e2e_slow.answer"), std::string::npos)
      << result.describe();
  EXPECT_NE(result.out.find("Exited because of keyboard interrupt"), std::string::npos)
      << result.describe();
  EXPECT_EQ(result.out.find("Completed successfully"), std::string::npos) << result.describe();

  // run_results.json: `first` finished before the interrupt; the interrupted node and the
  // test that never started are left out.
  EXPECT_EQ(short_statuses(project),
            (std::map<std::string, std::string>{{"model.first", "success"}}))
      << result.describe();

  // The table from the first build is still there, unchanged, and no temporary is left.
  DuckDbFile db(project.dir() / "e2e_slow.duckdb");
  EXPECT_EQ(db.rows("select answer from main.answer"), (Rows{{"42"}}));
  EXPECT_FALSE(db.has_relation("main", "answer__dbt_tmp"));
}

}  // namespace
}  // namespace kiln::e2e
