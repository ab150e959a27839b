#include "jinja/method_args.h"

#include <algorithm>
#include <limits>

#include "jinja/bigint.h"
#include "jinja/error.h"

namespace kiln::jinja::method_detail {

Params::Params(std::string_view method, CallArgs& args,
               std::initializer_list<std::string_view> names, size_t required)
    : values_(names.size()) {
  if (args.positional.size() > names.size()) {
    throw Error(ErrorKind::Type, std::string(method) + "() takes at most " +
                                     std::to_string(names.size()) + " argument" +
                                     (names.size() == 1 ? "" : "s") + " (" +
                                     std::to_string(args.positional.size()) + " given)");
  }
  for (size_t i = 0; i < args.positional.size(); ++i)
    values_[i] = args.positional[i];
  for (auto& [key, value] : args.keyword) {
    auto it = std::find(names.begin(), names.end(), key);
    if (it == names.end()) {
      throw Error(ErrorKind::Type,
                  "'" + key + "' is an invalid keyword argument for " + std::string(method) + "()");
    }
    values_[static_cast<size_t>(it - names.begin())] = value;
  }
  for (size_t i = 0; i < required; ++i) {
    if (!values_[i]) {
      throw Error(ErrorKind::Type, std::string(method) + " expected at least " +
                                       std::to_string(required) + " argument" +
                                       (required == 1 ? "" : "s") + ", got " +
                                       std::to_string(args.positional.size()));
    }
  }
}

void expect_no_args(std::string_view method, const CallArgs& args) {
  size_t n = args.positional.size() + args.keyword.size();
  if (n) {
    throw Error(ErrorKind::Type,
                std::string(method) + "() takes no arguments (" + std::to_string(n) + " given)");
  }
}

const std::string& expect_str(const Value& v, std::string_view what) {
  if (!v.is_string()) {
    throw Error(ErrorKind::Type,
                std::string(what) + " must be str, not " + std::string(v.type_name()));
  }
  return v.as_string();
}

int64_t expect_int(const Value& v) {
  if (v.is_bool()) return v.as_bool() ? 1 : 0;
  if (v.int_fits_int64()) return v.as_int64();
  if (v.is_int()) {
    return v.as_bigint().is_negative() ? std::numeric_limits<int64_t>::min()
                                       : std::numeric_limits<int64_t>::max();
  }
  throw Error(ErrorKind::Type,
              "'" + std::string(v.type_name()) + "' object cannot be interpreted as an integer");
}

void expect_one_arg(std::string_view method, const CallArgs& args) {
  if (args.positional.size() != 1 || !args.keyword.empty()) {
    throw Error(ErrorKind::Type, std::string(method) + "() takes exactly one argument (" +
                                     std::to_string(args.positional.size() + args.keyword.size()) +
                                     " given)");
  }
}

}  // namespace kiln::jinja::method_detail
