// Filters that apply other filters and tests to each item: map, select, reject,
// selectattr, rejectattr. They reach the other filters and tests through CallContext, so
// embedder-defined ones work too.
#include <fmt/format.h>

#include <algorithm>

#include "jinja/error.h"
#include "jinja/filters_common.h"
#include "jinja/operators.h"

namespace kiln::jinja {
namespace {

// map(attribute='a.b', default=x) or map('filter', *args, **kwargs).
Value filter_map(CallContext& ctx, const Value& v, CallArgs& args) {
  if (!v.truthy()) return Value::list();
  std::vector<Value> out;
  const bool by_attribute = args.positional.empty() &&
                            std::any_of(args.keyword.begin(), args.keyword.end(),
                                        [](const auto& kw) { return kw.first == "attribute"; });
  if (by_attribute) {
    Value attribute, fallback = Value::none();
    for (auto& [name, value] : args.keyword) {
      if (name == "attribute") {
        attribute = value;
      } else if (name == "default") {
        fallback = value;
      } else {
        throw Error(ErrorKind::Runtime, fmt::format("Unexpected keyword argument '{}'", name));
      }
    }
    const AttributePath path(attribute);
    for (const Value& item : iterate(v))
      out.push_back(path.lookup(item, &fallback));
    return Value::list(std::move(out));
  }
  if (args.positional.empty()) throw Error(ErrorKind::Runtime, "map requires a filter argument");
  const std::string filter = args.positional.front().str();
  CallArgs rest{std::vector<Value>(args.positional.begin() + 1, args.positional.end()),
                args.keyword};
  for (const Value& item : iterate(v))
    out.push_back(ctx.apply_filter(filter, item, rest));
  return Value::list(std::move(out));
}

// select/reject and their attr variants: keep the items for which the test (or plain
// truthiness when no test is named) says `keep`.
Value select_or_reject(CallContext& ctx, const Value& v, CallArgs& args, bool keep,
                       bool by_attribute) {
  if (!v.truthy()) return Value::list();
  size_t next = 0;
  std::optional<AttributePath> path;
  if (by_attribute) {
    if (args.positional.empty()) {
      throw Error(ErrorKind::Runtime, "Missing parameter for attribute name");
    }
    path.emplace(args.positional[next++]);
  }
  std::optional<std::string> test;
  if (next < args.positional.size()) test = args.positional[next++].str();
  const CallArgs rest{std::vector<Value>(args.positional.begin() + next, args.positional.end()),
                      args.keyword};
  std::vector<Value> out;
  for (const Value& item : iterate(v)) {
    const Value subject = path ? path->lookup(item) : item;
    const bool passes = test ? ctx.apply_test(*test, subject, rest) : subject.truthy();
    if (passes == keep) out.push_back(item);
  }
  return Value::list(std::move(out));
}

Value filter_select(CallContext& ctx, const Value& v, CallArgs& args) {
  return select_or_reject(ctx, v, args, true, false);
}
Value filter_reject(CallContext& ctx, const Value& v, CallArgs& args) {
  return select_or_reject(ctx, v, args, false, false);
}
Value filter_selectattr(CallContext& ctx, const Value& v, CallArgs& args) {
  return select_or_reject(ctx, v, args, true, true);
}
Value filter_rejectattr(CallContext& ctx, const Value& v, CallArgs& args) {
  return select_or_reject(ctx, v, args, false, true);
}

}  // namespace

void add_select_filters(FilterList& out) {
  out.insert(out.end(), {
                            {"map", filter_map},
                            {"select", filter_select},
                            {"reject", filter_reject},
                            {"selectattr", filter_selectattr},
                            {"rejectattr", filter_rejectattr},
                        });
}

}  // namespace kiln::jinja
