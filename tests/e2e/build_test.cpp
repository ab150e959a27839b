// `kiln build` on e2e_basic: every node's status in run_results.json and the exact contents of
// what it built, read back through DuckDB.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

const std::map<std::string, std::string> kBasicBuildStatuses = {
    {"seed.countries", "success"},
    {"model.stg_customers", "success"},
    {"model.stg_orders", "success"},
    // int_customer_totals is ephemeral: dbt runs nothing for it and leaves it out of results.
    {"model.dim_customers", "success"},
    {"model.fct_orders", "success"},
    {"model.order_status", "success"},
    {"model.order_events", "success"},
    {"test.unique_stg_customers_customer_id", "pass"},
    {"test.not_null_stg_customers_customer_id", "pass"},
    {"test.unique_stg_orders_order_id", "pass"},
    {"test.not_null_stg_orders_order_id", "pass"},
    {"test.accepted_values_stg_orders_status__placed__shipped__returned", "pass"},
    {"test.relationships_stg_orders_customer_id__customer_id__ref_stg_customers_", "pass"},
    {"test.unique_dim_customers_customer_id", "pass"},
    {"test.not_null_dim_customers_customer_id", "pass"},
    {"test.unique_fct_orders_order_id", "pass"},
    {"test.assert_totals_not_negative", "pass"},
};

TEST(BuildTest, BuildsEveryNodeAndReportsEachInRunResults) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));

  KilnResult built = project.run({"build"});
  ASSERT_KILN_EXIT(built, 0);
  EXPECT_EQ(short_statuses(project), kBasicBuildStatuses);

  nlohmann::json results = project.run_results();
  EXPECT_EQ(results["metadata"]["dbt_schema_version"],
            "https://schemas.getdbt.com/dbt/run-results/v6.json");
  nlohmann::json manifest = project.manifest();
  EXPECT_EQ(manifest["metadata"]["dbt_schema_version"],
            "https://schemas.getdbt.com/dbt/manifest/v12.json");
  // Same invocation for both artifacts of one command.
  EXPECT_EQ(results["metadata"]["invocation_id"], manifest["metadata"]["invocation_id"]);
}

TEST(BuildTest, TablesHoldExactlyTheExpectedRows) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  ASSERT_KILN_EXIT(project.run({"build"}), 0);

  DuckDbFile db(basic_database(project));
  // The seed, with the column_types config applied.
  EXPECT_EQ(
      db.rows("select country_code, country_name, eu_member from main.countries "
              "order by country_code"),
      (Rows{{"FR", "France", "true"}, {"JP", "Japan", "false"}, {"NL", "Netherlands", "true"}}));
  // Staging models are views (+materialized: view); marts go to the custom schema main_marts,
  // dbt's default generate_schema_name: <target schema>_<custom schema>.
  EXPECT_EQ(db.relation_type("main", "stg_orders"), "VIEW");
  EXPECT_EQ(db.relation_type("main", "stg_customers"), "VIEW");
  EXPECT_EQ(db.relation_type("main_marts", "dim_customers"), "BASE TABLE");
  EXPECT_EQ(db.relation_type("main_marts", "fct_orders"), "BASE TABLE");
  EXPECT_FALSE(db.has_relation("main", "dim_customers"));
  // Ephemeral: never created anywhere.
  EXPECT_EQ(db.count("select count(*) from information_schema.tables "
                     "where table_name = 'int_customer_totals'"),
            0);

  // A macro (cents_to_euros), a project var, the ephemeral CTE, the seed, var()'s default (30)
  // and env_var()'s default ('emea') all shape dim_customers.
  EXPECT_EQ(db.rows("select customer_id, customer_name, country_name, order_count, "
                    "total_euros::varchar, is_vip, region "
                    "from main_marts.dim_customers order by customer_id"),
            (Rows{{"1", "Ada", "Netherlands", "2", "35.00", "true", "emea"},
                  {"2", "Bob", "France", "1", "40.00", "true", "emea"},
                  {"3", "Chen", "Japan", "1", "5.00", "false", "emea"},
                  {"4", "Dee", "Netherlands", "0", "0.00", "false", "emea"}}));
  EXPECT_EQ(db.rows("select distinct source_label from main.stg_orders"), (Rows{{"shop"}}));
  EXPECT_EQ(db.rows("select order_id, customer_id, amount_euros::varchar, status, "
                    "updated_at::varchar from main_marts.fct_orders order by order_id"),
            (Rows{{"1", "1", "10.00", "placed", "2024-01-01 10:00:00"},
                  {"2", "1", "25.00", "placed", "2024-01-02 10:00:00"},
                  {"3", "2", "40.00", "shipped", "2024-01-03 10:00:00"},
                  {"4", "3", "5.00", "returned", "2024-01-04 10:00:00"}}));
  EXPECT_EQ(db.count("select count(*) from main_marts.order_events"), 4);
  EXPECT_EQ(db.count("select count(*) from main_marts.order_status"), 4);
}

TEST(BuildTest, RunHooksRunOncePerInvocation) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  ASSERT_KILN_EXIT(project.run({"build"}), 0);
  ASSERT_KILN_EXIT(project.run({"run"}), 0);

  DuckDbFile db(basic_database(project));
  // on-run-start creates run_log and logs 'start'; on-run-end logs 'end'; invocation_id differs
  // between the two commands.
  EXPECT_EQ(db.count("select count(*) from main.run_log where phase = 'start'"), 2);
  EXPECT_EQ(db.count("select count(*) from main.run_log where phase = 'end'"), 2);
  EXPECT_EQ(db.count("select count(distinct invocation_id) from main.run_log"), 2);
}

TEST(BuildTest, SeedRunAndTestCommandsEachDoTheirPart) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));

  ASSERT_KILN_EXIT(project.run({"seed"}), 0);
  EXPECT_EQ(ran(project), (std::set<std::string>{"seed.countries"}));

  ASSERT_KILN_EXIT(project.run({"run"}), 0);
  EXPECT_EQ(ran(project), (std::set<std::string>{"model.stg_customers", "model.stg_orders",
                                                 "model.dim_customers", "model.fct_orders",
                                                 "model.order_status", "model.order_events"}));

  ASSERT_KILN_EXIT(project.run({"test"}), 0);
  std::map<std::string, std::string> tests;
  for (const auto& [id, status] : kBasicBuildStatuses) {
    if (id.rfind("test.", 0) == 0) tests[id] = status;
  }
  EXPECT_EQ(short_statuses(project), tests);
}

}  // namespace
}  // namespace kiln::e2e
