#pragma once
// What a selection asks for, before it meets a graph: dbt's SelectionSpec. A criteria is one
// term such as `2+tag:nightly+`; groups combine terms by union, intersection or difference.
// The command line (--select/--exclude) and selectors.yml both produce this tree.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::graph {

// --indirect-selection: which tests of selected nodes are selected too.
enum class IndirectSelection {
  Eager,      // a test any of whose parents is selected (dbt's default)
  Cautious,   // a test all of whose parents are selected
  Buildable,  // a test all of whose parents are selected or upstream of the selection
  Empty,      // no test that is not selected itself
};
IndirectSelection parse_indirect_selection(std::string_view text);  // throws SelectionError
std::string_view to_string(IndirectSelection mode);

// dbt's selector methods (MethodName). state, result and source_status need a previous run's
// artifacts; they parse, and are answered by a predicate the caller registers.
enum class Method {
  Fqn,
  Tag,
  Group,
  Access,
  Source,
  Path,
  File,
  Package,
  Config,
  TestName,
  TestType,
  ResourceType,
  State,
  Exposure,
  Metric,
  Result,
  SourceStatus,
  Version,
  SemanticModel,
  SavedQuery,
  UnitTest,
};
std::optional<Method> method_from_name(std::string_view name);
std::string_view method_name(Method method);
std::string valid_method_names();  // "fqn, tag, group, ..." for error messages

// How a selectors.yml value was written. dbt compares with Python's ==, so the YAML number 5
// matches a config value 5 while the command-line text "5" does not.
enum class ValueKind { Text, Integer, Float, Boolean };

struct SelectionCriteria {
  std::string raw;  // as written, for messages
  Method method = Method::Fqn;
  std::vector<std::string> method_arguments;  // config.meta.owner -> {"meta", "owner"}
  std::string value;
  ValueKind value_kind = ValueKind::Text;
  bool childrens_parents = false;     // @
  bool parents = false;               // + before
  std::optional<int> parents_depth;   // 2+ (nullopt: all ancestors)
  bool children = false;              // + after
  std::optional<int> children_depth;  // +3 (nullopt: all descendants)
  // nullopt: the --indirect-selection flag; selectors.yml may set it per criteria.
  std::optional<IndirectSelection> indirect_selection;
};

struct SelectionSpec {
  enum class Kind { Criteria, Union, Intersection, Difference };

  Kind kind = Kind::Criteria;
  SelectionCriteria criteria;             // Kind::Criteria
  std::vector<SelectionSpec> components;  // groups; Difference: first minus the rest
  // Groups: the mode used to take in tests held back by cautious/buildable selection.
  // nullopt: the --indirect-selection flag (command-line groups); selectors.yml groups and
  // the --select/--exclude difference use eager, as in dbt.
  std::optional<IndirectSelection> indirect_selection;
  bool expect_exists = false;  // warn "does not match any enabled nodes" when empty
  std::string raw;             // for that warning

  static SelectionSpec of(SelectionCriteria criteria);
  static SelectionSpec group(Kind kind, std::vector<SelectionSpec> components,
                             std::optional<IndirectSelection> indirect_selection);
};

// One term: [@][N+][method[.arg...]:]value[+[N]]. Without a method, a value with '/' is a
// path, one ending in .sql/.py/.csv a file, anything else an fqn. Throws SelectionError.
SelectionCriteria parse_criteria(std::string_view raw);

// Sets criteria.method and method_arguments from "config.meta.owner"-style text. Throws
// SelectionError naming the valid methods.
void assign_method(SelectionCriteria& criteria, std::string_view written);

// --select and --exclude, each a list of space-separated terms (union) where a comma joins
// terms into an intersection. An empty `select` means "not given": every fqn, source,
// exposure, metric and semantic model.
SelectionSpec parse_command_line_selection(const std::vector<std::string>& select,
                                           const std::vector<std::string>& exclude);

}  // namespace kiln::graph
