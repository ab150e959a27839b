#pragma once
// The graph stage's own description of a node. The CLI fills it from the project and compile
// stages; the graph stage knows nothing about SQL, Jinja or how nodes are loaded, only what
// dbt's node selection methods look at.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiln::graph {

struct GraphNode {
  std::string unique_id;  // "model.jaffle_shop.stg_orders", "source.jaffle_shop.raw.orders"
  // dbt's NodeType values: model, seed, snapshot, test, unit_test, source, exposure, analysis,
  // operation, metric, semantic_model, saved_query, ...
  std::string resource_type;
  std::string name;     // a source's name is its table name ("orders" in raw.orders)
  std::string package;  // package_name
  std::vector<std::string> fqn;
  // Relative to the root of the package that defines the node ("models/stg_orders.sql"; a
  // generic test's is the YAML file that declares it).
  std::string original_file_path;
  // The YAML file that documents the node, relative like original_file_path, without dbt's
  // "project://" prefix; empty when there is none.
  std::string patch_path;
  std::vector<std::string> tags;
  // The node's resolved config (materialized, severity, meta, group, ...). `config.<key>:`
  // selectors descend into it.
  nlohmann::json config = nlohmann::json::object();
  std::vector<std::string> depends_on;  // unique_ids of the nodes this one reads or tests
  std::string source_name;              // sources only: "raw" in raw.orders
  // Generic tests only: the test's macro name (unique, not_null, expression_is_true); empty
  // for singular tests. dbt tells generic from singular tests by this (test_metadata).
  std::string test_metadata_name;
  std::string access;          // models: private, protected or public
  std::string version;         // versioned models: "2"; empty when not versioned
  std::string latest_version;  // versioned models: the model's latest_version
};

// Whether dbt keeps this resource type in manifest.nodes (models, seeds, snapshots, analyses,
// operations, tests), as opposed to sources, exposures, metrics, unit tests... Several
// selector methods and the build test gates look only at these.
inline bool is_manifest_node_type(std::string_view resource_type) {
  constexpr std::array<std::string_view, 8> kNodeTypes = {
      "model", "analysis", "test", "snapshot", "operation", "seed", "rpc", "sql_operation"};
  for (std::string_view type : kNodeTypes) {
    if (type == resource_type) return true;
  }
  return false;
}

inline bool is_test(const GraphNode& node) {
  return node.resource_type == "test";
}
inline bool is_unit_test(const GraphNode& node) {
  return node.resource_type == "unit_test";
}
inline bool is_source(const GraphNode& node) {
  return node.resource_type == "source";
}
inline bool is_generic_test(const GraphNode& node) {
  return is_test(node) && !node.test_metadata_name.empty();
}
inline bool is_singular_test(const GraphNode& node) {
  return is_test(node) && node.test_metadata_name.empty();
}

}  // namespace kiln::graph
