#pragma once
// What the str, list and dict methods (methods.cpp, methods_containers.cpp) share: the
// table entry a method is, and argument binding with Python's TypeError wording.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/value.h"

namespace kiln::jinja::method_detail {

using MethodFn = Value (*)(const Value& self, CallArgs& args);

struct Method {
  std::string_view name;
  MethodFn fn;
};

// Binds a call's arguments to a method's parameters by position and keyword, raising
// TypeError with Python's wording for the common mistakes.
class Params {
 public:
  Params(std::string_view method, CallArgs& args, std::initializer_list<std::string_view> names,
         size_t required);

  bool has(size_t i) const { return values_[i].has_value(); }
  // Present and not None.
  bool given(size_t i) const { return values_[i] && !values_[i]->is_none(); }
  const Value& operator[](size_t i) const { return *values_[i]; }

 private:
  std::vector<std::optional<Value>> values_;
};

// The entry called `name` in a method table, or null.
template <size_t N>
const Method* find_in(const Method (&table)[N], std::string_view name) {
  for (const Method& method : table) {
    if (method.name == name) return &method;
  }
  return nullptr;
}

// "m() takes no arguments (2 given)".
void expect_no_args(std::string_view method, const CallArgs& args);
// "m() takes exactly one argument (2 given)".
void expect_one_arg(std::string_view method, const CallArgs& args);
// `v` as a str, or TypeError "<what> must be str, not int".
const std::string& expect_str(const Value& v, std::string_view what);
// `v` as an index (bools count; big ints clamp), or TypeError.
int64_t expect_int(const Value& v);

// The list, tuple and dict method tables (methods_containers.cpp); null when absent.
const Method* find_list_method(std::string_view name);
const Method* find_tuple_method(std::string_view name);
const Method* find_dict_method(std::string_view name);

}  // namespace kiln::jinja::method_detail
