#pragma once
// Binds the arguments of a call to a built-in filter, test or global to its Jinja2 (Python)
// parameters, the way Python binds them: positionals fill parameters in order, keywords
// fill them by name, and the errors say what Python says
// ("join() got an unexpected keyword argument 'x'").

#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "jinja/value.h"

namespace kiln::jinja {

class BoundArgs {
 public:
  // `params` are the parameter names after the subject; the first `required` of them have
  // no default. `function` names the callable in error messages. With `takes_subject`, the
  // subject counts as one positional in "takes N positional arguments" errors, as it does
  // in Python.
  BoundArgs(std::string_view function, CallArgs& args,
            std::initializer_list<std::string_view> params, size_t required = 0,
            bool takes_subject = true);

  // Whether the caller passed parameter `i` (positionally or by name).
  bool has(size_t i) const { return values_[i].has_value(); }
  const Value& get(size_t i) const { return *values_[i]; }
  // The argument, or `fallback` when the caller left the parameter to its default.
  Value get_or(size_t i, Value fallback) const { return has(i) ? *values_[i] : fallback; }

 private:
  std::vector<std::optional<Value>> values_;
};

// Throws TypeError when a call of `function`, which takes no arguments besides the
// subject, was given some.
void expect_no_args(std::string_view function, const CallArgs& args, bool takes_subject = true);

}  // namespace kiln::jinja
