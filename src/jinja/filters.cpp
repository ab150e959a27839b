#include "jinja/filters.h"

#include "jinja/filters_common.h"

namespace kiln::jinja {

const std::vector<std::pair<std::string_view, FilterFn>>& builtin_filters() {
  static const FilterList filters = [] {
    FilterList all;
    add_number_filters(all);
    add_string_filters(all);
    add_html_filters(all);
    add_sequence_filters(all);
    add_select_filters(all);
    add_value_filters(all);
    return all;
  }();
  return filters;
}

}  // namespace kiln::jinja
