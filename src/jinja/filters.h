#pragma once
// Jinja2 3.1's built-in filters ({{ x | name(args) }}), with Jinja2's exact parameter names,
// defaults and outputs. The Environment registers them all; embedders add their own with
// Environment::add_filter.

#include <string_view>
#include <utility>
#include <vector>

#include "jinja/environment.h"

namespace kiln::jinja {

// Every built-in filter under every name Jinja2 knows it by ("e" and "escape", "d" and
// "default", "count" and "length").
const std::vector<std::pair<std::string_view, FilterFn>>& builtin_filters();

}  // namespace kiln::jinja
