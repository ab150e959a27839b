#pragma once

// Plain inputs for manifest.json (schema v12). The CLI fills them from the project,
// compile and graph stages; this stage only knows how dbt spells them. Free-form parts
// (configs, meta, test kwargs, selectors) are JSON the caller already resolved, written
// as given. Field order below follows dbt's schema, which is also the order written.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "artifacts/metadata.h"

namespace kiln::artifacts {

using Json = nlohmann::ordered_json;

// The resource types that live under manifest "nodes" (and "disabled").
enum class NodeType { kModel, kSeed, kSnapshot, kTest, kAnalysis, kOperation, kSqlOperation };

// "model", "seed", "snapshot", "test", "analysis", "operation" (hooks), "sql".
std::string_view node_type_name(NodeType type);

struct FileChecksum {
  std::string name = "sha256";  // dbt uses "none" with an empty checksum for generic tests
  std::string checksum;
};

struct RefArgs {
  std::string name;
  std::optional<std::string> package;
  Json version = nullptr;  // dbt allows a string or a number
};

struct Docs {
  bool show = true;
  std::optional<std::string> node_color;
};

struct ColumnInfo {
  std::string name;
  std::string description;
  Json meta = Json::object();
  std::optional<std::string> data_type;
  Json constraints = Json::array();
  std::optional<bool> quote;
  Json config = Json{{"meta", Json::object()}, {"tags", Json::array()}};
  std::vector<std::string> tags;
  std::optional<std::string> granularity;
  std::vector<std::string> doc_blocks;
};

struct DependsOn {
  std::vector<std::string> macros;
  std::vector<std::string> nodes;
};

struct InjectedCte {
  std::string id;
  std::string sql;
};

struct Contract {
  bool enforced = false;
  bool alias_types = true;
  std::optional<std::string> checksum;
};

struct TestMetadata {
  std::string name;
  Json kwargs = Json::object();
  std::optional<std::string> namespace_name;  // "namespace" in JSON
};

// One model, seed, snapshot, test, analysis or hook. Fields that only some types carry
// are ignored for the others (a seed has no refs; only tests have test_metadata).
struct ManifestNode {
  NodeType resource_type = NodeType::kModel;
  std::optional<std::string> database;
  std::string schema;
  std::string name;
  std::string package_name;
  std::string path;                // relative to the resource folder, e.g. "stg/x.sql"
  std::string original_file_path;  // relative to the project root, e.g. "models/stg/x.sql"
  std::string unique_id;
  std::vector<std::string> fqn;
  std::string alias;
  FileChecksum checksum;
  Json config = Json::object();  // the node's full resolved config, in dbt's key order
  std::vector<std::string> tags;
  std::string description;
  std::vector<ColumnInfo> columns;
  Json meta = Json::object();
  std::optional<std::string> group;
  Docs docs;
  std::optional<std::string> patch_path;  // "<package>://models/schema.yml"
  std::optional<std::string> build_path;
  Json unrendered_config = Json::object();
  double created_at = 0;  // epoch seconds
  std::optional<std::string> relation_name;
  std::string raw_code;
  std::vector<std::string> doc_blocks;
  std::string language = "sql";
  std::vector<RefArgs> refs;
  std::vector<std::pair<std::string, std::string>> sources;  // (source name, table name)
  std::vector<std::vector<std::string>> metrics;
  std::vector<std::vector<std::string>> functions;
  DependsOn depends_on;
  std::optional<std::string> compiled_path;
  // dbt omits compiled, compiled_code, extra_ctes_injected and extra_ctes when a node was
  // not compiled in this invocation (e.g. `parse`), so they are written only when true.
  bool compiled = false;
  std::optional<std::string> compiled_code;
  bool extra_ctes_injected = false;
  std::vector<InjectedCte> extra_ctes;
  Contract contract;
  // Models only.
  std::string access = "protected";
  Json constraints = Json::array();
  Json version = nullptr;
  Json latest_version = nullptr;
  std::optional<std::string> deprecation_date;
  std::vector<std::string> primary_key;
  Json time_spine = nullptr;
  // Seeds only: the absolute project root.
  std::string root_path;
  // Generic tests only (a test with test_metadata is generic, without it singular).
  std::optional<TestMetadata> test_metadata;
  std::optional<std::string> column_name;
  std::optional<std::string> file_key_name;
  std::optional<std::string> attached_node;
  // Hooks (operations) only: position among the project's hooks.
  std::optional<int> index;
};

struct Quoting {
  std::optional<bool> database;
  std::optional<bool> schema;
  std::optional<bool> identifier;
  std::optional<bool> column;
};

struct FreshnessTime {
  std::optional<int> count;
  std::optional<std::string> period;  // "minute" | "hour" | "day"
};

struct FreshnessThreshold {
  FreshnessTime warn_after;
  FreshnessTime error_after;
  std::optional<std::string> filter;
};

struct ManifestSource {
  std::optional<std::string> database;
  std::string schema;
  std::string name;  // the table's name
  std::string package_name;
  std::string path;
  std::string original_file_path;
  std::string unique_id;
  std::vector<std::string> fqn;
  std::string source_name;
  std::string source_description;
  std::string loader;
  std::string identifier;
  Quoting quoting;
  std::optional<std::string> loaded_at_field;
  std::optional<std::string> loaded_at_query;
  std::optional<FreshnessThreshold> freshness;
  Json external = nullptr;
  std::string description;
  std::vector<ColumnInfo> columns;
  Json meta = Json::object();
  Json source_meta = Json::object();
  std::vector<std::string> tags;
  Json config = Json::object();
  std::optional<std::string> patch_path;
  Json unrendered_config = Json::object();
  std::optional<std::string> relation_name;
  double created_at = 0;
  std::optional<std::string> unrendered_database;
  std::optional<std::string> unrendered_schema;
  std::vector<std::string> doc_blocks;
};

struct MacroArgument {
  std::string name;
  std::optional<std::string> type;
  std::string description;
};

struct ManifestMacro {
  std::string name;
  std::string package_name;
  std::string path;
  std::string original_file_path;
  std::string unique_id;
  std::string macro_sql;
  std::vector<std::string> depends_on_macros;
  std::string description;
  Json meta = Json::object();
  Docs docs;
  std::optional<std::string> patch_path;
  std::vector<MacroArgument> arguments;
  double created_at = 0;
  std::optional<std::vector<std::string>> supported_languages;  // materializations only
};

struct ManifestDoc {
  std::string name;
  std::string package_name;
  std::string path;
  std::string original_file_path;
  std::string unique_id;
  std::string block_contents;
};

struct Owner {
  std::optional<std::string> email;
  std::optional<std::string> name;
};

struct ManifestExposure {
  std::string name;
  std::string package_name;
  std::string path;
  std::string original_file_path;
  std::string unique_id;
  std::vector<std::string> fqn;
  std::string type;  // dashboard | notebook | analysis | ml | application
  Owner owner;
  std::string description;
  std::optional<std::string> label;
  std::optional<std::string> maturity;
  Json meta = Json::object();
  std::vector<std::string> tags;
  Json config = Json{{"enabled", true}, {"tags", Json::array()}, {"meta", Json::object()}};
  Json unrendered_config = Json::object();
  std::optional<std::string> url;
  DependsOn depends_on;
  std::vector<RefArgs> refs;
  std::vector<std::pair<std::string, std::string>> sources;
  std::vector<std::vector<std::string>> metrics;
  double created_at = 0;
};

struct ManifestGroup {
  std::string name;
  std::string package_name;
  std::string path;
  std::string original_file_path;
  std::string unique_id;
  Owner owner;
  std::optional<std::string> description;
  Json config = Json{{"meta", Json::object()}};
};

// What manifest metadata says beyond the common invocation fields.
struct ManifestMetadata {
  InvocationInfo invocation;
  std::string project_name;
  std::string project_id;  // md5 hex of project_name, as dbt computes it
  std::string adapter_type;
  Quoting quoting;  // the project's resolved quoting
  std::optional<TimePoint> run_started_at;
};

// A disabled resource: dbt lists every disabled copy of a unique_id.
struct DisabledEntry {
  std::string unique_id;
  std::vector<ManifestNode> nodes;
  std::vector<ManifestSource> sources;
};

struct Manifest {
  ManifestMetadata metadata;
  std::vector<ManifestNode> nodes;  // written in this order, as dbt writes parse order
  std::vector<ManifestSource> sources;
  std::vector<ManifestMacro> macros;
  std::vector<ManifestDoc> docs;
  std::vector<ManifestExposure> exposures;
  std::vector<ManifestGroup> groups;
  Json selectors = Json::object();  // selectors.yml, as dbt stores it
  std::vector<DisabledEntry> disabled;
};

}  // namespace kiln::artifacts
