#include "graph/dag.h"

#include <algorithm>

#include <fmt/format.h>

#include "graph/cycle.h"
#include "graph/errors.h"

namespace kiln::graph {

namespace {

void sort_by_unique_id(std::vector<GraphNode>& nodes) {
  std::sort(nodes.begin(), nodes.end(),
            [](const GraphNode& a, const GraphNode& b) { return a.unique_id < b.unique_id; });
}

void reject_duplicates(const std::vector<GraphNode>& sorted) {
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].unique_id == sorted[i - 1].unique_id) {
      throw GraphError(fmt::format(
          "two nodes have the unique_id '{}' (in {} and {}); every node needs its own id",
          sorted[i].unique_id, sorted[i - 1].original_file_path, sorted[i].original_file_path));
    }
  }
}

void sort_unique(std::vector<NodeIndex>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

}  // namespace

Dag::Dag(std::vector<GraphNode> nodes) : nodes_(std::move(nodes)) {
  sort_by_unique_id(nodes_);
  reject_duplicates(nodes_);
  link_dependencies();
  reject_cycles();
}

std::optional<NodeIndex> Dag::find(std::string_view unique_id) const {
  auto it = std::lower_bound(
      nodes_.begin(), nodes_.end(), unique_id,
      [](const GraphNode& node, std::string_view id) { return node.unique_id < id; });
  if (it == nodes_.end() || it->unique_id != unique_id) return std::nullopt;
  return static_cast<NodeIndex>(it - nodes_.begin());
}

NodeIndex Dag::index_or_throw(const std::string& dependency, const GraphNode& dependent) const {
  if (auto index = find(dependency)) return *index;
  // dbt's GraphDependencyNotFoundError, plus what to look at.
  throw GraphError(fmt::format(
      "'{}' depends on '{}' which is not in the graph! Check that it exists and is enabled "
      "(defined in {})",
      dependent.unique_id, dependency, dependent.original_file_path));
}

void Dag::link_dependencies() {
  parents_.assign(size(), {});
  children_.assign(size(), {});
  gating_tests_.assign(size(), {});
  gated_nodes_.assign(size(), {});
  for (NodeIndex node = 0; node < size(); ++node) {
    for (const std::string& dependency : nodes_[node].depends_on) {
      parents_[node].push_back(index_or_throw(dependency, nodes_[node]));
    }
    sort_unique(parents_[node]);
    for (NodeIndex parent : parents_[node])
      children_[parent].push_back(node);
  }
  // children_ lists are already ascending: nodes were visited in index order.
}

void Dag::reject_cycles() const {
  auto cycle = find_cycle(children_);
  if (!cycle) return;
  std::string path;
  for (NodeIndex node : *cycle) {
    if (!path.empty()) path += " --> ";
    path += id(node);
  }
  throw GraphError("Found a cycle: " + path);
}

void Dag::add_test_gate(NodeIndex test, NodeIndex node) {
  auto& tests = gating_tests_[node];
  if (std::find(tests.begin(), tests.end(), test) != tests.end()) return;
  tests.insert(std::upper_bound(tests.begin(), tests.end(), test), test);
  auto& waiting = gated_nodes_[test];
  waiting.insert(std::upper_bound(waiting.begin(), waiting.end(), node), node);
  has_test_gates_ = true;
}

NodeSet Dag::set_of(const std::vector<std::string>& unique_ids) const {
  NodeSet set = empty_set();
  for (const std::string& unique_id : unique_ids) {
    auto index = find(unique_id);
    if (!index) throw GraphError(fmt::format("no node has the unique_id '{}'", unique_id));
    set.insert(*index);
  }
  return set;
}

std::vector<std::string> Dag::ids(const NodeSet& set) const {
  std::vector<std::string> out;
  set.for_each([&](NodeIndex node) { out.push_back(id(node)); });
  return out;
}

NodeSet Dag::walk(const NodeSet& from, std::optional<int> depth,
                  const std::vector<std::vector<NodeIndex>>& edges) const {
  NodeSet reached = empty_set();
  std::vector<NodeIndex> layer = from.members();
  for (int step = 0; !layer.empty() && (!depth || step < *depth); ++step) {
    std::vector<NodeIndex> next_layer;
    for (NodeIndex node : layer) {
      for (NodeIndex next : edges[node]) {
        if (reached.contains(next)) continue;
        reached.insert(next);
        next_layer.push_back(next);
      }
    }
    layer = std::move(next_layer);
  }
  return reached;
}

NodeSet Dag::ancestors(const NodeSet& from, std::optional<int> depth) const {
  return walk(from, depth, parents_);
}

NodeSet Dag::descendants(const NodeSet& from, std::optional<int> depth) const {
  return walk(from, depth, children_);
}

}  // namespace kiln::graph
