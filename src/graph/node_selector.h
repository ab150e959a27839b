#pragma once
// Runs a SelectionSpec against a Dag, as dbt's NodeSelector does: each criteria's method
// finds nodes, graph operators add their relatives, tests of selected nodes join by indirect
// selection, and groups combine the results by set operations.
//
// Indirect selection carries two sets through the tree: `direct` (selected) and `indirect`
// (tests held back by cautious/buildable because not all their parents were selected yet).
// A group combines both with its operation, then takes in held-back tests whose parents the
// combined selection now covers. So `-s "a b" --indirect-selection cautious` selects a
// relationships test between a and b, and `--exclude a` removes the tests of a, as dbt does.

#include <string>
#include <vector>

#include "graph/dag.h"
#include "graph/selection_spec.h"
#include "graph/selector_methods.h"

namespace kiln::graph {

struct SelectionResult {
  NodeSet selected;
  // Tests held back by cautious/buildable selection and not selected in the end.
  NodeSet held_back_tests;
  // dbt's warning for each given term that selects nothing:
  // "The selection criterion 'x' does not match any enabled nodes".
  std::vector<std::string> warnings;
};

class NodeSelector {
 public:
  // `root_project`: the project being run (package:this, path: globs).
  NodeSelector(const Dag& dag, std::string root_project);

  // state:, result:, source_status: are answered by the caller (the state stage).
  void set_external_method(Method method, ExternalMethod answer);

  // `indirect_selection` is the --indirect-selection flag, for criteria and groups that do
  // not set their own. Resource-type filtering per command is the caller's (see
  // resource_types.h). Throws SelectionError.
  SelectionResult select(const SelectionSpec& spec,
                         IndirectSelection indirect_selection = IndirectSelection::Eager) const;

 private:
  struct Selected {
    NodeSet direct;
    NodeSet indirect;
  };

  Selected select_spec(const SelectionSpec& spec, IndirectSelection flag,
                       std::vector<std::string>& warnings) const;
  Selected select_criteria(const SelectionCriteria& criteria, IndirectSelection flag) const;
  Selected select_group(const SelectionSpec& spec, IndirectSelection flag,
                        std::vector<std::string>& warnings) const;
  NodeSet relatives(const SelectionCriteria& criteria, const NodeSet& found) const;
  Selected add_tests_of(const NodeSet& selected, IndirectSelection mode) const;
  NodeSet take_in_held_back_tests(const NodeSet& direct, const NodeSet& indirect,
                                  IndirectSelection mode) const;
  bool parents_within(NodeIndex test, const NodeSet& set) const;

  const Dag& dag_;
  SelectorMethods methods_;
  NodeSet sources_;
};

}  // namespace kiln::graph
