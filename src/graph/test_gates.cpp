#include "graph/test_gates.h"

#include <unordered_map>

namespace kiln::graph {

namespace {

// Nodes a test T gates: the executable non-test nodes downstream of every node T depends on.
NodeSet gated_by(const Dag& dag, NodeIndex test,
                 std::unordered_map<NodeIndex, NodeSet>& descendants_cache) {
  NodeSet gated = dag.all_nodes();
  for (NodeIndex parent : dag.parents(test)) {
    auto [it, inserted] = descendants_cache.try_emplace(parent);
    if (inserted) {
      NodeSet start = dag.empty_set();
      start.insert(parent);
      it->second = dag.descendants(start);
    }
    gated &= it->second;
  }
  NodeSet candidates = gated;
  candidates.for_each([&](NodeIndex node) {
    const GraphNode& n = dag.node(node);
    if (is_test(n) || !is_manifest_node_type(n.resource_type)) gated.erase(node);
  });
  return gated;
}

bool has_parent_in(const Dag& dag, NodeIndex node, const NodeSet& set) {
  for (NodeIndex parent : dag.parents(node)) {
    if (set.contains(parent)) return true;
  }
  return false;
}

}  // namespace

void add_build_test_gates(Dag& dag) {
  std::unordered_map<NodeIndex, NodeSet> descendants_cache;
  for (NodeIndex test = 0; test < dag.size(); ++test) {
    if (!is_test(dag.node(test)) || dag.parents(test).empty()) continue;
    NodeSet gated = gated_by(dag, test, descendants_cache);
    gated.for_each([&](NodeIndex node) {
      if (!has_parent_in(dag, node, gated)) dag.add_test_gate(test, node);
    });
  }
}

}  // namespace kiln::graph
