#include "graph/selection_request.h"

#include <fmt/format.h>

#include "graph/errors.h"

namespace kiln::graph {

ChosenSelection choose_selection(const SelectionRequest& request, const SelectorsFile* selectors) {
  if (!request.selector.empty()) {
    if (selectors == nullptr) {
      throw SelectionError(fmt::format(
          "Could not find selector named {}: the project has no selectors.yml; define it there "
          "or use --select",
          request.selector));
    }
    return {selectors->spec_named(request.selector), std::nullopt};
  }
  bool flags_given = !request.select.empty() || !request.exclude.empty();
  if (!flags_given && selectors != nullptr) {
    if (const SelectorDefinition* fallback = selectors->default_selector()) {
      return {fallback->spec, fallback->name};
    }
  }
  return {parse_command_line_selection(request.select, request.exclude), std::nullopt};
}

}  // namespace kiln::graph
