// --vars and environment variables change what models compute, as var() and env_var() do in
// dbt: the command line overrides dbt_project.yml's vars and var()'s defaults.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

class VarsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(load_basic_sources(project)); }

  // customer_id of the VIP customers in dim_customers.
  Rows vips() {
    DuckDbFile db(basic_database(project));
    return db.rows(
        "select customer_id from main_marts.dim_customers where is_vip "
        "order by customer_id");
  }

  KilnProject project{"e2e_basic"};
};

TEST_F(VarsTest, YamlVarsOverrideDefaultsAndProjectVars) {
  ASSERT_KILN_EXIT(
      project.run({"build", "--vars", "{vip_threshold_euros: 38, order_source_label: web}"}), 0);
  EXPECT_EQ(vips(), (Rows{{"2"}}));  // 40 euros; Ada's 35 is below 38 now
  DuckDbFile db(basic_database(project));
  EXPECT_EQ(db.rows("select distinct source_label from main.stg_orders"), (Rows{{"web"}}));
}

TEST_F(VarsTest, JsonVarsWork) {
  ASSERT_KILN_EXIT(project.run({"build", "--vars", R"({"vip_threshold_euros": 1})"}), 0);
  EXPECT_EQ(vips(), (Rows{{"1"}, {"2"}, {"3"}}));
}

TEST_F(VarsTest, ChangingVarsBetweenRunsChangesTheOutput) {
  ASSERT_KILN_EXIT(project.run({"build"}), 0);
  EXPECT_EQ(vips(), (Rows{{"1"}, {"2"}}));
  ASSERT_KILN_EXIT(project.run({"build", "--vars", "vip_threshold_euros: 100"}), 0);
  EXPECT_EQ(vips(), Rows{});
}

TEST_F(VarsTest, EnvVarReadsTheEnvironment) {
  ASSERT_KILN_EXIT(project.run({"build"}, {{"KILN_E2E_REGION", "apac"}}), 0);
  DuckDbFile db(basic_database(project));
  EXPECT_EQ(db.rows("select distinct region from main_marts.dim_customers"), (Rows{{"apac"}}));
}

TEST(VarsErrorTest, MissingVarWithoutDefaultIsACompileError) {
  KilnProject project("e2e_basic");
  project.write("models/uses_missing_var.sql", "select {{ var('no_such_var') }} as v\n");
  KilnResult compiled = project.run({"compile"});
  EXPECT_KILN_EXIT(compiled, 2);
  EXPECT_NE(compiled.all().find("no_such_var"), std::string::npos) << compiled.describe();
}

}  // namespace
}  // namespace kiln::e2e
