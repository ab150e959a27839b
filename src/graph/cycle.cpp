#include "graph/cycle.h"

#include <cstdint>

namespace kiln::graph {

namespace {

enum class Mark : uint8_t { Unvisited, OnPath, Finished };

struct Frame {
  NodeIndex node;
  size_t next_edge;
};

// Depth-first search from `root` with an explicit stack (a 10,000-deep chain must not
// overflow the call stack). Returns the cycle closed by the first back edge found.
std::optional<std::vector<NodeIndex>> search_from(
    NodeIndex root, const std::vector<std::vector<NodeIndex>>& successors,
    std::vector<Mark>& marks) {
  std::vector<Frame> path{{root, 0}};
  marks[root] = Mark::OnPath;
  while (!path.empty()) {
    Frame& top = path.back();
    const auto& edges = successors[top.node];
    if (top.next_edge == edges.size()) {
      marks[top.node] = Mark::Finished;
      path.pop_back();
      continue;
    }
    NodeIndex next = edges[top.next_edge++];
    if (marks[next] == Mark::OnPath) {
      std::vector<NodeIndex> cycle;
      bool in_cycle = false;
      for (const Frame& frame : path) {
        in_cycle = in_cycle || frame.node == next;
        if (in_cycle) cycle.push_back(frame.node);
      }
      return cycle;
    }
    if (marks[next] == Mark::Unvisited) {
      marks[next] = Mark::OnPath;
      path.push_back({next, 0});
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<NodeIndex>> find_cycle(
    const std::vector<std::vector<NodeIndex>>& successors) {
  std::vector<Mark> marks(successors.size(), Mark::Unvisited);
  for (NodeIndex root = 0; root < successors.size(); ++root) {
    if (marks[root] != Mark::Unvisited) continue;
    if (auto cycle = search_from(root, successors, marks)) return cycle;
  }
  return std::nullopt;
}

}  // namespace kiln::graph
