#include <gtest/gtest.h>

#include "fake_render.h"
#include "project/project_config.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;
using testing::FakeRender;

ProjectConfig parse(const std::string& text, const RenderValue& render = nullptr) {
  return parse_project_config(text, "/p", "dbt_project.yml", render);
}

TEST(ProjectConfig, FillsDbtDefaults) {
  ProjectConfig config = parse("name: shop\nversion: '1.0'\n");
  EXPECT_EQ(config.name, "shop");
  EXPECT_EQ(config.model_paths, std::vector<std::string>{"models"});
  EXPECT_EQ(config.test_paths, std::vector<std::string>{"tests"});
  EXPECT_EQ(config.target_path, "target");
  EXPECT_EQ(config.clean_targets, std::vector<std::string>{"target"});
  EXPECT_EQ(config.packages_install_path, "dbt_packages");
  EXPECT_EQ(config.docs_paths, (std::vector<std::string>{"models", "seeds", "snapshots", "analyses",
                                                         "macros", "tests"}));
  EXPECT_TRUE(config.on_run_start.empty());
}

TEST(ProjectConfig, ReadsPathsHooksVarsAndDispatch) {
  ProjectConfig config = parse(R"(
name: shop
profile: warehouse
model-paths: ["src/models/"]
target-path: out
on-run-start: "select 1"
on-run-end: ["select 2", "select 3"]
vars: {a: 1, shop: {b: 2}}
quoting: {identifier: false}
dispatch:
  - macro_namespace: dbt_utils
    search_order: [shop, dbt_utils]
)");
  EXPECT_EQ(config.profile, "warehouse");
  EXPECT_EQ(config.model_paths, std::vector<std::string>{"src/models"});
  EXPECT_EQ(config.clean_targets, std::vector<std::string>{"out"});
  EXPECT_EQ(config.on_run_start, std::vector<std::string>{"select 1"});
  EXPECT_EQ(config.on_run_end.size(), 2u);
  EXPECT_EQ(config.vars["shop"]["b"], 2);
  EXPECT_EQ(config.quoting["identifier"], false);
  EXPECT_EQ(config.dispatch[0]["search_order"][1], "dbt_utils");
}

TEST(ProjectConfig, TestsIsTheOldNameOfDataTests) {
  EXPECT_EQ(parse("name: a\ntests:\n  +severity: warn\n").configs.data_tests["+severity"], "warn");
  auto both = parse("name: a\ntests:\n  +severity: warn\ndata_tests:\n  +limit: 1\n");
  EXPECT_FALSE(both.configs.data_tests.contains("+severity"));
}

TEST(ProjectConfig, RendersValuesButNotVarsHooksOrModelHooks) {
  FakeRender fake({{"{{ env_var('DB') }}", "analytics"}, {"{{ env_var('S') }}", "stg"}});
  ProjectConfig config = parse(R"(
name: shop
vars: {when: "{{ run_started_at }}"}
on-run-end: "{{ log('x') }}"
models:
  shop:
    +database: "{{ env_var('DB') }}"
    +schema: "{{ env_var('S') }}"
    +post-hook: "{{ grant() }}"
)",
                               fake.callback());
  EXPECT_EQ(config.configs.models["shop"]["+database"], "analytics");
  EXPECT_EQ(config.configs.models["shop"]["+post-hook"], "{{ grant() }}");
  EXPECT_EQ(config.vars["when"], "{{ run_started_at }}");
  EXPECT_EQ(fake.asked().size(), 2u);
}

TEST(ProjectConfig, ErrorsNameFileAndLine) {
  try {
    parse("version: 1\nmodels: {}\n");
    FAIL();
  } catch (const ProjectError& e) {
    EXPECT_NE(std::string(e.what()).find("dbt_project.yml"), std::string::npos);
    EXPECT_NE(e.message().find("name"), std::string::npos);
  }
  try {
    parse("name: shop\nmodel-paths: models\n");
    FAIL();
  } catch (const ProjectError& e) {
    EXPECT_EQ(e.where().line, 2);
  }
  EXPECT_THROW(parse("name: 1shop\n"), ProjectError);
  EXPECT_THROW(parse("name: shop\nconfig-version: 1\n"), ProjectError);
}

TEST(ProjectConfig, WarnsOnDeprecatedAndUnknownKeys) {
  ProjectConfig config = parse("name: shop\nsource-paths: [src]\nfoo: 1\n");
  EXPECT_EQ(config.model_paths, std::vector<std::string>{"src"});
  EXPECT_EQ(config.warnings.size(), 2u);
}

TEST(Vars, PackageScopedVarsOverrideGlobalsAndCliWins) {
  Json package_vars = {{"a", "pkg"}, {"pkg", {{"b", "pkg-scoped"}}}};
  Json root_vars = {{"a", "root"}, {"c", "root"}, {"pkg", {{"c", "root-scoped"}}}};
  Json cli = {{"d", "cli"}};
  Json vars = vars_for_package(package_vars, root_vars, "pkg", cli);
  EXPECT_EQ(vars["a"], "root");
  EXPECT_EQ(vars["b"], "pkg-scoped");
  EXPECT_EQ(vars["c"], "root-scoped");
  EXPECT_EQ(vars["d"], "cli");
  EXPECT_FALSE(vars_for_package(nullptr, root_vars, "shop", Json::object()).contains("b"));
}

}  // namespace
}  // namespace kiln::project
