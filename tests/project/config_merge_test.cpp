#include <gtest/gtest.h>

#include "project/config_defaults.h"
#include "project/config_merge.h"
#include "project/config_tree.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

TEST(ConfigMerge, MostKeysClobber) {
  Json config = default_config(ResourceType::Model);
  merge_config(config, {{"materialized", "table"}, {"schema", "x"}});
  merge_config(config, {{"materialized", "incremental"}});
  EXPECT_EQ(config["materialized"], "incremental");
  EXPECT_EQ(config["schema"], "x");
}

TEST(ConfigMerge, TagsAppendAndStringsBecomeLists) {
  Json config = default_config(ResourceType::Model);
  merge_config(config, {{"tags", "a"}});
  merge_config(config, {{"tags", Json::array({"b", "a"})}});
  EXPECT_EQ(config["tags"], Json::array({"a", "b", "a"}));
}

TEST(ConfigMerge, MetaAndDocsUpdateKeyByKey) {
  Json config = default_config(ResourceType::Model);
  merge_config(config, {{"meta", {{"owner", "a"}, {"tier", 1}}}});
  merge_config(config, {{"meta", {{"owner", "b"}}}, {"docs", {{"node_color", "red"}}}});
  EXPECT_EQ(config["meta"], (Json{{"owner", "b"}, {"tier", 1}}));
  EXPECT_EQ(config["docs"], (Json{{"show", true}, {"node_color", "red"}}));
}

TEST(ConfigMerge, GrantsReplacePerPrivilegeOrExtendWithPlus) {
  Json config = default_config(ResourceType::Model);
  merge_config(config, {{"grants", {{"select", "a"}, {"insert", Json::array({"x"})}}}});
  merge_config(config, {{"grants", {{"+select", Json::array({"b"})}, {"insert", "y"}}}});
  EXPECT_EQ(config["grants"], (Json{{"select", {"a", "b"}}, {"insert", {"y"}}}));
}

TEST(ConfigMerge, HooksAccumulateAsHookObjects) {
  Json config = default_config(ResourceType::Model);
  merge_config(config, {{"post-hook", "grant 1"}});
  merge_config(config, {{"post_hook",
                         Json::array({"grant 2", {{"sql", "vacuum"}, {"transaction", false}}})}});
  ASSERT_EQ(config["post-hook"].size(), 3u);
  EXPECT_EQ(config["post-hook"][0],
            (Json{{"sql", "grant 1"}, {"transaction", true}, {"index", nullptr}}));
  EXPECT_EQ(config["post-hook"][2]["transaction"], false);
  EXPECT_FALSE(config.contains("post_hook"));
}

TEST(ConfigMerge, DictKeyWithNonDictValueIsAnError) {
  Json config = default_config(ResourceType::Model);
  EXPECT_THROW(merge_config(config, {{"meta", "oops"}}), std::invalid_argument);
}

TEST(ConfigTree, LayersFollowTheFqnAndPlusKeys) {
  Json tree = Json::parse(R"({
    "+materialized": "view",
    "shop": {
      "+tags": ["a"],
      "staging": {"materialized": "table", "schema": "stg", "meta": {"not": "config"},
                  "+meta": {"is": "config"}},
      "marts": {"+enabled": false}
    }
  })");
  auto layers = project_config_layers(tree, {"shop", "staging", "stg_orders"});
  ASSERT_EQ(layers.size(), 3u);  // root, shop, staging; stg_orders has no level
  EXPECT_EQ(layers[0], (Json{{"materialized", "view"}}));
  EXPECT_EQ(layers[1], (Json{{"tags", {"a"}}}));
  // A dict without '+' is a folder level, not a config.
  EXPECT_EQ(layers[2],
            (Json{{"materialized", "table"}, {"schema", "stg"}, {"meta", {{"is", "config"}}}}));
}

TEST(ConfigResolver, PrecedenceIsTreeThenYamlThenConfigCall) {
  ConfigResolver resolver("shop");
  ConfigTrees trees;
  trees.models = Json::parse(R"({"shop": {"+materialized": "table", "+tags": "t1"}})");
  resolver.add_project("shop", trees);
  Json config = resolver.resolve(ResourceType::Model, "shop", {"shop", "m"},
                                 {{"materialized", "view"}, {"tags", "t2"}},
                                 {{"materialized", "incremental"}});
  EXPECT_EQ(config["materialized"], "incremental");
  EXPECT_EQ(config["tags"], Json::array({"t1", "t2"}));
}

TEST(ConfigResolver, RootProjectOverridesAPackageAfterItsConfigCall) {
  ConfigResolver resolver("shop");
  ConfigTrees root;
  root.models = Json::parse(R"({"pkg": {"+schema": "root_says"}})");
  ConfigTrees pkg;
  pkg.models = Json::parse(R"({"pkg": {"+schema": "pkg_says", "+materialized": "table"}})");
  resolver.add_project("shop", root);
  resolver.add_project("pkg", pkg);
  Json config = resolver.resolve(ResourceType::Model, "pkg", {"pkg", "m"}, Json::object(),
                                 {{"schema", "call_says"}});
  EXPECT_EQ(config["schema"], "root_says");
  EXPECT_EQ(config["materialized"], "table");
}

TEST(ConfigResolver, TestStoreFailuresAsFollowsStoreFailures) {
  ConfigResolver resolver("shop");
  Json config = resolver.resolve(ResourceType::Test, "shop", {"shop", "t"},
                                 {{"store_failures", true}}, Json::object());
  EXPECT_EQ(config["store_failures_as"], "table");
  config = resolver.resolve(ResourceType::Test, "shop", {"shop", "t"},
                            {{"store_failures_as", "ephemeral"}, {"store_failures", true}},
                            Json::object());
  EXPECT_EQ(config["store_failures"], false);
}

TEST(ConfigDefaults, ModelDefaultsAreDbts) {
  Json config = default_config(ResourceType::Model);
  EXPECT_EQ(config["materialized"], "view");
  EXPECT_TRUE(config["schema"].is_null());
  EXPECT_EQ(config["access"], "protected");
  EXPECT_EQ(config["on_schema_change"], "ignore");
  Json test = default_config(ResourceType::Test);
  EXPECT_EQ(test["schema"], "dbt_test__audit");
  EXPECT_EQ(test["severity"], "ERROR");
}

}  // namespace
}  // namespace kiln::project
