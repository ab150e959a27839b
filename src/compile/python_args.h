#pragma once
// Conversions of template arguments to C++ values for the Python modules (modules.datetime,
// modules.re, modules.itertools), raising the TypeError Python raises for a wrong type.

#include <cstdint>
#include <string>
#include <string_view>

#include "jinja/value.h"

namespace kiln::compile {

// An int (or bool); TypeError "'str' object cannot be interpreted as an integer" otherwise.
int64_t int_argument(const jinja::Value& v);
// An int, bool or float as a double; TypeError naming `function` otherwise.
double number_argument(const jinja::Value& v, std::string_view function);
// A str; TypeError "<function>() argument must be str, not 'int'" otherwise.
const std::string& string_argument(const jinja::Value& v, std::string_view function);

}  // namespace kiln::compile
