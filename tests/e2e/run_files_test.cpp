// target/run/<package>/<path>: the statements each node ran, where dbt writes them
// (ParsedNode.get_target_write_path: a node defined inside a YAML file goes under it).

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(RunFilesTest, ModelAndTestRunFilesHoldTheSqlThatRan) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  ASSERT_KILN_EXIT(project.run({"build"}), 0);

  // A table model: the create-table statement around its compiled SELECT.
  std::string model = project.read("target/run/e2e_basic/models/marts/dim_customers.sql");
  std::string compiled = project.read("target/compiled/e2e_basic/models/marts/dim_customers.sql");
  ASSERT_FALSE(model.empty());
  ASSERT_FALSE(compiled.empty());
  EXPECT_EQ(model.rfind("create table ", 0), 0u) << model;
  EXPECT_TRUE(contains(model, "dim_customers")) << model;
  EXPECT_TRUE(contains(model, compiled)) << model;

  // A view: create view.
  std::string view = project.read("target/run/e2e_basic/models/staging/stg_orders.sql");
  EXPECT_EQ(view.rfind("create view ", 0), 0u) << view;

  // A generic test from models/marts/schema.yml: dbt's failures query around the test's SQL.
  const std::string test_path =
      "target/run/e2e_basic/models/marts/schema.yml/unique_dim_customers_customer_id.sql";
  std::string test = project.read(test_path);
  ASSERT_FALSE(test.empty()) << test_path;
  EXPECT_TRUE(contains(test, "as failures")) << test;
  EXPECT_TRUE(contains(test, "should_error")) << test;
  EXPECT_TRUE(contains(test, R"("main_marts"."dim_customers")")) << test;

  // A singular test keeps its own file name.
  EXPECT_TRUE(project.exists("target/run/e2e_basic/tests/assert_totals_not_negative.sql"));
}

TEST(RunFilesTest, IncrementalRunFileHoldsTheUpdateStatements) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  ASSERT_KILN_EXIT(project.run({"build"}), 0);
  // State-agnostic: an unchanged model would otherwise be reused and run nothing.
  ASSERT_KILN_EXIT(project.run({"run", "--select", "fct_orders", "--state-agnostic"}), 0);
  std::string run = project.read("target/run/e2e_basic/models/marts/fct_orders.sql");
  EXPECT_TRUE(contains(run, "insert into ")) << run;
  EXPECT_FALSE(contains(run, "create table \"e2e_basic\"")) << run;
}

}  // namespace
}  // namespace kiln::e2e
