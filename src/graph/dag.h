#pragma once
// The DAG of a project: nodes numbered in unique_id order, dependency edges from depends_on,
// and the extra "test gate" edges `build` adds so a node waits for the tests of its upstream
// nodes. Selection walks dependency edges only, as dbt does; scheduling honours both.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_node.h"
#include "graph/node_set.h"

namespace kiln::graph {

class Dag {
 public:
  // Throws GraphError on a duplicate unique_id, a dependency that is not a node, or a cycle
  // ("Found a cycle: model.p.a --> model.p.b", as dbt says it).
  explicit Dag(std::vector<GraphNode> nodes);

  size_t size() const { return nodes_.size(); }
  const GraphNode& node(NodeIndex index) const { return nodes_[index]; }
  const std::string& id(NodeIndex index) const { return nodes_[index].unique_id; }
  std::optional<NodeIndex> find(std::string_view unique_id) const;

  // Direct dependency edges, each list in unique_id order.
  const std::vector<NodeIndex>& parents(NodeIndex index) const { return parents_[index]; }
  const std::vector<NodeIndex>& children(NodeIndex index) const { return children_[index]; }

  // Test gates (dbt's "parent_test" edges): the tests `node` must wait for in `build`, and
  // the nodes that wait for `test`. Empty unless add_build_test_gates() ran.
  const std::vector<NodeIndex>& gating_tests(NodeIndex node) const { return gating_tests_[node]; }
  const std::vector<NodeIndex>& gated_nodes(NodeIndex test) const { return gated_nodes_[test]; }
  void add_test_gate(NodeIndex test, NodeIndex node);
  bool has_test_gates() const { return has_test_gates_; }

  NodeSet empty_set() const { return NodeSet(size()); }
  NodeSet all_nodes() const { return NodeSet::all(size()); }
  NodeSet set_of(const std::vector<std::string>& unique_ids) const;  // throws on unknown id
  std::vector<std::string> ids(const NodeSet& set) const;            // in unique_id order

  // Ancestors / descendants of `from` along dependency edges, up to `depth` steps (nullopt:
  // no limit, 0: none). A member of `from` is included only if it is reached from another,
  // as in dbt's select_parents / select_children.
  NodeSet ancestors(const NodeSet& from, std::optional<int> depth = std::nullopt) const;
  NodeSet descendants(const NodeSet& from, std::optional<int> depth = std::nullopt) const;

 private:
  NodeIndex index_or_throw(const std::string& dependency, const GraphNode& dependent) const;
  void link_dependencies();
  void reject_cycles() const;
  NodeSet walk(const NodeSet& from, std::optional<int> depth,
               const std::vector<std::vector<NodeIndex>>& edges) const;

  std::vector<GraphNode> nodes_;
  std::vector<std::vector<NodeIndex>> parents_;
  std::vector<std::vector<NodeIndex>> children_;
  std::vector<std::vector<NodeIndex>> gating_tests_;
  std::vector<std::vector<NodeIndex>> gated_nodes_;
  bool has_test_gates_ = false;
};

}  // namespace kiln::graph
