#pragma once
// Which selection a command runs, from its flags, as dbt decides it: --selector wins; with
// neither --select nor --exclude, the selectors.yml selector marked `default: true`; else
// --select minus --exclude (every node when --select is not given).

#include <optional>
#include <string>
#include <vector>

#include "graph/selection_spec.h"
#include "graph/selectors_file.h"

namespace kiln::graph {

struct SelectionRequest {
  std::vector<std::string> select;   // --select/-s, each value possibly space-separated
  std::vector<std::string> exclude;  // --exclude
  std::string selector;              // --selector; empty when not given
};

struct ChosenSelection {
  SelectionSpec spec;
  // Set when the default selector was used: the CLI prints "Using default selector <name>".
  std::optional<std::string> default_selector;
};

// `selectors` may be null when the project has no selectors.yml. Throws SelectionError.
ChosenSelection choose_selection(const SelectionRequest& request, const SelectorsFile* selectors);

}  // namespace kiln::graph
