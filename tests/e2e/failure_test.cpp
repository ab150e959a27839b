// Failures on e2e_errors: a model that fails while running exits 1, its descendants are
// skipped and everything independent of it is still built; a failing test exits 1.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

// The profile in e2e_errors/profiles.yml points here, relative to the project.
std::filesystem::path errors_database(const KilnProject& project) {
  return project.dir() / "warehouse.duckdb";
}

nlohmann::json result_of(const KilnProject& project, const std::string& short_name) {
  nlohmann::json results = project.run_results();
  for (const auto& node : results["results"]) {
    if (short_id(node.value("unique_id", "")) == short_name) return node;
  }
  return {};
}

TEST(FailureTest, BuildSkipsDescendantsOfAFailedModelAndBuildsTheRest) {
  KilnProject project("e2e_errors");
  KilnResult built = project.run({"build"});
  ASSERT_KILN_EXIT(built, 1);
  EXPECT_EQ(short_statuses(project), (std::map<std::string, std::string>{
                                         {"seed.numbers", "success"},
                                         {"model.base", "success"},
                                         {"test.not_null_base_n", "pass"},
                                         {"model.broken", "error"},
                                         {"model.after_broken", "skipped"},
                                         {"test.not_null_after_broken_n", "skipped"},
                                         {"model.healthy", "success"},
                                         {"test.accepted_values_healthy_n10__10__20", "fail"},
                                         {"test.assert_healthy_small", "pass"},
                                     }));
  // The database error is the failed node's message.
  std::string message = result_of(project, "model.broken").value("message", "");
  EXPECT_NE(message.find("not a number"), std::string::npos) << message;
  // One row (30) is not accepted.
  EXPECT_EQ(result_of(project, "test.accepted_values_healthy_n10__10__20")["failures"], 1);

  // profiles.yml's path is used, not the default <project>.duckdb.
  EXPECT_FALSE(project.exists("e2e_errors.duckdb"));
  DuckDbFile db(errors_database(project));
  EXPECT_EQ(db.rows("select n10 from main.healthy order by n10"), (Rows{{"10"}, {"20"}, {"30"}}));
  EXPECT_FALSE(db.has_relation("main", "broken"));
  EXPECT_FALSE(db.has_relation("main", "after_broken"));
}

TEST(FailureTest, RunReportsTheErrorAndSkipsChildren) {
  KilnProject project("e2e_errors");
  ASSERT_KILN_EXIT(project.run({"seed"}), 0);
  KilnResult ran_models = project.run({"run"});
  ASSERT_KILN_EXIT(ran_models, 1);
  EXPECT_EQ(short_statuses(project), (std::map<std::string, std::string>{
                                         {"model.base", "success"},
                                         {"model.broken", "error"},
                                         {"model.after_broken", "skipped"},
                                         {"model.healthy", "success"},
                                     }));
}

TEST(FailureTest, FailingTestExitsOne) {
  KilnProject project("e2e_errors");
  ASSERT_KILN_EXIT(project.run({"seed"}), 0);
  ASSERT_KILN_EXIT(project.run({"run", "--select", "base", "healthy"}), 0);

  KilnResult tested = project.run({"test", "--select", "healthy"});
  ASSERT_KILN_EXIT(tested, 1);
  EXPECT_EQ(short_statuses(project), (std::map<std::string, std::string>{
                                         {"test.accepted_values_healthy_n10__10__20", "fail"},
                                         {"test.assert_healthy_small", "pass"},
                                     }));
}

TEST(FailureTest, PassingSelectionExitsZeroDespiteFailuresElsewhere) {
  KilnProject project("e2e_errors");
  KilnResult built =
      project.run({"build", "--select", "+healthy", "--exclude", "test_name:accepted_values"});
  ASSERT_KILN_EXIT(built, 0);
  EXPECT_EQ(short_statuses(project), (std::map<std::string, std::string>{
                                         {"seed.numbers", "success"},
                                         {"model.base", "success"},
                                         {"test.not_null_base_n", "pass"},
                                         {"model.healthy", "success"},
                                         {"test.assert_healthy_small", "pass"},
                                     }));
}

TEST(FailureTest, MissingColumnIsADatabaseErrorOfThatModelOnly) {
  KilnProject project("e2e_errors");
  // A binder error: dbt sends the SQL and reports the warehouse's error for this model alone.
  project.write("models/missing_column.sql", "select no_such_column from {{ ref('base') }}\n");
  ASSERT_KILN_EXIT(project.run({"seed"}), 0);
  KilnResult ran_models = project.run({"run", "--select", "base", "missing_column", "healthy"});
  ASSERT_KILN_EXIT(ran_models, 1);
  EXPECT_EQ(short_statuses(project), (std::map<std::string, std::string>{
                                         {"model.base", "success"},
                                         {"model.missing_column", "error"},
                                         {"model.healthy", "success"},
                                     }));
  std::string message = result_of(project, "model.missing_column").value("message", "");
  EXPECT_NE(message.find("no_such_column"), std::string::npos) << message;
}

}  // namespace
}  // namespace kiln::e2e
