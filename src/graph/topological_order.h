#pragma once
// A deterministic topological order: nodes by generation (the longest path from a node
// without parents, over dependency edges and test gates), ties by unique_id. The same project
// always compiles, lists and runs in the same order, whatever order its files were read in.

#include <cstdint>
#include <vector>

#include "graph/dag.h"

namespace kiln::graph {

// generation[node]: 0 for nodes without parents, else 1 + the largest generation of a parent.
std::vector<uint32_t> generations(const Dag& dag);

std::vector<NodeIndex> topological_order(const Dag& dag);
// The members of `subset` in the whole graph's order, which is also a topological order of
// any subset (every path runs from a lower generation to a higher one).
std::vector<NodeIndex> topological_order(const Dag& dag, const NodeSet& subset);

}  // namespace kiln::graph
