#pragma once
// A node after the parse phase: its final config, what it reads, and where it is built.
// The compile phase turns it into SQL; the graph, state and run stages work from these.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/node.h"
#include "project/resource_type.h"

namespace kiln::compile {

struct RefCall {
  std::string package;  // empty: any package
  std::string name;
  nlohmann::ordered_json version;  // null unless ref(..., v=2)
};

struct SourceCall {
  std::string source_name;
  std::string table_name;
};

struct ParsedNode {
  std::string unique_id;
  project::ResourceType resource_type = project::ResourceType::Model;
  // The project stage's node this came from (owned by the Project, which outlives us).
  const project::NodeCommon* node = nullptr;
  const project::GenericTest* generic_test = nullptr;  // tests from YAML
  const project::Source* source = nullptr;             // sources
  const project::Model* model = nullptr;               // models (versions, access, ...)
  nlohmann::ordered_json config = nlohmann::ordered_json::object();
  std::vector<RefCall> refs;
  std::vector<SourceCall> sources;
  std::vector<std::string> depends_on;         // unique_ids, in first-use order
  std::vector<std::string> depends_on_macros;  // unique_ids of macros called directly
  std::string database;
  std::string schema;
  std::string alias;          // the relation's identifier
  std::string relation_name;  // quoted; empty for ephemeral models, tests and analyses
  // Descriptions as the manifest shows them: rendered after parsing, so {{ doc('x') }} is the
  // docs block's text (descriptions.h). Columns are parallel to node->columns.
  std::string description;
  std::string source_description;  // sources only
  std::vector<std::string> column_descriptions;
  std::vector<std::string> doc_blocks;  // unique_ids of the docs blocks the description names
  std::vector<std::vector<std::string>> column_doc_blocks;

  const std::string& name() const { return node->name; }
  const std::string& package() const { return node->package_name; }
  std::string materialized() const { return config.value("materialized", std::string()); }
  bool is_ephemeral() const { return materialized() == "ephemeral"; }
  // Seeds, models, snapshots: nodes that a ref() can point at.
  bool is_refable() const {
    return resource_type == project::ResourceType::Model ||
           resource_type == project::ResourceType::Seed ||
           resource_type == project::ResourceType::Snapshot;
  }
};

// Every node of a project after the parse phase, by unique_id.
struct Manifest {
  std::string root_package;       // the project's name
  std::vector<ParsedNode> nodes;  // models, seeds, snapshots, analyses, tests, sources
  std::map<std::string, size_t, std::less<>> index;
  // Nodes a ref() can name (models, seeds, snapshots), by name.
  std::map<std::string, std::vector<size_t>, std::less<>> refable_by_name;

  const ParsedNode* find(std::string_view unique_id) const {
    auto it = index.find(unique_id);
    return it == index.end() ? nullptr : &nodes[it->second];
  }
};

}  // namespace kiln::compile
