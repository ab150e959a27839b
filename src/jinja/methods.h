#pragma once
// The methods of Python's str, list and dict that templates call: `s.split(',')`,
// `xs.append(1)`, `d.items()`, `'{:>10}'.format(x)`. get_attribute() returns them as
// bound callables; the interpreter may call call_method() directly for `x.name(...)`
// and skip building the bound callable.

#include <optional>
#include <string_view>

#include "jinja/value.h"

namespace kiln::jinja {

// True when `self` (a str, list or dict) has a method called `name`.
bool has_method(const Value& self, std::string_view name);
// The bound method self.name as a callable Value, or Undefined when there is none.
Value bound_method(const Value& self, std::string_view name);
// Calls self.name(args...). nullopt when self has no such method. Wrong arguments throw
// TypeError with Python's wording ("split() takes at most 2 arguments (3 given)").
std::optional<Value> call_method(const Value& self, std::string_view name, CallArgs& args);

}  // namespace kiln::jinja
