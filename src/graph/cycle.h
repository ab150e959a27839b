#pragma once
// Finding a cycle in a directed graph given as adjacency lists, deterministically: the search
// starts from the lowest index and follows edges in list order, so the same project always
// reports the same cycle.

#include <optional>
#include <vector>

#include "graph/node_set.h"

namespace kiln::graph {

// The nodes of one cycle in edge order, starting at the node the search re-entered
// (a --> b --> a is returned as {a, b}); nullopt when the graph is acyclic.
std::optional<std::vector<NodeIndex>> find_cycle(
    const std::vector<std::vector<NodeIndex>>& successors);

}  // namespace kiln::graph
