// The methods of Python's list, tuple and dict that templates call: `xs.append(1)`,
// `d.items()`, `d.get('k', 0)`. Argument binding is in method_args.h.
#include <algorithm>

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/method_args.h"
#include "jinja/operators.h"

namespace kiln::jinja::method_detail {

namespace {

// ---- list and tuple --------------------------------------------------------------------

Value list_append(const Value& self, CallArgs& args) {
  expect_one_arg("list.append", args);
  self.as_list().push_back(args.positional[0]);
  return Value::none();
}

Value list_extend(const Value& self, CallArgs& args) {
  expect_one_arg("list.extend", args);
  std::vector<Value> items = iterate(args.positional[0]);
  auto& list = self.as_list();
  list.insert(list.end(), items.begin(), items.end());
  return Value::none();
}

Value list_pop(const Value& self, CallArgs& args) {
  Params p("pop", args, {"index"}, 0);
  auto& list = self.as_list();
  if (list.empty()) throw Error(ErrorKind::Index, "pop from empty list");
  int64_t i = p.has(0) ? expect_int(p[0]) : -1;
  if (i < 0) i += static_cast<int64_t>(list.size());
  if (i < 0 || static_cast<size_t>(i) >= list.size()) {
    throw Error(ErrorKind::Index, "pop index out of range");
  }
  Value out = std::move(list[static_cast<size_t>(i)]);
  list.erase(list.begin() + i);
  return out;
}

Value list_insert(const Value& self, CallArgs& args) {
  if (args.positional.size() != 2) {
    throw Error(ErrorKind::Type,
                "insert expected 2 arguments, got " + std::to_string(args.positional.size()));
  }
  auto& list = self.as_list();
  auto size = static_cast<int64_t>(list.size());
  int64_t i = expect_int(args.positional[0]);
  if (i < 0) i = std::max<int64_t>(0, i + size);
  i = std::min(i, size);
  list.insert(list.begin() + i, args.positional[1]);
  return Value::none();
}

Value list_remove(const Value& self, CallArgs& args) {
  expect_one_arg("list.remove", args);
  auto& list = self.as_list();
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (it->equals(args.positional[0])) {
      list.erase(it);
      return Value::none();
    }
  }
  throw Error(ErrorKind::Value, "list.remove(x): x not in list");
}

Value sequence_index(const Value& self, CallArgs& args) {
  Params p("index", args, {"value", "start", "stop"}, 1);
  const auto& items = self.as_list();
  auto size = static_cast<int64_t>(items.size());
  auto bound = [&](size_t i, int64_t fallback) {
    if (!p.has(i)) return fallback;
    int64_t v = expect_int(p[i]);
    if (v < 0) v = std::max<int64_t>(0, v + size);
    return std::min(v, size);
  };
  for (int64_t i = bound(1, 0), end = bound(2, size); i < end; ++i) {
    if (items[static_cast<size_t>(i)].equals(p[0])) return Value::integer(i);
  }
  if (self.is_tuple()) throw Error(ErrorKind::Value, "tuple.index(x): x not in tuple");
  throw Error(ErrorKind::Value, p[0].repr() + " is not in list");
}

Value sequence_count(const Value& self, CallArgs& args) {
  expect_one_arg(self.is_tuple() ? "tuple.count" : "list.count", args);
  int64_t n = 0;
  for (const Value& item : self.as_list())
    n += item.equals(args.positional[0]);
  return Value::integer(n);
}

Value list_sort(const Value& self, CallArgs& args) {
  if (!args.positional.empty()) {
    throw Error(ErrorKind::Type, "sort() takes no positional arguments");
  }
  bool reverse = false;
  for (const auto& [key, value] : args.keyword) {
    if (key == "reverse") {
      reverse = value.truthy();
    } else if (key == "key") {
      if (!value.is_none()) {
        throw Error(ErrorKind::Type, "sort(key=...) with a key function is not supported");
      }
    } else {
      throw Error(ErrorKind::Type, "'" + key + "' is an invalid keyword argument for sort()");
    }
  }
  auto& list = self.as_list();
  // Stable either way: with reverse=True equal items keep their order, as in Python.
  std::stable_sort(list.begin(), list.end(), [reverse](const Value& a, const Value& b) {
    return reverse ? b.compare(a) < 0 : a.compare(b) < 0;
  });
  return Value::none();
}

Value list_reverse(const Value& self, CallArgs& args) {
  expect_no_args("list.reverse", args);
  std::reverse(self.as_list().begin(), self.as_list().end());
  return Value::none();
}

Value list_copy(const Value& self, CallArgs& args) {
  expect_no_args("list.copy", args);
  return Value::list(self.as_list());
}

Value list_clear(const Value& self, CallArgs& args) {
  expect_no_args("list.clear", args);
  self.as_list().clear();
  return Value::none();
}

constexpr Method kListMethods[] = {
    {"append", list_append},   {"extend", list_extend}, {"pop", list_pop},
    {"insert", list_insert},   {"remove", list_remove}, {"index", sequence_index},
    {"count", sequence_count}, {"sort", list_sort},     {"reverse", list_reverse},
    {"copy", list_copy},       {"clear", list_clear},
};

constexpr Method kTupleMethods[] = {
    {"index", sequence_index},
    {"count", sequence_count},
};

// ---- dict ------------------------------------------------------------------------------

Value dict_items(const Value& self, CallArgs& args) {
  expect_no_args("dict.items", args);
  std::vector<Value> out;
  out.reserve(self.as_dict().size());
  for (const auto& entry : self.as_dict().entries()) {
    out.push_back(Value::tuple({entry.key, entry.value}));
  }
  return Value::list(std::move(out));
}

Value dict_keys(const Value& self, CallArgs& args) {
  expect_no_args("dict.keys", args);
  return Value::list(iterate(self));
}

Value dict_values(const Value& self, CallArgs& args) {
  expect_no_args("dict.values", args);
  std::vector<Value> out;
  out.reserve(self.as_dict().size());
  for (const auto& entry : self.as_dict().entries())
    out.push_back(entry.value);
  return Value::list(std::move(out));
}

void expect_positional(std::string_view method, const CallArgs& args, size_t min, size_t max) {
  if (!args.keyword.empty()) {
    throw Error(ErrorKind::Type, std::string(method) + "() takes no keyword arguments");
  }
  size_t n = args.positional.size();
  if (n < min) {
    throw Error(ErrorKind::Type, std::string(method) + " expected at least " + std::to_string(min) +
                                     " argument" + (min == 1 ? "" : "s") + ", got " +
                                     std::to_string(n));
  }
  if (n > max) {
    throw Error(ErrorKind::Type, std::string(method) + " expected at most " + std::to_string(max) +
                                     " argument" + (max == 1 ? "" : "s") + ", got " +
                                     std::to_string(n));
  }
}

Value dict_get(const Value& self, CallArgs& args) {
  expect_positional("get", args, 1, 2);
  const Value* found = self.as_dict().find(args.positional[0]);
  if (found) return *found;
  return args.positional.size() > 1 ? args.positional[1] : Value::none();
}

void update_from(Dict& target, const Value& source) {
  if (source.is_dict()) {
    // Copy first: `d.update(d)` must not read entries while writing them.
    std::vector<Dict::Entry> entries = source.as_dict().entries();
    for (auto& entry : entries)
      target.set(std::move(entry.key), std::move(entry.value));
    return;
  }
  std::vector<Value> pairs = iterate(source);
  for (size_t i = 0; i < pairs.size(); ++i) {
    std::vector<Value> pair = iterate(pairs[i]);
    if (pair.size() != 2) {
      throw Error(ErrorKind::Value, "dictionary update sequence element #" + std::to_string(i) +
                                        " has length " + std::to_string(pair.size()) +
                                        "; 2 is required");
    }
    target.set(std::move(pair[0]), std::move(pair[1]));
  }
}

Value dict_update(const Value& self, CallArgs& args) {
  if (args.positional.size() > 1) {
    throw Error(ErrorKind::Type, "update expected at most 1 argument, got " +
                                     std::to_string(args.positional.size()));
  }
  Dict& dict = self.as_dict();
  if (!args.positional.empty()) update_from(dict, args.positional[0]);
  for (auto& [key, value] : args.keyword)
    dict.set(std::string_view(key), value);
  return Value::none();
}

Value dict_pop(const Value& self, CallArgs& args) {
  expect_positional("pop", args, 1, 2);
  Dict& dict = self.as_dict();
  if (const Value* found = dict.find(args.positional[0])) {
    Value out = *found;
    dict.erase(args.positional[0]);
    return out;
  }
  if (args.positional.size() > 1) return args.positional[1];
  throw Error(ErrorKind::Key, args.positional[0].repr());
}

Value dict_setdefault(const Value& self, CallArgs& args) {
  expect_positional("setdefault", args, 1, 2);
  Dict& dict = self.as_dict();
  if (const Value* found = dict.find(args.positional[0])) return *found;
  Value value = args.positional.size() > 1 ? args.positional[1] : Value::none();
  dict.set(args.positional[0], value);
  return value;
}

Value dict_copy(const Value& self, CallArgs& args) {
  expect_no_args("dict.copy", args);
  return Value::dict(self.as_dict());
}

Value dict_clear(const Value& self, CallArgs& args) {
  expect_no_args("dict.clear", args);
  self.as_dict().clear();
  return Value::none();
}

Value dict_popitem(const Value& self, CallArgs& args) {
  expect_no_args("dict.popitem", args);
  Dict& dict = self.as_dict();
  if (dict.empty()) throw Error(ErrorKind::Key, "'popitem(): dictionary is empty'");
  Dict::Entry last = dict.pop_last();
  return Value::tuple({std::move(last.key), std::move(last.value)});
}

constexpr Method kDictMethods[] = {
    {"items", dict_items},           {"get", dict_get},       {"keys", dict_keys},
    {"values", dict_values},         {"update", dict_update}, {"pop", dict_pop},
    {"setdefault", dict_setdefault}, {"copy", dict_copy},     {"clear", dict_clear},
    {"popitem", dict_popitem},
};

}  // namespace

const Method* find_list_method(std::string_view name) {
  return find_in(kListMethods, name);
}

const Method* find_tuple_method(std::string_view name) {
  return find_in(kTupleMethods, name);
}

const Method* find_dict_method(std::string_view name) {
  return find_in(kDictMethods, name);
}

}  // namespace kiln::jinja::method_detail
