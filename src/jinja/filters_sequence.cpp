// Sequence filters: length/count, list, first, last, random, reverse, join, sum, min, max,
// sort, dictsort, unique, items, batch, slice, groupby.
//
// Jinja2 returns generators from several of these (batch, slice, reverse, unique, items);
// here they return lists, which iterate, join and print through `|list` the same way.
#include <fmt/format.h>

#include <random>

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/filters_common.h"
#include "jinja/operators.h"

namespace kiln::jinja {
namespace {

Value filter_length(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("len", args);
  return Value::integer(static_cast<int64_t>(length(v)));
}

Value filter_list(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("list", args);
  return Value::list(iterate(v));
}

Value filter_first(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("first", args);
  if (v.is_sequence()) {  // no copy of the whole list for one item
    const std::vector<Value>& items = v.as_list();
    if (!items.empty()) return items.front();
  }
  std::vector<Value> items = iterate(v);
  if (items.empty()) return Value::undefined_with_hint("", "No first item, sequence was empty.");
  return items.front();
}

Value filter_last(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("last", args);
  if (v.is_sequence()) {
    const std::vector<Value>& items = v.as_list();
    if (!items.empty()) return items.back();
  }
  std::vector<Value> items = iterate(v);
  if (items.empty()) return Value::undefined_with_hint("", "No last item, sequence was empty.");
  return items.back();
}

std::mt19937_64& random_engine() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

// random.choice(seq): indexes seq, so a dict is looked up by a number (KeyError).
Value filter_random(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("random", args);
  const size_t size = length(v);
  if (size == 0) return Value::undefined_with_hint("", "No random item, sequence was empty.");
  const auto index =
      static_cast<int64_t>(std::uniform_int_distribution<size_t>(0, size - 1)(random_engine()));
  if (v.is_dict()) {
    const Value* found = v.as_dict().find(Value::integer(index));
    if (!found) throw Error(ErrorKind::Key, std::to_string(index));
    return *found;
  }
  return get_item(v, Value::integer(index));
}

Value filter_reverse(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("reverse", args);
  if (v.is_string()) return slice(v, Value::none(), Value::none(), Value::integer(-1));
  std::vector<Value> items;
  try {
    items = iterate(v);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Type) throw;
    throw Error(ErrorKind::Runtime, "argument must be iterable");
  }
  std::reverse(items.begin(), items.end());
  return Value::list(std::move(items));
}

// Without autoescape: str(d).join(str(item) for item in value).
Value filter_join(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("join", args, {"d", "attribute"});
  const std::string separator = bound.get_or(0, Value::string("")).str();
  const AttributePath path(bound.get_or(1, Value::none()));
  std::string out;
  bool first = true;
  for (const Value& item : iterate(v)) {
    if (!first) out += separator;
    first = false;
    path.lookup(item).append_str(out);
  }
  return Value::string(std::move(out));
}

Value filter_sum(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("sum", args, {"attribute", "start"});
  const AttributePath path(bound.get_or(0, Value::none()));
  Value total = bound.get_or(1, Value::integer(0));
  if (total.is_string()) {
    throw Error(ErrorKind::Type, "sum() can't sum strings [use ''.join(seq) instead]");
  }
  for (const Value& item : iterate(v))
    total = binary_op(BinaryOp::Add, total, path.lookup(item));
  return total;
}

// ---- ordering ----------------------------------------------------------------------------

// Python's min/max with a key: the first item whose key beats every earlier one.
Value extreme(const Value& v, CallArgs& args, std::string_view name, CompareOp beats) {
  BoundArgs bound(name, args, {"case_sensitive", "attribute"});
  const bool case_sensitive = bound.get_or(0, Value::boolean(false)).truthy();
  const AttributePath path(bound.get_or(1, Value::none()));
  std::vector<Value> items = iterate(v);
  if (items.empty())
    return Value::undefined_with_hint("", "No aggregated item, sequence was empty.");
  auto key = [&](const Value& item) {
    Value k = path.lookup(item);
    return case_sensitive ? k : ignore_case(k);
  };
  size_t best = 0;
  Value best_key = key(items[0]);
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = key(items[i]);
    if (compare_op(beats, k, best_key)) {
      best = i;
      best_key = std::move(k);
    }
  }
  return items[best];
}

Value filter_max(CallContext&, const Value& v, CallArgs& args) {
  return extreme(v, args, "max", CompareOp::Gt);
}
Value filter_min(CallContext&, const Value& v, CallArgs& args) {
  return extreme(v, args, "min", CompareOp::Lt);
}

Value filter_sort(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("sort", args, {"reverse", "case_sensitive", "attribute"});
  const bool reverse = bound.get_or(0, Value::boolean(false)).truthy();
  const bool case_sensitive = bound.get_or(1, Value::boolean(false)).truthy();
  std::vector<Value> items = iterate(v);
  std::vector<Value> keys;
  keys.reserve(items.size());
  if (bound.has(2) && !bound.get(2).is_none()) {
    const MultiAttributePath paths(bound.get(2));
    for (const Value& item : items)
      keys.push_back(paths.lookup(item, !case_sensitive));
  } else {
    for (const Value& item : items)
      keys.push_back(case_sensitive ? item : ignore_case(item));
  }
  return Value::list(sorted_by_keys(std::move(items), std::move(keys), reverse));
}

Value filter_dictsort(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("dictsort", args, {"case_sensitive", "by", "reverse"});
  const bool case_sensitive = bound.get_or(0, Value::boolean(false)).truthy();
  const Value by = bound.get_or(1, Value::string("key"));
  const bool reverse = bound.get_or(2, Value::boolean(false)).truthy();
  size_t position;
  if (by.is_string() && by.as_string() == "key") {
    position = 0;
  } else if (by.is_string() && by.as_string() == "value") {
    position = 1;
  } else {
    throw Error(ErrorKind::Runtime, R"(You can only sort by either "key" or "value")");
  }
  if (!v.is_dict()) {
    throw_missing_method(v, "items");
  }
  std::vector<Value> pairs, keys;
  for (const auto& entry : v.as_dict().entries()) {
    const Value& key = position == 0 ? entry.key : entry.value;
    keys.push_back(case_sensitive ? key : ignore_case(key));
    pairs.push_back(Value::tuple({entry.key, entry.value}));
  }
  return Value::list(sorted_by_keys(std::move(pairs), std::move(keys), reverse));
}

// Keeps the first item of each key; keys compare as Python's set does (a Dict's keys).
Value filter_unique(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("unique", args, {"case_sensitive", "attribute"});
  const bool case_sensitive = bound.get_or(0, Value::boolean(false)).truthy();
  const AttributePath path(bound.get_or(1, Value::none()));
  Dict seen;
  std::vector<Value> out;
  for (const Value& item : iterate(v)) {
    Value key = path.lookup(item);
    if (!case_sensitive) key = ignore_case(key);
    if (seen.contains(key)) continue;
    seen.set(std::move(key), Value::none());
    out.push_back(item);
  }
  return Value::list(std::move(out));
}

Value filter_items(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("items", args);
  if (v.is_undefined()) return Value::list();
  if (!v.is_dict()) throw Error(ErrorKind::Type, "Can only get item pairs from a mapping.");
  std::vector<Value> pairs;
  pairs.reserve(v.as_dict().size());
  for (const auto& entry : v.as_dict().entries()) {
    pairs.push_back(Value::tuple({entry.key, entry.value}));
  }
  return Value::list(std::move(pairs));
}

// ---- chunking ----------------------------------------------------------------------------

Value filter_batch(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("batch", args, {"linecount", "fill_with"}, 1);
  const int64_t per_batch = python_index(bound.get(0));
  const Value fill = bound.get_or(1, Value::none());
  std::vector<Value> batches, current;
  for (const Value& item : iterate(v)) {
    if (static_cast<int64_t>(current.size()) == per_batch) {
      batches.push_back(Value::list(std::move(current)));
      current.clear();
    }
    current.push_back(item);
  }
  if (!current.empty()) {
    if (!fill.is_none()) {
      while (static_cast<int64_t>(current.size()) < per_batch)
        current.push_back(fill);
    }
    batches.push_back(Value::list(std::move(current)));
  }
  return Value::list(std::move(batches));
}

// `slices` columns; the first len % slices get one extra item, the others the filler.
Value filter_slice(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("slice", args, {"slices", "fill_with"}, 1);
  const int64_t slices = python_index(bound.get(0));
  const Value fill = bound.get_or(1, Value::none());
  const std::vector<Value> items = iterate(v);
  if (slices == 0) throw Error(ErrorKind::ZeroDivision, "integer division or modulo by zero");
  const auto count = static_cast<int64_t>(items.size());
  // Python's floor division and modulo (a negative count of slices yields nothing).
  int64_t per_slice = count / slices, with_extra = count % slices;
  if (with_extra != 0 && ((with_extra < 0) != (slices < 0))) {
    with_extra += slices;
    --per_slice;
  }
  auto clamp = [&](int64_t i) { return std::clamp<int64_t>(i, 0, count); };
  std::vector<Value> out;
  int64_t offset = 0;
  for (int64_t n = 0; n < slices; ++n) {
    const int64_t start = offset + n * per_slice;
    if (n < with_extra) ++offset;
    const int64_t end = offset + (n + 1) * per_slice;
    std::vector<Value> column;
    if (clamp(end) > clamp(start)) {
      column.assign(items.begin() + clamp(start), items.begin() + clamp(end));
    }
    if (!fill.is_none() && n >= with_extra) column.push_back(fill);
    out.push_back(Value::list(std::move(column)));
  }
  return Value::list(std::move(out));
}

// ---- groupby -----------------------------------------------------------------------------

// Jinja2's _GroupTuple: a (grouper, list) tuple that also answers .grouper and .list.
class GroupTuple : public Object {
 public:
  GroupTuple(Value grouper, Value list) : grouper_(std::move(grouper)), list_(std::move(list)) {}

  std::string_view type_name() const override { return "tuple"; }
  Value get_attr(std::string_view name) const override {
    if (name == "grouper") return grouper_;
    if (name == "list") return list_;
    return Value();
  }
  Value get_item(const Value& key) const override {
    return jinja::get_item(Value::tuple({grouper_, list_}), key);
  }
  std::optional<std::vector<Value>> iterate() const override {
    return std::vector<Value>{grouper_, list_};
  }
  std::optional<size_t> length() const override { return 2; }
  std::string repr() const override { return Value::tuple({grouper_, list_}).repr(); }
  bool equals(const Object& other) const override {
    auto* group = dynamic_cast<const GroupTuple*>(&other);
    return group && group->grouper_.equals(grouper_) && group->list_.equals(list_);
  }

 private:
  Value grouper_;
  Value list_;
};

// Sorts by the key, then groups consecutive equal keys. Without case_sensitive the keys
// compare lowercased but each group shows its first item's real key.
Value filter_groupby(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("groupby", args, {"attribute", "default", "case_sensitive"}, 1);
  const AttributePath path(bound.get(0));
  const Value fallback = bound.get_or(1, Value::none());
  const bool case_sensitive = bound.get_or(2, Value::boolean(false)).truthy();
  std::vector<Value> items = iterate(v);
  std::vector<Value> keys;
  keys.reserve(items.size());
  for (const Value& item : items) {
    Value key = path.lookup(item, &fallback);
    keys.push_back(case_sensitive ? key : ignore_case(key));
  }
  std::vector<Value> sorted_keys = sorted_by_keys(keys, keys, false);
  items = sorted_by_keys(std::move(items), std::move(keys), false);
  std::vector<Value> groups;
  for (size_t i = 0; i < items.size();) {
    size_t end = i + 1;
    while (end < items.size() && sorted_keys[end].equals(sorted_keys[i]))
      ++end;
    Value grouper = case_sensitive ? sorted_keys[i] : path.lookup(items[i], &fallback);
    std::vector<Value> members(items.begin() + i, items.begin() + end);
    groups.push_back(Value::object(new GroupTuple(grouper, Value::list(std::move(members)))));
    i = end;
  }
  return Value::list(std::move(groups));
}

}  // namespace

void add_sequence_filters(FilterList& out) {
  out.insert(out.end(), {
                            {"length", filter_length},
                            {"count", filter_length},
                            {"list", filter_list},
                            {"first", filter_first},
                            {"last", filter_last},
                            {"random", filter_random},
                            {"reverse", filter_reverse},
                            {"join", filter_join},
                            {"sum", filter_sum},
                            {"max", filter_max},
                            {"min", filter_min},
                            {"sort", filter_sort},
                            {"dictsort", filter_dictsort},
                            {"unique", filter_unique},
                            {"items", filter_items},
                            {"batch", filter_batch},
                            {"slice", filter_slice},
                            {"groupby", filter_groupby},
                        });
}

}  // namespace kiln::jinja
