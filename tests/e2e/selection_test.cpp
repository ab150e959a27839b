// Node selection on the command line (--select/-s with graph operators and methods, --exclude)
// seen through what `kiln run`/`build` ran and what `kiln ls` prints, as dbt selects.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

using Ids = std::set<std::string>;

class SelectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
    // Every relation exists first, so a selected model never fails for want of an unselected
    // parent (it would in dbt too); the tests then only see what the selection ran.
    ASSERT_KILN_EXIT(project.run({"build"}), 0);
  }

  // Models run by `kiln run <args>`.
  Ids run(std::vector<std::string> args) {
    args.insert(args.begin(), "run");
    KilnResult result = project.run(args);
    EXPECT_KILN_EXIT(result, 0);
    return ran(project);
  }

  KilnProject project{"e2e_basic"};
};

TEST_F(SelectionTest, DescendantsOperator) {
  // The ephemeral model is selected too but dbt does not report it; the rest are its children.
  EXPECT_EQ(run({"--select", "stg_orders+"}),
            (Ids{"model.stg_orders", "model.dim_customers", "model.fct_orders",
                 "model.order_status", "model.order_events"}));
}

TEST_F(SelectionTest, AncestorsOperator) {
  EXPECT_EQ(run({"-s", "+dim_customers"}),
            (Ids{"model.stg_customers", "model.stg_orders", "model.dim_customers"}));
}

TEST_F(SelectionTest, TagsFromConfigAndFromFolders) {
  EXPECT_EQ(run({"--select", "tag:finance"}), (Ids{"model.fct_orders", "model.order_events"}));
  EXPECT_EQ(run({"--select", "tag:staging"}), (Ids{"model.stg_customers", "model.stg_orders"}));
}

TEST_F(SelectionTest, UnionOfSpaceSeparatedSelectors) {
  EXPECT_EQ(run({"--select", "stg_customers fct_orders"}),
            (Ids{"model.stg_customers", "model.fct_orders"}));
}

TEST_F(SelectionTest, ExcludeRemovesFromTheSelection) {
  EXPECT_EQ(
      run({"--select", "stg_orders+", "--exclude", "order_events"}),
      (Ids{"model.stg_orders", "model.dim_customers", "model.fct_orders", "model.order_status"}));
  EXPECT_EQ(run({"-s", "stg_orders+", "--exclude", "tag:finance"}),
            (Ids{"model.stg_orders", "model.dim_customers", "model.order_status"}));
}

TEST_F(SelectionTest, SelectorFromSelectorsYml) {
  EXPECT_EQ(run({"--selector", "finance_without_events"}), (Ids{"model.fct_orders"}));
}

TEST(BuildSelectionTest, BuildSelectsTheTestsOfSelectedModels) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  KilnResult built = project.run({"build", "--select", "+dim_customers"});
  ASSERT_KILN_EXIT(built, 0);
  // Eager indirect selection: every test that touches a selected node, including the
  // relationships test between the two staging models. fct_orders' test is not selected.
  EXPECT_EQ(ran(project),
            (Ids{"seed.countries", "model.stg_customers", "model.stg_orders", "model.dim_customers",
                 "test.unique_stg_customers_customer_id", "test.not_null_stg_customers_customer_id",
                 "test.unique_stg_orders_order_id", "test.not_null_stg_orders_order_id",
                 "test.accepted_values_stg_orders_status__placed__shipped__returned",
                 "test.relationships_stg_orders_customer_id__customer_id__ref_stg_customers_",
                 "test.unique_dim_customers_customer_id", "test.not_null_dim_customers_customer_id",
                 "test.assert_totals_not_negative"}));
  DuckDbFile db(basic_database(project));
  EXPECT_FALSE(db.has_relation("main_marts", "fct_orders"));
}

// `kiln ls` output lines that are node names: bare words, unlike log lines.
Ids names_in(const std::string& output) {
  Ids names;
  for (const std::string& line : lines_of(output)) {
    if (line.find(' ') == std::string::npos) names.insert(line);
  }
  return names;
}

TEST(ListTest, ListsSelectedNodesByName) {
  KilnProject project("e2e_basic");
  KilnResult listed = project.run({"ls", "--select", "stg_orders+", "--output", "name"});
  ASSERT_KILN_EXIT(listed, 0);
  EXPECT_EQ(names_in(listed.out),
            (Ids{"stg_orders", "int_customer_totals", "dim_customers", "fct_orders", "order_status",
                 "order_events", "unique_stg_orders_order_id", "not_null_stg_orders_order_id",
                 "accepted_values_stg_orders_status__placed__shipped__returned",
                 "relationships_stg_orders_customer_id__customer_id__ref_stg_customers_",
                 "unique_dim_customers_customer_id", "not_null_dim_customers_customer_id",
                 "unique_fct_orders_order_id", "assert_totals_not_negative"}));
}

// dbt ls and dbt parse only read the project and never connect, so they leave no database
// file behind.
TEST(ListTest, ListOpensNoDatabase) {
  KilnProject project("e2e_basic");
  ASSERT_KILN_EXIT(project.run({"ls"}), 0);
  EXPECT_FALSE(project.exists("e2e_basic.duckdb"));
  // Like dbt's ls, it still writes the manifest it parsed.
  EXPECT_TRUE(project.exists("target/manifest.json"));
}

TEST(ListTest, ParseOpensNoDatabaseYetNamesRelationsAsABuildDoes) {
  KilnProject project("e2e_basic");
  ASSERT_KILN_EXIT(project.run({"parse"}), 0);
  EXPECT_FALSE(project.exists("e2e_basic.duckdb"));
  nlohmann::json node = project.manifest()["nodes"]["model.e2e_basic.dim_customers"];
  EXPECT_EQ(node.value("database", ""), "e2e_basic");
  EXPECT_EQ(node.value("relation_name", ""), R"("e2e_basic"."main_marts"."dim_customers")");
  EXPECT_EQ(project.manifest()["metadata"].value("adapter_type", ""), "duckdb");
}

// dbt compile connects (it fills the adapter's relation cache before compiling, and macros
// may query the warehouse), so the database exists afterwards.
TEST(ListTest, CompileConnects) {
  KilnProject project("e2e_basic");
  ASSERT_KILN_EXIT(project.run({"compile", "--select", "stg_orders"}), 0);
  EXPECT_TRUE(project.exists("e2e_basic.duckdb"));
}

TEST(ListTest, DefaultOutputIsTheFqnSelector) {
  KilnProject project("e2e_basic");
  KilnResult listed = project.run({"ls", "--resource-type", "model"});
  ASSERT_KILN_EXIT(listed, 0);
  EXPECT_EQ(names_in(listed.out),
            (Ids{"e2e_basic.staging.stg_customers", "e2e_basic.staging.stg_orders",
                 "e2e_basic.intermediate.int_customer_totals", "e2e_basic.marts.dim_customers",
                 "e2e_basic.marts.fct_orders", "e2e_basic.marts.order_status",
                 "e2e_basic.marts.order_events"}));
}

TEST(ListTest, JsonOutputHasOneObjectPerNode) {
  KilnProject project("e2e_basic");
  KilnResult listed = project.run(
      {"ls", "--select", "source:raw+", "--resource-type", "source", "--output", "json"});
  ASSERT_KILN_EXIT(listed, 0);
  Ids ids;
  for (const std::string& line : lines_of(listed.out)) {
    if (line.empty() || line[0] != '{') continue;
    nlohmann::json node = nlohmann::json::parse(line);
    EXPECT_EQ(node.value("resource_type", ""), "source") << line;
    ids.insert(node.value("unique_id", ""));
  }
  EXPECT_EQ(ids, (Ids{"source.e2e_basic.raw.customers", "source.e2e_basic.raw.orders"}));
}

}  // namespace
}  // namespace kiln::e2e
