#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/error.h"
#include "project/node.h"
#include "project/render.h"
#include "project/yaml_tree.h"

namespace kiln::project {

// A column entry with the tests written under it (kept as YAML so test errors can
// name their line).
struct ColumnProperties {
  Column column;
  std::vector<YamlNode> tests;  // `data_tests:` (or the older `tests:`)
};

// One version of a versioned model (`versions:` entry).
struct VersionProperties {
  nlohmann::ordered_json v;  // the version: a number or a string
  std::optional<std::string> defined_in;
  std::optional<std::string> description;
  nlohmann::ordered_json config = nlohmann::ordered_json::object();
  nlohmann::ordered_json constraints = nlohmann::ordered_json::array();
  // Columns for this version: nullopt means "the model's columns"; include/exclude
  // are applied when the YAML is read.
  std::optional<std::vector<ColumnProperties>> columns;
  std::optional<std::vector<YamlNode>> tests;
  SourcePos pos;
};

// An entry under `models:`, `seeds:`, `snapshots:` or `analyses:`: properties that
// patch the node of that name.
struct NodeProperties {
  ResourceType resource_type = ResourceType::Model;
  std::string name;
  std::string description;
  // `config:` with the top-level keys dbt moves into it: meta, docs, group, contract
  // and access (writing one in both places is an error, as in dbt).
  nlohmann::ordered_json config = nlohmann::ordered_json::object();
  std::vector<ColumnProperties> columns;
  std::vector<YamlNode> tests;
  nlohmann::ordered_json constraints = nlohmann::ordered_json::array();
  std::optional<bool> quote_columns;        // top-level: quotes column names in column tests
  nlohmann::ordered_json latest_version;    // models only
  std::vector<VersionProperties> versions;  // models only
  std::string original_file_path;
  SourcePos pos;
};

struct SourceTableProperties {
  std::string name;
  std::string description;
  std::optional<std::string> identifier;
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  std::vector<std::string> tags;
  nlohmann::ordered_json config = nlohmann::ordered_json::object();
  std::vector<ColumnProperties> columns;
  std::vector<YamlNode> tests;
  bool loaded_at_field_present = false;  // written, even as null
  std::optional<std::string> loaded_at_field;
  std::optional<std::string> loaded_at_query;
  // absent (nullopt), explicitly null (a JSON null) or a threshold object.
  std::optional<nlohmann::ordered_json> freshness;
  nlohmann::ordered_json quoting = nlohmann::ordered_json::object();
  nlohmann::ordered_json external;
  nlohmann::ordered_json docs;  // null unless set
  SourcePos pos;
};

struct SourceProperties {
  std::string name;
  std::string description;
  std::optional<std::string> database;
  std::optional<std::string> schema;
  std::optional<std::string> loader;
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  std::vector<std::string> tags;
  nlohmann::ordered_json config = nlohmann::ordered_json::object();
  std::optional<std::string> loaded_at_field;
  std::optional<std::string> loaded_at_query;
  std::optional<nlohmann::ordered_json> freshness;
  nlohmann::ordered_json quoting = nlohmann::ordered_json::object();
  std::optional<std::string> overrides;  // a package whose source this one replaces
  std::vector<SourceTableProperties> tables;
  std::string original_file_path;
  SourcePos pos;
};

// Everything a `version: 2` YAML properties file declares.
struct PropertiesFile {
  std::string package_name;
  std::string original_file_path;
  std::string search_path;            // the resource folder it was found in
  std::string path;                   // relative to search_path
  std::vector<NodeProperties> nodes;  // models, seeds, snapshots, analyses
  std::vector<SourceProperties> sources;
  std::vector<MacroPatch> macros;
  std::vector<YamlNode> exposures;
  std::vector<RawEntry> groups;
  std::vector<RawEntry> semantic_models;
  std::vector<RawEntry> metrics;
  std::vector<RawEntry> saved_queries;
  std::vector<RawEntry> unit_tests;
  std::vector<Warning> warnings;
};

// Parses one YAML properties file. `render` (may be empty) renders Jinja in values as
// dbt's schema YAML renderer does: not descriptions, not tests (rendered with the
// test), not hooks under config, not loaded_at_query. Bad structure throws ProjectError
// at the line of the offending value.
PropertiesFile parse_properties(const YamlDocument& document, const std::string& package_name,
                                const std::string& original_file_path,
                                const std::string& search_path, const std::string& path,
                                const RenderValue& render);

}  // namespace kiln::project
