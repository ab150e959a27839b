#include "graph/topological_order.h"

#include <algorithm>

namespace kiln::graph {

namespace {

// Parents of `node` in scheduling terms: what it reads and, in `build`, the tests it waits for.
template <typename Visit>
void for_each_predecessor(const Dag& dag, NodeIndex node, Visit visit) {
  for (NodeIndex parent : dag.parents(node))
    visit(parent);
  for (NodeIndex test : dag.gating_tests(node))
    visit(test);
}

template <typename Visit>
void for_each_successor(const Dag& dag, NodeIndex node, Visit visit) {
  for (NodeIndex child : dag.children(node))
    visit(child);
  for (NodeIndex waiting : dag.gated_nodes(node))
    visit(waiting);
}

}  // namespace

std::vector<uint32_t> generations(const Dag& dag) {
  // Kahn's algorithm, layer by layer; the Dag constructor already rejected cycles.
  std::vector<uint32_t> generation(dag.size(), 0);
  std::vector<uint32_t> waiting_on(dag.size(), 0);
  std::vector<NodeIndex> layer;
  for (NodeIndex node = 0; node < dag.size(); ++node) {
    for_each_predecessor(dag, node, [&](NodeIndex) { ++waiting_on[node]; });
    if (waiting_on[node] == 0) layer.push_back(node);
  }
  for (uint32_t level = 0; !layer.empty(); ++level) {
    std::vector<NodeIndex> next_layer;
    for (NodeIndex node : layer) {
      generation[node] = level;
      for_each_successor(dag, node, [&](NodeIndex next) {
        if (--waiting_on[next] == 0) next_layer.push_back(next);
      });
    }
    layer = std::move(next_layer);
  }
  return generation;
}

std::vector<NodeIndex> topological_order(const Dag& dag) {
  return topological_order(dag, dag.all_nodes());
}

std::vector<NodeIndex> topological_order(const Dag& dag, const NodeSet& subset) {
  std::vector<uint32_t> generation = generations(dag);
  std::vector<NodeIndex> order = subset.members();
  // Indexes follow unique_id order, so a stable sort by generation breaks ties by unique_id.
  std::stable_sort(order.begin(), order.end(),
                   [&](NodeIndex a, NodeIndex b) { return generation[a] < generation[b]; });
  return order;
}

}  // namespace kiln::graph
