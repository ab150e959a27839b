#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/named_blocks.h"
#include "project/resource_type.h"
#include "project/source_pos.h"

namespace kiln::project {

// A column as YAML properties describe it.
struct Column {
  std::string name;
  std::string description;
  std::optional<std::string> data_type;
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  std::vector<std::string> tags;
  std::optional<bool> quote;
  nlohmann::ordered_json constraints = nlohmann::ordered_json::array();
  nlohmann::ordered_json config = nlohmann::ordered_json::object();  // column-level config:
  nlohmann::ordered_json granularity;                                // null unless set
  SourcePos pos;
};

// What every node of the DAG has. Names follow dbt's manifest fields.
struct NodeCommon {
  ResourceType resource_type = ResourceType::Model;
  std::string unique_id;           // "model.jaffle_shop.orders"
  std::string name;                // "orders"
  std::string package_name;        // the project or installed package that owns the file
  std::vector<std::string> fqn;    // package, folders, name: ["jaffle_shop", "staging", "orders"]
  std::string original_file_path;  // relative to the package root: "models/staging/orders.sql"
  std::string path;                // relative to its resource folder: "staging/orders.sql"
  std::string root_path;           // absolute folder of the package
  std::string raw_code;            // the file's text (Jinja-SQL, unrendered)
  std::string language = "sql";
  std::string description;
  std::vector<std::string> tags;  // the node's tags: config tags and YAML tags, unioned
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  std::vector<Column> columns;
  nlohmann::ordered_json docs = {{"show", true}, {"node_color", nullptr}};
  // The config before the file's own {{ config() }} call: project tree + YAML `config:`.
  nlohmann::ordered_json config;
  // The YAML properties layer (`config:` plus top-level keys dbt folds into config, such
  // as a test's `severity`), kept so the compile stage can re-resolve the config with
  // the config() call in between (ConfigResolver::resolve).
  nlohmann::ordered_json patch_config = nlohmann::ordered_json::object();
  std::string patch_path;  // "jaffle_shop://models/schema.yml" when YAML described it
  SourcePos defined_at;    // where to point errors about this node
};

struct Model : NodeCommon {
  std::string access = "protected";  // also in config.access
  std::optional<std::string> group;
  nlohmann::ordered_json version;         // null, or the version (number or string)
  nlohmann::ordered_json latest_version;  // null, or the latest version of this model
  nlohmann::ordered_json constraints = nlohmann::ordered_json::array();
};

struct Seed : NodeCommon {};  // raw_code is empty; the CSV is at original_file_path
struct Snapshot : NodeCommon {};
struct Analysis : NodeCommon {};
struct SingularTest : NodeCommon {};

// What a generic test is attached to: ref('name'[, version]) or source('src', 'table').
struct TestTarget {
  enum class Kind { Ref, Source };
  Kind kind = Kind::Ref;
  std::string name;                // model/seed/snapshot name, or the table name of a source
  std::string source_name;         // for Kind::Source
  nlohmann::ordered_json version;  // for versioned models; null otherwise
  ResourceType resource_type = ResourceType::Model;  // which YAML key declared it
};

// A test from YAML properties: `- unique`, `- accepted_values: {...}`, ...
struct GenericTest : NodeCommon {
  std::string test_name;                      // "accepted_values"
  std::optional<std::string> test_namespace;  // "dbt_utils" in `dbt_utils.expression_is_true`
  std::string macro_name;                     // "test_accepted_values" / "dbt_utils.test_..."
  // The macro's keyword arguments: the test's arguments plus `column_name` (for column
  // tests) and `model`, "{{ get_where_subquery(ref('orders')) }}", rendered at compile.
  nlohmann::ordered_json kwargs = nlohmann::ordered_json::object();
  std::optional<std::string> column_name;
  TestTarget attached_to;
  std::string file_key_name;  // "models.orders" / "sources.raw"
  // The test's own config from YAML (severity, where, ... and `config:`), already part
  // of patch_config; dbt passes it as a config() call in raw_code as well.
  nlohmann::ordered_json test_config = nlohmann::ordered_json::object();
};

// One table of a source.
struct Source : NodeCommon {
  std::string source_name;
  std::string source_description;
  nlohmann::ordered_json source_meta = nlohmann::ordered_json::object();
  std::optional<std::string> database;  // null: the target's database
  std::string schema;                   // defaults to the source name
  std::string identifier;               // defaults to the table name
  std::optional<std::string> loader;
  std::optional<std::string> loaded_at_field;
  std::optional<std::string> loaded_at_query;
  nlohmann::ordered_json freshness;  // null, or {warn_after, error_after, filter}
  nlohmann::ordered_json quoting = nlohmann::ordered_json::object();
  nlohmann::ordered_json external;  // null unless set
};

// A .sql file of macros: the compile stage finds the {% macro %} blocks in it.
struct MacroFile {
  std::string package_name;
  std::string original_file_path;
  std::string path;
  std::string root_path;
  std::string contents;
};

// YAML properties of a macro (`macros:` entries): applied to the macro of that name.
struct MacroPatch {
  std::string package_name;
  std::string name;
  std::string description;
  nlohmann::ordered_json arguments = nlohmann::ordered_json::array();
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  nlohmann::ordered_json docs = {{"show", true}, {"node_color", nullptr}};
  std::string original_file_path;
  SourcePos defined_at;
};

// A .md file under docs-paths and its {% docs name %} blocks, whose bodies are still
// Jinja: the compile stage renders them (dbt's block_contents).
struct DocsFile {
  std::string package_name;
  std::string original_file_path;
  std::string path;
  std::string contents;
  std::vector<NamedBlock> blocks;
};

struct Exposure {
  std::string unique_id;  // "exposure.jaffle_shop.weekly_report"
  std::string name;
  std::string package_name;
  std::vector<std::string> fqn;
  std::string original_file_path;
  std::string path;
  std::string type;  // dashboard, notebook, analysis, ml, application
  nlohmann::ordered_json owner = nlohmann::ordered_json::object();
  std::string description;
  std::optional<std::string> label;
  std::optional<std::string> maturity;
  std::optional<std::string> url;
  std::vector<std::string> depends_on;  // as written: "ref('orders')", "source('raw', 'x')"
  std::vector<std::string> tags;
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  nlohmann::ordered_json config;
  SourcePos defined_at;
};

// YAML entries Kiln keeps but does not interpret (semantic models, metrics, saved
// queries, unit tests, groups): the raw JSON and where it came from.
struct RawEntry {
  std::string package_name;
  std::string original_file_path;
  nlohmann::ordered_json value;
  SourcePos defined_at;
};

// A node left out because its config says `enabled: false`.
struct DisabledNode {
  ResourceType resource_type = ResourceType::Model;
  std::string unique_id;
  std::string original_file_path;
};

}  // namespace kiln::project
