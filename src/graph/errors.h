#pragma once
// The two kinds of failure the graph stage reports. Both mean "the user must fix the project
// or the command line" (the CLI exits with code 2); the message says what and where.

#include <stdexcept>
#include <string>

namespace kiln::graph {

// The DAG cannot be built: a duplicate unique_id, a dependency that is not a node, a cycle.
class GraphError : public std::runtime_error {
 public:
  explicit GraphError(const std::string& message) : std::runtime_error(message) {}
};

// A selector (--select, --exclude, --selector, selectors.yml) is malformed or names an
// unknown method, selector or resource type.
class SelectionError : public std::runtime_error {
 public:
  explicit SelectionError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace kiln::graph
