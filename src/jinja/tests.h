#pragma once
// Jinja2 3.1's built-in tests ({% if x is name(args) %}), including the operator aliases
// ("==", "eq", "equalto", "<", "lt", "lessthan", ...).

#include <string_view>
#include <utility>
#include <vector>

#include "jinja/environment.h"

namespace kiln::jinja {

const std::vector<std::pair<std::string_view, TestFn>>& builtin_tests();

}  // namespace kiln::jinja
