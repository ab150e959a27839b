// `kiln compile` and `kiln parse`: compiled SQL files and the manifest, without building
// anything; and a project that does not compile: exit code 2, nothing built.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CompileTest, WritesCompiledSqlForModelsAndTests) {
  KilnProject project("e2e_basic");
  // No sources loaded: compiling reads no data, as in dbt.
  KilnResult compiled = project.run({"compile"});
  ASSERT_KILN_EXIT(compiled, 0);

  const std::string root = "target/compiled/e2e_basic/";
  ASSERT_TRUE(project.exists(root + "models/marts/dim_customers.sql")) << compiled.describe();
  std::string dim = project.read(root + "models/marts/dim_customers.sql");
  // The ephemeral model is inlined as dbt's CTE; refs are resolved to relations.
  EXPECT_TRUE(contains(dim, "__dbt__cte__int_customer_totals")) << dim;
  EXPECT_TRUE(contains(dim, "\"main\".\"stg_customers\"")) << dim;
  EXPECT_TRUE(contains(dim, "\"main\".\"countries\"")) << dim;
  EXPECT_TRUE(contains(dim, ">= 30 as is_vip")) << dim;
  EXPECT_FALSE(contains(dim, "{{")) << dim;

  std::string orders = project.read(root + "models/staging/stg_orders.sql");
  // The macro expanded, the source resolved.
  EXPECT_TRUE(contains(orders, "cast(amount_cents / 100.0 as decimal(10, 2)) as amount_euros"))
      << orders;
  EXPECT_TRUE(contains(orders, "\"raw\".\"orders\"")) << orders;

  // Generic tests land under their properties file, singular tests under tests/.
  EXPECT_TRUE(project.exists(root + "models/staging/schema.yml/unique_stg_orders_order_id.sql"));
  EXPECT_TRUE(project.exists(root + "tests/assert_totals_not_negative.sql"));

  // Nothing was built.
  if (project.exists("e2e_basic.duckdb")) {
    DuckDbFile db(basic_database(project));
    EXPECT_EQ(db.count("select count(*) from information_schema.tables "
                       "where table_schema not in ('information_schema', 'pg_catalog')"),
              0);
  }
}

TEST(CompileTest, ParseWritesTheManifest) {
  KilnProject project("e2e_basic");
  ASSERT_KILN_EXIT(project.run({"parse"}), 0);

  nlohmann::json manifest = project.manifest();
  ASSERT_TRUE(manifest.contains("nodes")) << project.read("target/manifest.json").substr(0, 500);
  std::set<std::string> nodes;
  for (const auto& [unique_id, node] : manifest["nodes"].items())
    nodes.insert(short_id(unique_id));
  EXPECT_EQ(nodes.size(), 18u);  // 1 seed, 7 models, 10 tests
  EXPECT_TRUE(nodes.count("model.int_customer_totals"));
  EXPECT_TRUE(
      nodes.count("test.relationships_stg_orders_customer_id__customer_id__ref_stg_customers_"));
  EXPECT_TRUE(manifest["sources"].contains("source.e2e_basic.raw.orders"));

  const nlohmann::json& dim = manifest["nodes"]["model.e2e_basic.dim_customers"];
  EXPECT_EQ(dim["schema"], "main_marts");
  EXPECT_EQ(dim["config"]["schema"], "marts");
  EXPECT_EQ(dim["config"]["materialized"], "table");
  std::set<std::string> parents = dim["depends_on"]["nodes"].get<std::set<std::string>>();
  EXPECT_EQ(parents, (std::set<std::string>{"model.e2e_basic.stg_customers",
                                            "model.e2e_basic.int_customer_totals",
                                            "seed.e2e_basic.countries"}));
  EXPECT_EQ(manifest["nodes"]["model.e2e_basic.fct_orders"]["config"]["unique_key"], "order_id");
  EXPECT_EQ(manifest["nodes"]["model.e2e_basic.stg_orders"]["tags"],
            nlohmann::json::array({"staging"}));
}

TEST(CompileErrorTest, RefToMissingModelExitsTwoNamingTheFile) {
  KilnProject project("e2e_compile_error");
  KilnResult built = project.run({"build"});
  ASSERT_KILN_EXIT(built, 2);
  EXPECT_TRUE(contains(built.all(), "bad_ref")) << built.describe();
  EXPECT_TRUE(contains(built.all(), "does_not_exist")) << built.describe();

  // dbt stops at parse time: not even the valid model is built.
  if (project.exists("e2e_compile_error.duckdb")) {
    DuckDbFile db(project.dir() / "e2e_compile_error.duckdb");
    EXPECT_FALSE(db.has_relation("main", "ok_model"));
  }
}

TEST(CompileErrorTest, CompileAlsoExitsTwo) {
  KilnProject project("e2e_compile_error");
  KilnResult compiled = project.run({"compile"});
  ASSERT_KILN_EXIT(compiled, 2);
  EXPECT_TRUE(contains(compiled.all(), "does_not_exist")) << compiled.describe();
}

TEST(CompileErrorTest, UnknownFlagIsAUsageError) {
  KilnProject project("e2e_basic");
  KilnResult result = project.run({"build", "--no-such-flag"});
  EXPECT_KILN_EXIT(result, 2);
  EXPECT_FALSE(project.exists("e2e_basic.duckdb"));
}

}  // namespace
}  // namespace kiln::e2e
