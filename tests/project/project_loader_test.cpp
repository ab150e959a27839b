#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "fake_render.h"
#include "project/file_discovery.h"
#include "project/ignore_rules.h"
#include "project/project.h"

namespace kiln::project {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

const fs::path kShop = "tests/projects/shop";

LoadOptions shop_options(testing::FakeRender& project_render) {
  LoadOptions options;
  options.render_project = project_render.callback();
  return options;
}

template <typename Node>
const Node& by_id(const std::vector<Node>& nodes, const std::string& unique_id) {
  for (const auto& node : nodes)
    if (node.unique_id == unique_id) return node;
  ADD_FAILURE() << "no node " << unique_id;
  static Node missing;
  return missing;
}

template <typename Node>
std::vector<std::string> ids(const std::vector<Node>& nodes) {
  std::vector<std::string> out;
  for (const auto& node : nodes)
    out.push_back(node.unique_id);
  return out;
}

class ShopProject : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    testing::FakeRender render({{"{{ env_var('STAGING_SCHEMA') }}", "staging"}});
    project_ = new Project(load_project(kShop, shop_options(render)));
  }
  static void TearDownTestSuite() { delete project_; }
  static Project* project_;
};
Project* ShopProject::project_ = nullptr;

TEST(IgnoreRules, GitignoreSemantics) {
  IgnoreRules rules =
      IgnoreRules::parse("# c\nmodels/scratch/\n*.tmp.sql\n!keep.tmp.sql\n/seeds/big*.csv\n");
  EXPECT_TRUE(rules.is_ignored("models/scratch/a.sql"));
  EXPECT_TRUE(rules.is_ignored("models/x/y.tmp.sql"));
  EXPECT_FALSE(rules.is_ignored("models/x/keep.tmp.sql"));
  EXPECT_TRUE(rules.is_ignored("seeds/big1.csv"));
  EXPECT_FALSE(rules.is_ignored("other/seeds/big1.csv"));
  EXPECT_FALSE(rules.is_ignored("models/scratch.sql"));
}

TEST(FileDiscovery, FindsEachKindInSortedOrderAndHonoursDbtignore) {
  testing::FakeRender render({{"{{ env_var('STAGING_SCHEMA') }}", "staging"}});
  ProjectConfig config = load_project_config(kShop, render.callback());
  ProjectFiles files = discover_files(config);
  std::vector<std::string> models;
  for (const auto& f : files.models)
    models.push_back(f.original_file_path);
  EXPECT_EQ(models, (std::vector<std::string>{
                        "models/marts/customers_v1.sql", "models/marts/customers_v2.sql",
                        "models/marts/legacy/old_orders.sql", "models/marts/orders.sql",
                        "models/staging/stg_customers.sql", "models/staging/stg_orders.sql"}));
  EXPECT_EQ(files.models[3].path, "marts/orders.sql");
  ASSERT_EQ(files.singular_tests.size(), 1u);  // tests/generic/ holds macros
  EXPECT_EQ(files.singular_tests[0].original_file_path, "tests/assert_positive_amount.sql");
  ASSERT_EQ(files.macros.size(), 2u);
  EXPECT_EQ(files.macros[1].original_file_path, "tests/generic/test_is_even.sql");
  EXPECT_EQ(files.docs.size(), 1u);
  EXPECT_EQ(files.seeds.size(), 1u);
  EXPECT_EQ(files.properties.size(), 5u);
}

TEST_F(ShopProject, ModelsHaveDbtIdentity) {
  const Model& orders = by_id(project_->models, "model.shop.orders");
  EXPECT_EQ(orders.fqn, (std::vector<std::string>{"shop", "marts", "orders"}));
  EXPECT_EQ(orders.original_file_path, "models/marts/orders.sql");
  EXPECT_EQ(orders.path, "marts/orders.sql");
  EXPECT_EQ(orders.package_name, "shop");
  EXPECT_NE(orders.raw_code.find("ref('stg_orders')"), std::string::npos);
  EXPECT_EQ(orders.description, "{{ doc(\"orders\") }}");
  EXPECT_EQ(orders.patch_path, "shop://models/marts/marts.yml");
}

TEST_F(ShopProject, ConfigsFollowTheProjectTreeAndYaml) {
  const Model& stg = by_id(project_->models, "model.shop.stg_orders");
  EXPECT_EQ(stg.config["materialized"], "table");
  EXPECT_EQ(stg.config["schema"], "staging");  // rendered through the callback
  EXPECT_EQ(stg.config["tags"], Json::array({"nightly", "staging"}));
  EXPECT_EQ(stg.tags, (std::vector<std::string>{"nightly", "staging"}));
  EXPECT_EQ(stg.config["post-hook"][0]["sql"], "grant select on {{ this }} to reporter");
  const Model& orders = by_id(project_->models, "model.shop.orders");
  // marts sets +meta owner: data; the YAML's top-level meta is config too and wins.
  EXPECT_EQ(orders.config["meta"], (Json{{"owner", "finance"}}));
  EXPECT_EQ(orders.meta, (Json{{"owner", "finance"}}));
  // The {{ config() }} call is the compile stage's: not applied here.
  EXPECT_EQ(orders.config["materialized"], "table");
  Json with_call =
      project_->configs.resolve(ResourceType::Model, "shop", orders.fqn, orders.patch_config,
                                {{"materialized", "incremental"}});
  EXPECT_EQ(with_call["materialized"], "incremental");
}

TEST_F(ShopProject, DisabledNodesAndTheirTestsAreSetAside) {
  auto models = ids(project_->models);
  EXPECT_EQ(std::count(models.begin(), models.end(), "model.shop.old_orders"), 0);
  bool old_disabled = false;
  for (const auto& d : project_->disabled)
    old_disabled |= d.unique_id == "model.shop.old_orders";
  EXPECT_TRUE(old_disabled);
  for (const auto& test : project_->generic_tests)
    EXPECT_NE(test.attached_to.name, "old_orders");
}

TEST_F(ShopProject, VersionedModels) {
  const Model& v1 = by_id(project_->models, "model.shop.customers.v1");
  const Model& v2 = by_id(project_->models, "model.shop.customers.v2");
  EXPECT_EQ(v1.name, "customers");
  EXPECT_EQ(v2.fqn, (std::vector<std::string>{"shop", "marts", "customers", "v2"}));
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(v1.latest_version, 2);
  EXPECT_EQ(v1.columns.size(), 2u);
  EXPECT_EQ(v2.columns.size(), 1u);  // first_name excluded
  auto tests = ids(project_->generic_tests);
  EXPECT_TRUE(std::any_of(tests.begin(), tests.end(), [](const std::string& id) {
    return id.rfind("test.shop.unique_customers_v2_customer_id.", 0) == 0;
  }));
}

TEST_F(ShopProject, GenericTestsFromModelsAndSources) {
  auto tests = ids(project_->generic_tests);
  auto has = [&](const std::string& id) {
    return std::find(tests.begin(), tests.end(), id) != tests.end();
  };
  // Same names and hashes as in dbt's jaffle_shop manifest (the package is not hashed).
  EXPECT_TRUE(
      has("test.shop.accepted_values_orders_status__placed__shipped__completed__return_"
          "pending__returned.be6b5b5ec3"));
  EXPECT_TRUE(
      has("test.shop.relationships_orders_customer_id__customer_id__ref_customers_."
          "c6ec7f58f2"));
  const GenericTest* quoted = nullptr;
  const GenericTest* source_test = nullptr;
  const GenericTest* status = nullptr;
  for (const auto& t : project_->generic_tests) {
    if (t.name == "not_null_stg_customers__customer_id_") quoted = &t;
    if (t.name == "source_unique_raw_orders_id") source_test = &t;
    if (t.name == "accepted_values_stg_orders_status__placed__shipped") status = &t;
  }
  ASSERT_NE(quoted, nullptr);
  EXPECT_EQ(quoted->column_name, "\"customer_id\"");
  EXPECT_EQ(quoted->config["where"], "customer_id > 0");
  EXPECT_EQ(quoted->config["severity"], "warn");  // data_tests: +severity: warn
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->config["severity"], "error");  // the test's own config wins
  ASSERT_NE(source_test, nullptr);
  EXPECT_EQ(source_test->tags, std::vector<std::string>{"raw"});
  EXPECT_EQ(source_test->attached_to.kind, TestTarget::Kind::Source);
  EXPECT_EQ(source_test->fqn, (std::vector<std::string>{"shop", "staging", source_test->name}));
}

TEST_F(ShopProject, Sources) {
  const Source& orders = by_id(project_->sources, "source.shop.raw.orders");
  EXPECT_EQ(orders.schema, "raw_data");
  EXPECT_EQ(orders.identifier, "raw_orders");
  EXPECT_EQ(orders.loaded_at_field, "_loaded_at");
  EXPECT_EQ(orders.fqn, (std::vector<std::string>{"shop", "staging", "raw", "orders"}));
  EXPECT_EQ(orders.freshness["warn_after"], (Json{{"count", 12}, {"period", "hour"}}));
  EXPECT_EQ(orders.freshness["error_after"], (Json{{"count", 24}, {"period", "hour"}}));
  EXPECT_EQ(orders.tags, std::vector<std::string>{"raw"});
  const Source& customers = by_id(project_->sources, "source.shop.raw.customers");
  EXPECT_TRUE(customers.freshness.is_null());
  EXPECT_EQ(customers.identifier, "customers");
}

TEST_F(ShopProject, SeedsSnapshotsAnalysesTestsMacrosDocs) {
  const Seed& seed = by_id(project_->seeds, "seed.shop.raw_payments");
  EXPECT_EQ(seed.config["column_types"], (Json{{"id", "integer"}}));
  EXPECT_EQ(seed.config["quote_columns"], false);
  EXPECT_EQ(seed.config["materialized"], "seed");
  const Snapshot& snapshot = by_id(project_->snapshots, "snapshot.shop.orders_snapshot");
  EXPECT_NE(snapshot.raw_code.find("strategy='check'"), std::string::npos);
  EXPECT_EQ(snapshot.raw_code.find("endsnapshot"), std::string::npos);
  EXPECT_EQ(snapshot.config["materialized"], "snapshot");
  by_id(project_->analyses, "analysis.shop.revenue");
  const SingularTest& singular =
      by_id(project_->singular_tests, "test.shop.assert_positive_amount");
  EXPECT_EQ(singular.config["severity"], "warn");
  EXPECT_EQ(project_->macro_files.size(), 2u);
  ASSERT_EQ(project_->macro_patches.size(), 1u);
  EXPECT_EQ(project_->macro_patches[0].name, "cents");
  ASSERT_EQ(project_->docs_files.size(), 1u);
  EXPECT_NE(project_->docs_files[0].contents.find("{% docs orders %}"), std::string::npos);
  ASSERT_EQ(project_->docs_files[0].blocks.size(), 1u);
  EXPECT_EQ(project_->docs_files[0].blocks[0].name, "orders");
  EXPECT_EQ(project_->docs_files[0].blocks[0].body, "\nOrders placed in the shop.\n");
}

TEST_F(ShopProject, InstalledPackagesAndRootOverrides) {
  ASSERT_EQ(project_->packages.size(), 1u);
  const Model& util = by_id(project_->models, "model.util_pkg.util_model");
  EXPECT_EQ(util.original_file_path, "models/util_model.sql");
  EXPECT_EQ(util.config["meta"], (Json{{"from", "util_pkg"}}));  // the package's own tree
  // The root project has the last word, even its top-level `+materialized: view`, which
  // overrides the package's `+materialized: table` (dbt does the same).
  EXPECT_EQ(util.config["schema"], "utils");
  EXPECT_EQ(util.config["materialized"], "view");
  EXPECT_NE(project_->package("util_pkg"), nullptr);
  EXPECT_EQ(project_->root.vars["shop"]["currency"], "EUR");
  EXPECT_EQ(project_->root.on_run_start,
            std::vector<std::string>{"create schema if not exists {{ target.schema }}"});
}

// --- error cases on small projects written to a temporary folder -------------------

class TempProject : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("kiln_project_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    write("dbt_project.yml", "name: p\nversion: '1'\n");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& path, const std::string& text) {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path) << text;
  }
  ProjectError load_error() {
    try {
      load_project(root_, LoadOptions{});
    } catch (const ProjectError& e) {
      return e;
    }
    ADD_FAILURE() << "expected a ProjectError";
    return ProjectError(SourcePos{}, "none");
  }
  fs::path root_;
};

TEST_F(TempProject, PythonModelsAreRejectedWithTheirPath) {
  write("models/a.py", "def model(dbt, session): pass\n");
  ProjectError e = load_error();
  EXPECT_EQ(e.where().file, "models/a.py");
  EXPECT_NE(e.message().find("Python models are not supported"), std::string::npos);
}

TEST_F(TempProject, DuplicateModelNamesAndPatches) {
  write("models/a/m.sql", "select 1");
  write("models/b/m.sql", "select 2");
  EXPECT_NE(load_error().message().find("two resources named 'm'"), std::string::npos);
  fs::remove(root_ / "models/b/m.sql");
  write("models/one.yml", "models:\n  - name: m\n");
  write("models/two.yml", "version: 2\nmodels:\n  - name: m\n");
  ProjectError e = load_error();
  EXPECT_EQ(e.where().file, "models/two.yml");
  EXPECT_EQ(e.where().line, 3);
}

TEST_F(TempProject, YamlSyntaxErrorsNameTheFile) {
  write("models/bad.yml", "models:\n  - name: [oops\n");
  ProjectError e = load_error();
  EXPECT_EQ(e.where().file, "models/bad.yml");
  EXPECT_GE(e.where().line, 2);
}

TEST_F(TempProject, BadMetaTypeInConfigNamesTheNode) {
  write("models/m.sql", "select 1");
  write("models/m.yml", "models:\n  - name: m\n    config:\n      meta: 3\n");
  ProjectError e = load_error();
  EXPECT_NE(e.message().find("meta"), std::string::npos);
}

TEST_F(TempProject, YamlEntryWithoutFileIsAWarning) {
  write("models/m.yml", "models:\n  - name: ghost\n");
  Project project = load_project(root_, LoadOptions{});
  ASSERT_EQ(project.warnings.size(), 1u);
  EXPECT_EQ(project.warnings[0].where.line, 2);
}

}  // namespace
}  // namespace kiln::project
