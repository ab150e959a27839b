#pragma once
// What the filters_*.cpp files share: the per-theme registration functions that
// builtin_filters() gathers, Jinja2's attribute getters, and Python's conversions of
// filter arguments. Internal to the filters; templates never see these names.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "jinja/environment.h"
#include "jinja/value.h"

namespace kiln::jinja {

using FilterList = std::vector<std::pair<std::string_view, FilterFn>>;

void add_number_filters(FilterList& out);    // filters_number.cpp
void add_string_filters(FilterList& out);    // filters_string.cpp
void add_html_filters(FilterList& out);      // filters_html.cpp
void add_sequence_filters(FilterList& out);  // filters_sequence.cpp
void add_select_filters(FilterList& out);    // filters_select.cpp (map, select, reject...)
void add_value_filters(FilterList& out);     // filters_value.cpp (default, attr, tojson...)

// Jinja2's make_attrgetter: `attribute` is None (the item itself), an int index, or a
// dotted path "a.b.0" whose all-digit parts are indices. Each step is Jinja2's getitem
// (item first, then attribute).
class AttributePath {
 public:
  explicit AttributePath(const Value& attribute);
  // The value at the path; Undefined at a missing step stays Undefined. With a `fallback`
  // (groupby's and map's `default`), an Undefined step is replaced by it.
  Value lookup(Value item, const Value* fallback = nullptr) const;

 private:
  std::vector<Value> parts_;
};

// Jinja2's make_multi_attrgetter for sort: "a,b.c" looks up several paths, giving a list.
class MultiAttributePath {
 public:
  explicit MultiAttributePath(const Value& attribute);
  Value lookup(const Value& item, bool ignore_case) const;

 private:
  std::vector<AttributePath> paths_;
};

// markupsafe's escaping of & < > " ' (filters_html.cpp).
std::string html_escape(std::string_view text);

// What Python raises when a filter calls a method the subject does not have
// (`d.items()` on a list): UndefinedError for an Undefined, else an error naming the type.
// There is no AttributeError kind, so it is reported as a TypeError.
[[noreturn]] void throw_missing_method(const Value& subject, std::string_view method);

// Jinja2's ignore_case: strings lowercased, everything else as is.
Value ignore_case(const Value& v);

// Python's operator.index(v) for an argument declared int ("width", "precision"...).
// TypeError "'float' object cannot be interpreted as an integer".
int64_t python_index(const Value& v);

// Python's float(v): numbers and numeric strings; ValueError "could not convert string to
// float: 'x'", TypeError for other kinds. Undefined raises its UndefinedError.
double python_float(const Value& v);
// float(text) for a str, nullopt when Python would raise ValueError.
std::optional<double> parse_python_float(std::string_view text);

// self.name(*args) for a str/list/dict method; the method must exist.
Value call_method_or_throw(const Value& self, std::string_view name, CallArgs args = {});

// Python's sorted(items, key=..., reverse=...): stable, compares keys with `<` only,
// and equal keys keep their order even when reversed.
std::vector<Value> sorted_by_keys(std::vector<Value> items, std::vector<Value> keys, bool reverse);

}  // namespace kiln::jinja
