#pragma once
// selectors.yml: named selection definitions, as dbt reads them.
//
//   selectors:
//     - name: nightly
//       description: what runs every night
//       default: true            # used when no --select/--exclude/--selector is given
//       definition:              # a string (one term, no spaces or commas splitting it),
//         union:                 # or union:/intersection: lists, or a method: dict
//           - tag:nightly
//           - method: path
//             value: models/marts
//             parents: true      # also children, parents_depth, children_depth,
//                                # childrens_parents, indirect_selection
//           - exclude:
//               - method: selector   # reuses a selector defined earlier in the file
//                 value: slow_models
//
// Errors name the file and line: "selectors.yml:12: ...".

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/selection_spec.h"

namespace kiln::graph {

struct SelectorDefinition {
  std::string name;
  std::string description;
  bool is_default = false;
  SelectionSpec spec;
  int line = 0;  // 1-based, where the selector starts
};

// dbt renders selectors.yml's strings with Jinja (env_var, var) before reading them; the
// caller passes that rendering (the graph stage knows no Jinja). Identity when empty.
using RenderString = std::function<std::string(const std::string&)>;

class SelectorsFile {
 public:
  SelectorsFile() = default;
  // Throws SelectionError "file:line: what is wrong".
  static SelectorsFile parse(std::string_view yaml_text, const std::string& file_name,
                             const RenderString& render = {});

  const std::vector<SelectorDefinition>& selectors() const { return selectors_; }
  const SelectorDefinition* find(std::string_view name) const;
  const SelectorDefinition* default_selector() const;  // the one with default: true, if any
  // Throws SelectionError "Could not find selector named x, expected one of ['a', 'b']".
  const SelectionSpec& spec_named(std::string_view name) const;

 private:
  std::vector<SelectorDefinition> selectors_;
};

}  // namespace kiln::graph
