#include "artifacts/manifest_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "artifacts/dependency_maps.h"

namespace kiln::artifacts {
namespace {

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it)
    keys.push_back(it.key());
  return keys;
}

void expect_has_keys(const Json& object, const std::vector<std::string>& required,
                     const std::string& what) {
  for (const std::string& key : required) {
    EXPECT_TRUE(object.contains(key)) << what << " lacks required key " << key;
  }
}

// Required keys, hand-copied from dbt's published manifest v12 JSON schema.
const std::vector<std::string> kNodeRequired = {
    "database",           "schema",    "name", "resource_type", "package_name", "path",
    "original_file_path", "unique_id", "fqn",  "alias",         "checksum"};
const std::vector<std::string> kSourceRequired = {
    "database",           "schema",    "name", "resource_type", "package_name",       "path",
    "original_file_path", "unique_id", "fqn",  "source_name",   "source_description", "loader",
    "identifier"};
const std::vector<std::string> kMacroRequired = {"name",     "resource_type",      "package_name",
                                                 "path",     "original_file_path", "unique_id",
                                                 "macro_sql"};
const std::vector<std::string> kExposureRequired = {
    "name",      "resource_type", "package_name", "path", "original_file_path",
    "unique_id", "fqn",           "type",         "owner"};

ManifestNode make_node(NodeType type, const std::string& name, std::vector<std::string> parents) {
  ManifestNode node;
  node.resource_type = type;
  node.database = "analytics";
  node.schema = "main";
  node.name = name;
  node.alias = name;
  node.package_name = "wizards";
  node.path = name + ".sql";
  node.original_file_path = "models/" + name + ".sql";
  node.unique_id = std::string(node_type_name(type)) + ".wizards." + name;
  node.fqn = {"wizards", name};
  node.checksum.checksum = "abc";
  node.depends_on.nodes = std::move(parents);
  node.created_at = 1759423716.418234;
  return node;
}

Manifest small_manifest() {
  Manifest manifest;
  manifest.metadata.invocation.invocation_id = "44bddff0-d7eb-4be7-8e0c-f4e1709ae7fe";
  manifest.metadata.invocation.generated_at =
      TimePoint(std::chrono::microseconds(1727191476246406));
  manifest.metadata.project_name = "wizards";
  manifest.metadata.project_id = "d6a8b2c0c3a4f5e6d7c8b9a0f1e2d3c4";
  manifest.metadata.adapter_type = "duckdb";

  ManifestSource source;
  source.unique_id = "source.wizards.raw.spells";
  source.name = "spells";
  source.source_name = "raw";
  source.identifier = "spells";
  source.schema = "raw";
  source.fqn = {"wizards", "raw", "spells"};
  manifest.sources.push_back(source);

  manifest.nodes.push_back(make_node(NodeType::kSeed, "houses", {}));
  ManifestNode model = make_node(NodeType::kModel, "stg_spells", {"source.wizards.raw.spells"});
  model.compiled = true;
  model.compiled_code = "select * from raw.spells";
  model.group = "magic";
  model.refs.push_back({"houses", std::nullopt, nullptr});
  manifest.nodes.push_back(model);
  ManifestNode dim = make_node(NodeType::kModel, "dim_wizards",
                               {"model.wizards.stg_spells", "seed.wizards.houses"});
  manifest.nodes.push_back(dim);  // not compiled: like `kiln parse`
  ManifestNode test =
      make_node(NodeType::kTest, "not_null_dim_wizards_id", {"model.wizards.dim_wizards"});
  test.test_metadata = TestMetadata{"not_null", Json{{"column_name", "id"}}, std::nullopt};
  test.column_name = "id";
  test.attached_node = "model.wizards.dim_wizards";
  manifest.nodes.push_back(test);
  manifest.nodes.push_back(make_node(NodeType::kSnapshot, "wizards_snapshot", {}));
  manifest.nodes.push_back(make_node(NodeType::kAnalysis, "spell_counts", {}));

  ManifestMacro macro;
  macro.name = "cents_to_dollars";
  macro.unique_id = "macro.wizards.cents_to_dollars";
  macro.macro_sql = "{% macro cents_to_dollars(c) %}{{ c }} / 100{% endmacro %}";
  manifest.macros.push_back(macro);

  ManifestExposure exposure;
  exposure.name = "dashboard";
  exposure.unique_id = "exposure.wizards.dashboard";
  exposure.type = "dashboard";
  exposure.depends_on.nodes = {"model.wizards.dim_wizards"};
  manifest.exposures.push_back(exposure);

  ManifestGroup group;
  group.name = "magic";
  group.unique_id = "group.wizards.magic";
  manifest.groups.push_back(group);
  return manifest;
}

TEST(Manifest, TopLevelKeysInDbtOrder) {
  Json manifest = manifest_json(small_manifest());
  EXPECT_EQ(keys_of(manifest),
            (std::vector<std::string>{"metadata", "nodes", "sources", "macros", "docs", "exposures",
                                      "metrics", "groups", "selectors", "disabled", "parent_map",
                                      "child_map", "group_map", "saved_queries", "semantic_models",
                                      "unit_tests", "functions"}));
}

TEST(Manifest, MetadataSaysWhoWroteItAndForWhichSchema) {
  Json metadata = manifest_json(small_manifest())["metadata"];
  EXPECT_EQ(keys_of(metadata),
            (std::vector<std::string>{
                "dbt_schema_version", "dbt_version", "generated_at", "invocation_id",
                "invocation_started_at", "env", "project_name", "project_id", "user_id",
                "send_anonymous_usage_stats", "adapter_type", "quoting", "run_started_at"}));
  EXPECT_EQ(metadata["dbt_schema_version"], "https://schemas.getdbt.com/dbt/manifest/v12.json");
  EXPECT_EQ(metadata["dbt_version"], "1.11.0+kiln");
  EXPECT_EQ(metadata["generated_at"], "2024-09-24T15:24:36.246406Z");
  EXPECT_TRUE(metadata["user_id"].is_null());
  EXPECT_EQ(metadata["send_anonymous_usage_stats"], false);
  EXPECT_EQ(metadata["adapter_type"], "duckdb");
}

TEST(Manifest, EveryResourceHasTheSchemasRequiredKeys) {
  Json manifest = manifest_json(small_manifest());
  for (auto it = manifest["nodes"].begin(); it != manifest["nodes"].end(); ++it) {
    expect_has_keys(it.value(), kNodeRequired, it.key());
  }
  expect_has_keys(manifest["sources"]["source.wizards.raw.spells"], kSourceRequired, "source");
  expect_has_keys(manifest["macros"]["macro.wizards.cents_to_dollars"], kMacroRequired, "macro");
  expect_has_keys(manifest["exposures"]["exposure.wizards.dashboard"], kExposureRequired,
                  "exposure");
}

TEST(Manifest, CompiledModelHasDbtsKeysInOrder) {
  Json model = manifest_json(small_manifest())["nodes"]["model.wizards.stg_spells"];
  EXPECT_EQ(keys_of(model), (std::vector<std::string>{"database",
                                                      "schema",
                                                      "name",
                                                      "resource_type",
                                                      "package_name",
                                                      "path",
                                                      "original_file_path",
                                                      "unique_id",
                                                      "fqn",
                                                      "alias",
                                                      "checksum",
                                                      "config",
                                                      "tags",
                                                      "description",
                                                      "columns",
                                                      "meta",
                                                      "group",
                                                      "docs",
                                                      "patch_path",
                                                      "build_path",
                                                      "unrendered_config",
                                                      "created_at",
                                                      "relation_name",
                                                      "raw_code",
                                                      "doc_blocks",
                                                      "language",
                                                      "refs",
                                                      "sources",
                                                      "metrics",
                                                      "functions",
                                                      "depends_on",
                                                      "compiled_path",
                                                      "compiled",
                                                      "compiled_code",
                                                      "extra_ctes_injected",
                                                      "extra_ctes",
                                                      "contract",
                                                      "access",
                                                      "constraints",
                                                      "version",
                                                      "latest_version",
                                                      "deprecation_date",
                                                      "primary_key",
                                                      "time_spine"}));
  EXPECT_EQ(model["checksum"], (Json{{"name", "sha256"}, {"checksum", "abc"}}));
  EXPECT_EQ(model["refs"][0],
            (Json{{"name", "houses"}, {"package", nullptr}, {"version", nullptr}}));
}

TEST(Manifest, UncompiledNodeOmitsCompiledFieldsAsDbtDoes) {
  Json model = manifest_json(small_manifest())["nodes"]["model.wizards.dim_wizards"];
  EXPECT_TRUE(model.contains("compiled_path"));
  for (const char* key : {"compiled", "compiled_code", "extra_ctes_injected", "extra_ctes"}) {
    EXPECT_FALSE(model.contains(key)) << key;
  }
}

TEST(Manifest, SeedDependsOnMacrosOnly) {
  Json seed = manifest_json(small_manifest())["nodes"]["seed.wizards.houses"];
  EXPECT_EQ(seed["depends_on"], (Json{{"macros", Json::array()}}));
  EXPECT_TRUE(seed.contains("root_path"));
  EXPECT_FALSE(seed.contains("refs"));
  EXPECT_FALSE(seed.contains("language"));
}

TEST(Manifest, GenericTestCarriesTestMetadata) {
  Json test = manifest_json(small_manifest())["nodes"]["test.wizards.not_null_dim_wizards_id"];
  EXPECT_EQ(
      test["test_metadata"],
      (Json{{"name", "not_null"}, {"kwargs", {{"column_name", "id"}}}, {"namespace", nullptr}}));
  EXPECT_EQ(test["column_name"], "id");
  EXPECT_EQ(test["attached_node"], "model.wizards.dim_wizards");
  EXPECT_TRUE(test.contains("file_key_name"));
  EXPECT_FALSE(test.contains("access"));  // model-only field
}

TEST(Manifest, ParentAndChildMapsCoverEveryNodeAndSource) {
  Json manifest = manifest_json(small_manifest());
  const Json& parents = manifest["parent_map"];
  const Json& children = manifest["child_map"];
  EXPECT_EQ(parents.size(), 8u);  // 6 nodes, 1 source, 1 exposure
  EXPECT_EQ(children.size(), 8u);
  EXPECT_EQ(parents["model.wizards.dim_wizards"],
            (Json::array({"model.wizards.stg_spells", "seed.wizards.houses"})));
  EXPECT_EQ(children["model.wizards.dim_wizards"],
            (Json::array({"exposure.wizards.dashboard", "test.wizards.not_null_dim_wizards_id"})));
  EXPECT_EQ(children["source.wizards.raw.spells"], Json::array({"model.wizards.stg_spells"}));
  EXPECT_EQ(parents["source.wizards.raw.spells"], Json::array());
  EXPECT_EQ(children["seed.wizards.houses"], Json::array({"model.wizards.dim_wizards"}));
}

TEST(DependencyMaps, SortsParentsAndIgnoresChildrenOfUnknownIds) {
  std::vector<std::string> b_parents = {"z.unknown", "a"};
  std::vector<std::string> none;
  DependencyMaps maps = build_dependency_maps({{"a", &none}, {"b", &b_parents}});
  EXPECT_EQ(maps.parent_map["b"], Json::array({"a", "z.unknown"}));
  EXPECT_EQ(maps.child_map["a"], Json::array({"b"}));
  EXPECT_FALSE(maps.child_map.contains("z.unknown"));
}

TEST(Manifest, GroupMapListsEachGroupsNodes) {
  Json manifest = manifest_json(small_manifest());
  EXPECT_EQ(manifest["group_map"], (Json{{"magic", Json::array({"model.wizards.stg_spells"})}}));
}

TEST(Manifest, SerializedManifestParsesBackToTheSameDocument) {
  Manifest manifest = small_manifest();
  Json parsed = Json::parse(serialize_manifest(manifest));
  EXPECT_EQ(parsed, manifest_json(manifest));
}

}  // namespace
}  // namespace kiln::artifacts
