// dbt's end-of-run wording (core/dbt/task/printer.py, events/types.py, utils.py
// humanize_execution_time) and its node lines (dbt_common format_fancy_output_line).
#include <gtest/gtest.h>

#include "cli/node_events.h"
#include "cli/run_events.h"

namespace kiln::cli {
namespace {

TEST(RunEvents, FinishedRunningStatsHumanizesTheTime) {
  LogEvent event = finished_running_stats("1 seed, 2 view models", 3725.5);
  EXPECT_EQ(event.msg,
            "Finished running 1 seed, 2 view models in 1 hours 2 minutes and 5.50 seconds "
            "(3725.50s).");
  EXPECT_EQ(event.code, "E047");
}

TEST(RunEvents, EndOfRunSummaryWording) {
  EXPECT_EQ(end_of_run_summary(0, 0, false).msg, "Completed successfully");
  EXPECT_EQ(end_of_run_summary(1, 0, false).msg,
            "Completed with 1 error, 0 partial successes, and 0 warnings:");
  EXPECT_EQ(end_of_run_summary(2, 1, false).msg,
            "Completed with 2 errors, 0 partial successes, and 1 warning:");
  EXPECT_EQ(end_of_run_summary(0, 2, false).msg, "Completed with 2 warnings:");
  EXPECT_EQ(end_of_run_summary(1, 0, true).msg, "Exited because of keyboard interrupt");
  EXPECT_EQ(end_of_run_summary(1, 0, true).data["keyboard_interrupt"], true);
}

TEST(RunEvents, StatsLine) {
  RunStats stats;
  stats.pass = 3;
  stats.error = 1;
  stats.total = 4;
  LogEvent event = stats_line(stats);
  // dbt's line, plus kiln's REUSED count (nodes whose relation was kept, see
  // ARCHITECTURE.md) before NO-OP.
  EXPECT_EQ(event.msg, "Done. PASS=3 WARN=0 ERROR=1 SKIP=0 REUSED=0 NO-OP=0 TOTAL=4");
  EXPECT_EQ(event.data["stats"]["pass"], 3);
}

TEST(FancyOutputLine, PadsTheMessageTo80ColumnsThenTheStatus) {
  std::string line = fancy_output_line("START sql view model main.x", "RUN", 1, 2);
  EXPECT_EQ(line.size(), 80u + std::string(" [RUN]").size());
  EXPECT_EQ(line.rfind("1 of 2 START sql view model main.x ....", 0), 0u);
  EXPECT_EQ(line.substr(80), " [RUN]");
  EXPECT_EQ(fancy_output_line("OK created x", "OK", 3, 9, 0.123).substr(80), " [OK in 0.12s]");
  // Longer than the width: no dots, the status follows.
  std::string long_name(90, 'n');
  EXPECT_EQ(fancy_output_line(long_name, "RUN", std::nullopt, std::nullopt), long_name + "  [RUN]");
}

TEST(PythonIsoformat, OmitsZeroMicroseconds) {
  using std::chrono::microseconds;
  EXPECT_EQ(python_isoformat(artifacts::TimePoint(microseconds(1727191476000000))),
            "2024-09-24T15:24:36");
  EXPECT_EQ(python_isoformat(artifacts::TimePoint(microseconds(1727191476000010))),
            "2024-09-24T15:24:36.000010");
}

}  // namespace
}  // namespace kiln::cli
