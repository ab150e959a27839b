#pragma once
// The selector methods: which nodes of the graph a single criteria's method and value name,
// before graph operators (+, @) and indirect test selection apply. Each follows dbt's
// SelectorMethod of the same name, including which kinds of node it looks at (fqn: never
// sources; config: only manifest nodes and sources; test_name: generic and unit tests...).

#include <functional>
#include <map>
#include <string>
#include <unordered_set>

#include "graph/dag.h"
#include "graph/selection_spec.h"

namespace kiln::graph {

// Answers a method the graph cannot: state:, result:, source_status: need a previous run's
// artifacts, which the state stage holds.
using ExternalMethod =
    std::function<bool(const GraphNode& node, const SelectionCriteria& criteria)>;

class SelectorMethods {
 public:
  // `root_project` is the project being run: `package:this` means it, and `path:` globs are
  // matched against the paths of its files.
  SelectorMethods(const Dag& dag, std::string root_project);

  void set_external_method(Method method, ExternalMethod answer);

  // The nodes `criteria`'s method and value select. Throws SelectionError for a malformed
  // value (source:a.b.c.d, resource_type:nonsense) or a method nobody answers.
  NodeSet search(const SelectionCriteria& criteria) const;

 private:
  using Predicate = std::function<bool(const GraphNode&)>;
  NodeSet nodes_where(const Predicate& predicate) const;
  Predicate predicate_for(const SelectionCriteria& criteria) const;
  Predicate path_predicate(const std::string& pattern) const;
  Predicate external_predicate(const SelectionCriteria& criteria) const;

  const Dag& dag_;
  std::string root_project_;
  std::vector<std::string> root_paths_;  // files and folders of the root project's nodes
  std::map<Method, ExternalMethod> external_;
};

}  // namespace kiln::graph
