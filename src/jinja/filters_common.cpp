#include "jinja/filters_common.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "jinja/bigint.h"
#include "jinja/error.h"
#include "jinja/methods.h"
#include "jinja/operators.h"

namespace kiln::jinja {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Python's str.isdigit() accepts every Unicode digit; paths in templates are ASCII, so
// ASCII digits are what an index part can be.
Value path_part(std::string_view part) {
  if (all_digits(part)) {
    if (auto n = BigInt::parse(part)) return Value::integer(*n);
  }
  return Value::string(std::string(part));
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

bool is_python_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Python's float() accepts '_' only between two digits; returns the text without them.
std::optional<std::string> strip_digit_underscores(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') {
      out += text[i];
      continue;
    }
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (i == 0 || i + 1 == text.size() || !digit(text[i - 1]) || !digit(text[i + 1])) {
      return std::nullopt;
    }
  }
  return out;
}

// [sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits], the decimal literal
// grammar of float(); strtod alone would also take hex floats that Python refuses.
bool is_decimal_float(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t begin = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
      ++i;
    return i - begin;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t mantissa = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

std::optional<double> parse_special_float(std::string_view s) {
  double sign = 1;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  std::string lower(s);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "inf" || lower == "infinity") return sign * HUGE_VAL;
  if (lower == "nan") return std::copysign(NAN, sign);
  return std::nullopt;
}

}  // namespace

AttributePath::AttributePath(const Value& attribute) {
  if (attribute.is_none() || attribute.is_undefined()) return;
  if (!attribute.is_string()) {
    parts_.push_back(attribute);
    return;
  }
  for (std::string_view part : split(attribute.as_string(), '.'))
    parts_.push_back(path_part(part));
}

Value AttributePath::lookup(Value item, const Value* fallback) const {
  for (const Value& part : parts_) {
    item = get_item(item, part);
    // Jinja2 replaces a missing step only when the default is not None.
    if (fallback && !fallback->is_none() && item.is_undefined()) item = *fallback;
  }
  return item;
}

MultiAttributePath::MultiAttributePath(const Value& attribute) {
  if (!attribute.is_string()) {
    paths_.emplace_back(attribute);
    return;
  }
  for (std::string_view part : split(attribute.as_string(), ',')) {
    paths_.emplace_back(Value::string(std::string(part)));
  }
}

Value MultiAttributePath::lookup(const Value& item, bool lower) const {
  std::vector<Value> keys;
  keys.reserve(paths_.size());
  for (const AttributePath& path : paths_) {
    Value key = path.lookup(item);
    keys.push_back(lower ? ignore_case(key) : key);
  }
  return Value::list(std::move(keys));
}

void throw_missing_method(const Value& subject, std::string_view method) {
  if (subject.is_undefined()) throw_undefined(subject);
  throw Error(ErrorKind::Type,
              fmt::format("'{}' object has no attribute '{}'", subject.type_name(), method));
}

Value ignore_case(const Value& v) {
  return v.is_string() ? call_method_or_throw(v, "lower") : v;
}

int64_t python_index(const Value& v) {
  if (v.is_bool()) return v.as_bool() ? 1 : 0;
  if (v.int_fits_int64()) return v.as_int64();
  if (v.is_int()) {
    throw Error(ErrorKind::Overflow, "Python int too large to convert to C ssize_t");
  }
  if (v.is_undefined()) throw_undefined(v);
  throw Error(ErrorKind::Type,
              fmt::format("'{}' object cannot be interpreted as an integer", v.type_name()));
}

std::optional<double> parse_python_float(std::string_view text) {
  while (!text.empty() && is_python_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_python_space(text.back()))
    text.remove_suffix(1);
  if (auto special = parse_special_float(text)) return special;
  std::optional<std::string> plain = strip_digit_underscores(text);
  if (!plain || !is_decimal_float(*plain)) return std::nullopt;
  // strtod rounds correctly and gives +-HUGE_VAL on overflow, which is Python's inf.
  return std::strtod(plain->c_str(), nullptr);
}

double python_float(const Value& v) {
  switch (v.kind()) {
    case Kind::Bool:
    case Kind::Int:
    case Kind::Float:
      return v.to_double();
    case Kind::String:
      if (auto parsed = parse_python_float(v.as_string())) return *parsed;
      throw Error(ErrorKind::Value, "could not convert string to float: " + v.repr());
    case Kind::Undefined:
      throw_undefined(v);
    default:
      throw Error(ErrorKind::Type,
                  fmt::format("float() argument must be a string or a real number, not '{}'",
                              v.type_name()));
  }
}

Value call_method_or_throw(const Value& self, std::string_view name, CallArgs args) {
  std::optional<Value> result = call_method(self, name, args);
  if (!result) {
    throw Error(ErrorKind::Runtime,
                fmt::format("'{}' object has no attribute '{}'", self.type_name(), name));
  }
  return std::move(*result);
}

std::vector<Value> sorted_by_keys(std::vector<Value> items, std::vector<Value> keys, bool reverse) {
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return reverse ? compare_op(CompareOp::Lt, keys[b], keys[a])
                   : compare_op(CompareOp::Lt, keys[a], keys[b]);
  });
  std::vector<Value> out;
  out.reserve(items.size());
  for (size_t i : order)
    out.push_back(std::move(items[i]));
  return out;
}

}  // namespace kiln::jinja
