#include "graph/node_selector.h"

#include <fmt/format.h>

namespace kiln::graph {

namespace {

NodeSet combine(SelectionSpec::Kind kind, const std::vector<NodeSet>& sets, size_t universe) {
  if (sets.empty()) return NodeSet(universe);
  NodeSet out = sets.front();
  for (size_t i = 1; i < sets.size(); ++i) {
    switch (kind) {
      case SelectionSpec::Kind::Union:
        out |= sets[i];
        break;
      case SelectionSpec::Kind::Intersection:
        out &= sets[i];
        break;
      case SelectionSpec::Kind::Difference:
        out -= sets[i];
        break;
      case SelectionSpec::Kind::Criteria:
        break;
    }
  }
  return out;
}

}  // namespace

NodeSelector::NodeSelector(const Dag& dag, std::string root_project)
    : dag_(dag), methods_(dag, std::move(root_project)), sources_(dag.empty_set()) {
  for (NodeIndex i = 0; i < dag.size(); ++i) {
    if (is_source(dag.node(i))) sources_.insert(i);
  }
}

void NodeSelector::set_external_method(Method method, ExternalMethod answer) {
  methods_.set_external_method(method, std::move(answer));
}

SelectionResult NodeSelector::select(const SelectionSpec& spec,
                                     IndirectSelection indirect_selection) const {
  SelectionResult result;
  Selected selected = select_spec(spec, indirect_selection, result.warnings);
  result.held_back_tests = selected.indirect - selected.direct;
  result.selected = std::move(selected.direct);
  return result;
}

NodeSelector::Selected NodeSelector::select_spec(const SelectionSpec& spec, IndirectSelection flag,
                                                 std::vector<std::string>& warnings) const {
  if (spec.kind == SelectionSpec::Kind::Criteria) return select_criteria(spec.criteria, flag);
  return select_group(spec, flag, warnings);
}

NodeSelector::Selected NodeSelector::select_criteria(const SelectionCriteria& criteria,
                                                     IndirectSelection flag) const {
  NodeSet found = methods_.search(criteria);
  NodeSet selected = found | relatives(criteria, found);
  IndirectSelection mode = criteria.indirect_selection.value_or(flag);
  if (mode == IndirectSelection::Empty) return {selected, dag_.empty_set()};
  return add_tests_of(selected, mode);
}

NodeSelector::Selected NodeSelector::select_group(const SelectionSpec& spec, IndirectSelection flag,
                                                  std::vector<std::string>& warnings) const {
  std::vector<NodeSet> direct_sets;
  std::vector<NodeSet> indirect_sets;
  for (const SelectionSpec& component : spec.components) {
    Selected part = select_spec(component, flag, warnings);
    indirect_sets.push_back(part.direct | part.indirect);
    direct_sets.push_back(std::move(part.direct));
  }
  NodeSet direct = combine(spec.kind, direct_sets, dag_.size());
  NodeSet indirect = combine(spec.kind, indirect_sets, dag_.size());
  direct = take_in_held_back_tests(direct, indirect, spec.indirect_selection.value_or(flag));
  if (spec.expect_exists && direct.empty()) {
    warnings.push_back(
        fmt::format("The selection criterion '{}' does not match any enabled nodes", spec.raw));
  }
  return {std::move(direct), std::move(indirect)};
}

NodeSet NodeSelector::relatives(const SelectionCriteria& criteria, const NodeSet& found) const {
  NodeSet out = dag_.empty_set();
  if (criteria.childrens_parents) {
    // @: the nodes, all their descendants, and every ancestor of those.
    NodeSet family = found | dag_.descendants(found);
    out |= family | dag_.ancestors(family);
  }
  if (criteria.parents) out |= dag_.ancestors(found, criteria.parents_depth);
  if (criteria.children) out |= dag_.descendants(found, criteria.children_depth);
  return out;
}

bool NodeSelector::parents_within(NodeIndex test, const NodeSet& set) const {
  for (NodeIndex parent : dag_.parents(test)) {
    if (!set.contains(parent)) return false;
  }
  return true;
}

NodeSelector::Selected NodeSelector::add_tests_of(const NodeSet& selected,
                                                  IndirectSelection mode) const {
  NodeSet direct = selected;
  NodeSet indirect = dag_.empty_set();
  NodeSet buildable_scope = dag_.empty_set();
  if (mode == IndirectSelection::Buildable) {
    // dbt counts every source as buildable here (but not when taking tests in later).
    buildable_scope = selected | dag_.ancestors(selected) | sources_;
  }
  selected.for_each([&](NodeIndex node) {
    for (NodeIndex child : dag_.children(node)) {
      const GraphNode& test = dag_.node(child);
      if (!is_test(test) && !is_unit_test(test)) continue;
      if (mode == IndirectSelection::Eager || parents_within(child, selected)) {
        direct.insert(child);
      } else if (mode == IndirectSelection::Buildable && parents_within(child, buildable_scope)) {
        direct.insert(child);
      } else {
        indirect.insert(child);
      }
    }
  });
  return {std::move(direct), std::move(indirect)};
}

NodeSet NodeSelector::take_in_held_back_tests(const NodeSet& direct, const NodeSet& indirect,
                                              IndirectSelection mode) const {
  if (direct == indirect) return direct;
  if (mode != IndirectSelection::Cautious && mode != IndirectSelection::Buildable) return direct;
  NodeSet scope = direct;
  if (mode == IndirectSelection::Buildable) scope |= dag_.ancestors(direct);
  NodeSet out = direct;
  // Only data tests: dbt looks the held-back ids up among manifest nodes, where unit tests
  // are not.
  (indirect - direct).for_each([&](NodeIndex node) {
    if (is_test(dag_.node(node)) && parents_within(node, scope)) out.insert(node);
  });
  return out;
}

}  // namespace kiln::graph
