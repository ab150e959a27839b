#include "compile/python_itertools.h"

#include <algorithm>
#include <numeric>

#include "compile/python_args.h"
#include "compile/python_namespace_objects.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/operators.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

namespace {

using Items = std::vector<Value>;
using Members = std::map<std::string, Value, std::less<>>;

Value call1(CallContext& ctx, const Value& fn, const Value& arg) {
  return ctx.call(fn, CallArgs{{arg}, {}});
}

// Takes the keyword arguments a variadic function accepts; anything else is a TypeError.
Value keyword(CallArgs& args, std::string_view function, std::string_view name, Value fallback,
              std::initializer_list<std::string_view> accepted) {
  Value found = fallback;
  for (const auto& [key, value] : args.keyword) {
    if (std::find(accepted.begin(), accepted.end(), key) == accepted.end()) {
      throw Error(ErrorKind::Type,
                  std::string(function) + "() got an unexpected keyword argument '" + key + "'");
    }
    if (key == name) found = value;
  }
  return found;
}

size_t count_argument(const Value& v, std::string_view what) {
  int64_t n = int_argument(v);
  if (n < 0) throw Error(ErrorKind::Value, std::string(what) + " must be non-negative");
  return static_cast<size_t>(n);
}

Value chain(CallContext&, CallArgs& args) {
  keyword(args, "chain", "", Value(), {});
  Items out;
  for (const Value& iterable : args.positional) {
    for (Value& item : jinja::iterate(iterable))
      out.push_back(std::move(item));
  }
  return Value::list(std::move(out));
}

Value product(CallContext&, CallArgs& args) {
  size_t repeat = count_argument(keyword(args, "product", "repeat", Value::integer(1), {"repeat"}),
                                 "repeat argument");
  std::vector<Items> pools;
  for (size_t r = 0; r < repeat; ++r) {
    for (const Value& iterable : args.positional)
      pools.push_back(jinja::iterate(iterable));
  }
  std::vector<Items> rows(1);
  for (const Items& pool : pools) {
    std::vector<Items> next;
    for (const Items& row : rows) {
      for (const Value& item : pool) {
        next.push_back(row);
        next.back().push_back(item);
      }
    }
    rows = std::move(next);
  }
  Items out;
  for (Items& row : rows)
    out.push_back(Value::tuple(std::move(row)));
  return Value::list(std::move(out));
}

// Index vectors in lexicographic order: r of n, increasing (strictly unless `repeats`).
void choose(size_t n, size_t r, bool repeats, Items& pool, Items& out) {
  if (!repeats && r > n) return;
  std::vector<size_t> idx(r, 0);
  if (!repeats) std::iota(idx.begin(), idx.end(), 0);
  while (true) {
    Items row;
    for (size_t i : idx)
      row.push_back(pool[i]);
    out.push_back(Value::tuple(std::move(row)));
    size_t i = r;
    while (i > 0 && idx[i - 1] == (repeats ? n - 1 : i - 1 + n - r))
      --i;
    if (i == 0) return;
    ++idx[i - 1];
    for (size_t j = i; j < r; ++j)
      idx[j] = repeats ? idx[i - 1] : idx[j - 1] + 1;
  }
}

Value combinations_of(CallArgs& args, std::string_view function, bool repeats) {
  BoundArgs bound(function, args, {"iterable", "r"}, 2, false);
  Items pool = jinja::iterate(bound.get(0));
  size_t r = count_argument(bound.get(1), "r");
  Items out;
  if (r == 0) return Value::list({Value::tuple({})});
  if (pool.empty()) return Value::list();
  choose(pool.size(), r, repeats, pool, out);
  return Value::list(std::move(out));
}

void permute(const Items& pool, size_t r, std::vector<bool>& used, Items& row, Items& out) {
  if (row.size() == r) {
    out.push_back(Value::tuple(row));
    return;
  }
  for (size_t i = 0; i < pool.size(); ++i) {
    if (used[i]) continue;
    used[i] = true;
    row.push_back(pool[i]);
    permute(pool, r, used, row, out);
    row.pop_back();
    used[i] = false;
  }
}

Value permutations(CallContext&, CallArgs& args) {
  BoundArgs bound("permutations", args, {"iterable", "r"}, 1, false);
  Items pool = jinja::iterate(bound.get(0));
  size_t r =
      bound.has(1) && !bound.get(1).is_none() ? count_argument(bound.get(1), "r") : pool.size();
  Items out;
  if (r > pool.size()) return Value::list();
  std::vector<bool> used(pool.size(), false);
  Items row;
  permute(pool, r, used, row, out);
  return Value::list(std::move(out));
}

// (key, [items]) for each run of consecutive items with equal keys.
Value groupby(CallContext& ctx, CallArgs& args) {
  BoundArgs bound("groupby", args, {"iterable", "key"}, 1, false);
  Value key_fn = bound.get_or(1, Value::none());
  Items out;
  Value current_key;
  Items group;
  bool started = false;
  for (Value& item : jinja::iterate(bound.get(0))) {
    Value key = key_fn.is_none() ? item : call1(ctx, key_fn, item);
    if (started && !key.equals(current_key)) {
      out.push_back(Value::tuple({current_key, Value::list(std::move(group))}));
      group = {};
    }
    if (!started || !key.equals(current_key)) current_key = key;
    started = true;
    group.push_back(std::move(item));
  }
  if (started) out.push_back(Value::tuple({current_key, Value::list(std::move(group))}));
  return Value::list(std::move(out));
}

Value islice(CallContext&, CallArgs& args) {
  if (!args.keyword.empty()) throw Error(ErrorKind::Type, "islice() takes no keyword arguments");
  const Items& a = args.positional;
  if (a.size() < 2 || a.size() > 4) {
    throw Error(ErrorKind::Type,
                "islice expected at most 4 arguments, got " + std::to_string(a.size()));
  }
  auto bound_value = [](const Value& v, size_t fallback, std::string_view which) {
    if (v.is_none()) return fallback;
    if (!v.is_int() || int_argument(v) < 0) {
      throw Error(ErrorKind::Value,
                  std::string(which) +
                      " argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    }
    return static_cast<size_t>(int_argument(v));
  };
  Items items = jinja::iterate(a[0]);
  size_t start = a.size() > 2 ? bound_value(a[1], 0, "Indices") : 0;
  size_t stop =
      bound_value(a.size() > 2 ? a[2] : a[1], items.size(), a.size() > 2 ? "Indices" : "Stop");
  size_t step = a.size() > 3 ? bound_value(a[3], 1, "Step") : 1;
  if (step == 0)
    throw Error(ErrorKind::Value, "Step for islice() must be a positive integer or None.");
  Items out;
  for (size_t i = start; i < std::min(stop, items.size()); i += step)
    out.push_back(items[i]);
  return Value::list(std::move(out));
}

Value repeat(CallContext&, CallArgs& args) {
  BoundArgs bound("repeat", args, {"object", "times"}, 1, false);
  if (!bound.has(1)) {
    throw Error(ErrorKind::Runtime, "itertools.repeat() without times never ends; pass times");
  }
  int64_t times = int_argument(bound.get(1));
  return Value::list(Items(static_cast<size_t>(std::max<int64_t>(times, 0)), bound.get(0)));
}

Value zip_longest(CallContext&, CallArgs& args) {
  Value fill = keyword(args, "zip_longest", "fillvalue", Value::none(), {"fillvalue"});
  std::vector<Items> columns;
  size_t longest = 0;
  for (const Value& iterable : args.positional) {
    columns.push_back(jinja::iterate(iterable));
    longest = std::max(longest, columns.back().size());
  }
  Items out;
  for (size_t i = 0; i < longest; ++i) {
    Items row;
    for (const Items& column : columns)
      row.push_back(i < column.size() ? column[i] : fill);
    out.push_back(Value::tuple(std::move(row)));
  }
  return Value::list(std::move(out));
}

Value accumulate(CallContext& ctx, CallArgs& args) {
  Value initial =
      keyword(args, "accumulate", "initial", Value::none(), {"iterable", "func", "initial"});
  std::erase_if(args.keyword, [](const auto& kv) { return kv.first == "initial"; });
  BoundArgs bound("accumulate", args, {"iterable", "func"}, 1, false);
  Value fn = bound.get_or(1, Value::none());
  Items out;
  if (!initial.is_none()) out.push_back(initial);
  for (Value& item : jinja::iterate(bound.get(0))) {
    if (out.empty()) {
      out.push_back(std::move(item));
    } else if (fn.is_none()) {
      out.push_back(jinja::binary_op(jinja::BinaryOp::Add, out.back(), item));
    } else {
      out.push_back(ctx.call(fn, CallArgs{{out.back(), item}, {}}));
    }
  }
  return Value::list(std::move(out));
}

Value starmap(CallContext& ctx, CallArgs& args) {
  BoundArgs bound("starmap", args, {"function", "iterable"}, 2, false);
  Items out;
  for (Value& item : jinja::iterate(bound.get(1))) {
    out.push_back(ctx.call(bound.get(0), CallArgs{jinja::iterate(item), {}}));
  }
  return Value::list(std::move(out));
}

// filterfalse, takewhile and dropwhile: a predicate decides, None meaning truthiness.
Value by_predicate(CallContext& ctx, CallArgs& args, std::string_view function) {
  BoundArgs bound(function, args, {"predicate", "iterable"}, 2, false);
  const Value& predicate = bound.get(0);
  Items out;
  bool dropping = true;
  for (Value& item : jinja::iterate(bound.get(1))) {
    bool holds = predicate.is_none() && function == "filterfalse"
                     ? item.truthy()
                     : call1(ctx, predicate, item).truthy();
    if (function == "filterfalse") {
      if (!holds) out.push_back(std::move(item));
    } else if (function == "takewhile") {
      if (!holds) break;
      out.push_back(std::move(item));
    } else {
      dropping = dropping && holds;
      if (!dropping) out.push_back(std::move(item));
    }
  }
  return Value::list(std::move(out));
}

Value compress(CallContext&, CallArgs& args) {
  BoundArgs bound("compress", args, {"data", "selectors"}, 2, false);
  Items data = jinja::iterate(bound.get(0));
  Items selectors = jinja::iterate(bound.get(1));
  Items out;
  for (size_t i = 0; i < std::min(data.size(), selectors.size()); ++i) {
    if (selectors[i].truthy()) out.push_back(data[i]);
  }
  return Value::list(std::move(out));
}

Value pairwise(CallContext&, CallArgs& args) {
  BoundArgs bound("pairwise", args, {"iterable"}, 1, false);
  Items items = jinja::iterate(bound.get(0));
  Items out;
  for (size_t i = 1; i < items.size(); ++i)
    out.push_back(Value::tuple({items[i - 1], items[i]}));
  return Value::list(std::move(out));
}

Value infinite(std::string name) {
  return Value::function(name, [name](CallContext&, CallArgs&) -> Value {
    throw Error(ErrorKind::Runtime, "itertools." + name +
                                        "() never ends, and Kiln's itertools return lists; "
                                        "use range() or a bounded loop instead");
  });
}

}  // namespace

Value make_itertools_module() {
  Members m;
  m["chain"] = Value::object(new PythonClass(
      "itertools.chain", chain,
      {{"from_iterable", Value::function("from_iterable", [](CallContext& ctx, CallArgs& args) {
          BoundArgs bound("from_iterable", args, {"iterable"}, 1, false);
          CallArgs spread{jinja::iterate(bound.get(0)), {}};
          return chain(ctx, spread);
        })}}));
  m["product"] = Value::function("product", product);
  m["combinations"] = Value::function("combinations", [](CallContext&, CallArgs& args) {
    return combinations_of(args, "combinations", false);
  });
  m["combinations_with_replacement"] =
      Value::function("combinations_with_replacement", [](CallContext&, CallArgs& args) {
        return combinations_of(args, "combinations_with_replacement", true);
      });
  m["permutations"] = Value::function("permutations", permutations);
  m["groupby"] = Value::function("groupby", groupby);
  m["islice"] = Value::function("islice", islice);
  m["repeat"] = Value::function("repeat", repeat);
  m["zip_longest"] = Value::function("zip_longest", zip_longest);
  m["accumulate"] = Value::function("accumulate", accumulate);
  m["starmap"] = Value::function("starmap", starmap);
  for (std::string name : {"filterfalse", "takewhile", "dropwhile"}) {
    m[name] = Value::function(
        name, [name](CallContext& ctx, CallArgs& args) { return by_predicate(ctx, args, name); });
  }
  m["compress"] = Value::function("compress", compress);
  m["pairwise"] = Value::function("pairwise", pairwise);
  m["count"] = infinite("count");
  m["cycle"] = infinite("cycle");
  return Value::object(new PythonModule("itertools", std::move(m)));
}

}  // namespace kiln::compile
