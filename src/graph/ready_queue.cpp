#include "graph/ready_queue.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace kiln::graph {

namespace {

// What a node waits for when scheduled: what it reads and, in `build`, the gating tests.
std::vector<NodeIndex> predecessors(const Dag& dag, NodeIndex node) {
  std::vector<NodeIndex> out = dag.parents(node);
  const auto& tests = dag.gating_tests(node);
  out.insert(out.end(), tests.begin(), tests.end());
  return out;
}

}  // namespace

ReadyQueue::ReadyQueue(const Dag& dag, const NodeSet& selected)
    : waits_for_(dag.size()),
      waited_by_(dag.size()),
      priority_(dag.size(), 0),
      unfinished_parents_(dag.size(), 0),
      status_(dag.size(), Status::NotSelected) {
  link_through_unselected(dag, selected);
  compute_priorities(selected);
  selected.for_each([&](NodeIndex node) {
    status_[node] = Status::Waiting;
    unfinished_parents_[node] = static_cast<uint32_t>(waits_for_[node].size());
    ++remaining_;
  });
  selected.for_each([&](NodeIndex node) {
    if (unfinished_parents_[node] == 0) make_ready(node);
  });
}

void ReadyQueue::link_through_unselected(const Dag& dag, const NodeSet& selected) {
  // For each selected node, walk up through unselected nodes until selected ones are met.
  std::vector<NodeIndex> visited_by(dag.size(), UINT32_MAX);
  selected.for_each([&](NodeIndex node) {
    std::vector<NodeIndex> stack = predecessors(dag, node);
    while (!stack.empty()) {
      NodeIndex up = stack.back();
      stack.pop_back();
      if (visited_by[up] == node) continue;
      visited_by[up] = node;
      if (selected.contains(up)) {
        waits_for_[node].push_back(up);
        waited_by_[up].push_back(node);
      } else {
        for (NodeIndex further : predecessors(dag, up))
          stack.push_back(further);
      }
    }
    std::sort(waits_for_[node].begin(), waits_for_[node].end());
  });
  for (auto& list : waited_by_)
    std::sort(list.begin(), list.end());
}

void ReadyQueue::compute_priorities(const NodeSet& selected) {
  // Generations of the selected graph, by Kahn's algorithm over waits_for_.
  std::vector<uint32_t> pending(priority_.size(), 0);
  std::vector<NodeIndex> layer;
  selected.for_each([&](NodeIndex node) {
    pending[node] = static_cast<uint32_t>(waits_for_[node].size());
    if (pending[node] == 0) layer.push_back(node);
  });
  for (uint32_t level = 0; !layer.empty(); ++level) {
    std::vector<NodeIndex> next_layer;
    for (NodeIndex node : layer) {
      priority_[node] = level;
      for (NodeIndex next : waited_by_[node]) {
        if (--pending[next] == 0) next_layer.push_back(next);
      }
    }
    layer = std::move(next_layer);
  }
}

void ReadyQueue::make_ready(NodeIndex node) {
  status_[node] = Status::Ready;
  ready_.emplace(priority_[node], node);
}

std::optional<NodeIndex> ReadyQueue::pop() {
  if (ready_.empty()) return std::nullopt;
  NodeIndex node = ready_.begin()->second;
  ready_.erase(ready_.begin());
  status_[node] = Status::InProgress;
  ++in_progress_;
  return node;
}

std::vector<NodeIndex> ReadyQueue::pop_all() {
  std::vector<NodeIndex> out;
  while (auto node = pop())
    out.push_back(*node);
  return out;
}

void ReadyQueue::mark_done(NodeIndex node) {
  if (node >= status_.size() || status_[node] != Status::InProgress) {
    throw std::logic_error(
        fmt::format("ReadyQueue::mark_done: node {} was not handed out by pop()", node));
  }
  status_[node] = Status::Done;
  --in_progress_;
  --remaining_;
  for (NodeIndex next : waited_by_[node]) {
    if (--unfinished_parents_[next] == 0) make_ready(next);
  }
}

}  // namespace kiln::graph
