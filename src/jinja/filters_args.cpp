#include "jinja/filters_args.h"

#include <fmt/format.h>

#include "jinja/error.h"

namespace kiln::jinja {
namespace {

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// "takes 2 positional arguments" / "takes from 1 to 3 positional arguments"
[[noreturn]] void throw_too_many(std::string_view function, size_t min, size_t max, size_t given) {
  std::string takes = min == max ? plural(max, "positional argument")
                                 : fmt::format("from {} to {} positional arguments", min, max);
  throw Error(ErrorKind::Type, fmt::format("{}() takes {} but {} {} given", function, takes, given,
                                           given == 1 ? "was" : "were"));
}

// Python lists missing names as 'a', 'a' and 'b', or 'a', 'b', and 'c'.
std::string quoted_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += fmt::format("'{}'", names[i]);
  }
  return out;
}

}  // namespace

BoundArgs::BoundArgs(std::string_view function, CallArgs& args,
                     std::initializer_list<std::string_view> params, size_t required,
                     bool takes_subject)
    : values_(params.size()) {
  const std::vector<std::string_view> names(params);
  const size_t self = takes_subject ? 1 : 0;
  if (args.positional.size() > names.size()) {
    throw_too_many(function, required + self, names.size() + self, args.positional.size() + self);
  }
  for (size_t i = 0; i < args.positional.size(); ++i)
    values_[i] = std::move(args.positional[i]);
  for (auto& [key, value] : args.keyword) {
    size_t i = 0;
    while (i < names.size() && names[i] != key)
      ++i;
    if (i == names.size()) {
      throw Error(ErrorKind::Type,
                  fmt::format("{}() got an unexpected keyword argument '{}'", function, key));
    }
    if (values_[i]) {
      throw Error(ErrorKind::Type,
                  fmt::format("{}() got multiple values for argument '{}'", function, key));
    }
    values_[i] = std::move(value);
  }
  std::vector<std::string_view> missing;
  for (size_t i = 0; i < required; ++i) {
    if (!values_[i]) missing.push_back(names[i]);
  }
  if (!missing.empty()) {
    throw Error(ErrorKind::Type, fmt::format("{}() missing {}: {}", function,
                                             plural(missing.size(), "required positional argument"),
                                             quoted_list(missing)));
  }
}

void expect_no_args(std::string_view function, const CallArgs& args, bool takes_subject) {
  if (!args.keyword.empty()) {
    throw Error(ErrorKind::Type, fmt::format("{}() got an unexpected keyword argument '{}'",
                                             function, args.keyword.front().first));
  }
  if (!args.positional.empty()) {
    const size_t self = takes_subject ? 1 : 0;
    throw_too_many(function, self, self, args.positional.size() + self);
  }
}

}  // namespace kiln::jinja
