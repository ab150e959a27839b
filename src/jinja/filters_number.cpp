// Number filters: abs, int, float, round, filesizeformat.
#include <fmt/format.h>

#include <cmath>

#include "jinja/bigint.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/filters_common.h"
#include "jinja/operators.h"
#include "jinja/python_format.h"

namespace kiln::jinja {
namespace {

Value filter_abs(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("abs", args);
  switch (v.kind()) {
    case Kind::Bool:
      return Value::integer(v.as_bool() ? 1 : 0);
    case Kind::Int:
      return v.to_bigint().is_negative() ? unary_op(UnaryOp::Neg, v) : v;
    case Kind::Float:
      return Value::floating(std::fabs(v.as_double()));
    default:
      throw Error(ErrorKind::Type, fmt::format("bad operand type for abs(): '{}'", v.type_name()));
  }
}

// ---- int ---------------------------------------------------------------------------------

// int(text, base) as Python parses it: surrounding whitespace, a sign, the 0x/0o/0b prefix
// matching the base (base 0 infers it), '_' between digits. nullopt for ValueError.
std::optional<BigInt> parse_python_int(std::string_view text, int64_t base) {
  if (base != 0 && (base < 2 || base > 36)) return std::nullopt;
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!text.empty() && space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && space(text.back()))
    text.remove_suffix(1);
  std::string sign;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    if (text[0] == '-') sign = "-";
    text.remove_prefix(1);
  }
  const auto prefix_base = [&]() -> int64_t {
    if (text.size() < 2 || text[0] != '0') return 0;
    switch (text[1] | 0x20) {
      case 'x':
        return 16;
      case 'o':
        return 8;
      case 'b':
        return 2;
      default:
        return 0;
    }
  }();
  if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
    base = prefix_base;
    text.remove_prefix(2);
    if (!text.empty() && text[0] == '_') text.remove_prefix(1);  // "0x_1a" is allowed
  } else if (base == 0) {
    // Base 0 reads decimal, where a leading zero is only allowed for zero itself.
    base = 10;
    if (text.size() > 1 && text[0] == '0' && text.find_first_not_of("0_") != text.npos) {
      return std::nullopt;
    }
  }
  if (text.empty() || text[0] == '+' || text[0] == '-') return std::nullopt;
  return BigInt::parse(sign + std::string(text), static_cast<int>(base));
}

// int(x) for a float: truncation, ValueError/OverflowError for nan and inf.
std::optional<Value> int_from_double(double d) {
  if (!std::isfinite(d)) return std::nullopt;
  return Value::integer(BigInt::from_double(d));
}

// Jinja2: int(value, base) for strings, int(value) for the rest, and when that fails
// int(float(value)) ("42.23"|int is 42), and when that fails too the default.
Value filter_int(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("int", args, {"default", "base"});
  const Value fallback = bound.get_or(0, Value::integer(0));
  const int64_t base = python_index(bound.get_or(1, Value::integer(10)));
  switch (v.kind()) {
    case Kind::Int:
      return v;
    case Kind::Bool:
      return Value::integer(v.as_bool() ? 1 : 0);
    case Kind::Float:
      return int_from_double(v.as_double()).value_or(fallback);
    case Kind::String: {
      if (auto parsed = parse_python_int(v.as_string(), base)) return Value::integer(*parsed);
      std::optional<double> d = parse_python_float(v.as_string());
      if (!d) return fallback;
      return int_from_double(*d).value_or(fallback);
    }
    case Kind::Undefined:
      throw_undefined(v);
    default:
      return fallback;
  }
}

Value filter_float(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("float", args, {"default"});
  if (v.is_undefined()) throw_undefined(v);
  if (v.is_number()) return Value::floating(v.to_double());
  if (v.is_string()) {
    if (auto parsed = parse_python_float(v.as_string())) return Value::floating(*parsed);
  }
  return bound.get_or(0, Value::floating(0.0));
}

// ---- round -------------------------------------------------------------------------------

// Python's round(float, n): the decimal nearest to the exact binary value, ties to even.
// printf's %.*f rounds the exact binary value the same way.
double round_float(double x, int64_t digits) {
  if (!std::isfinite(x)) return x;
  if (digits >= 0) {
    if (digits > 330) return x;  // finer than any double can hold
    std::string text = fmt::format("{:.{}f}", x, static_cast<int>(digits));
    return std::strtod(text.c_str(), nullptr);
  }
  if (digits < -330) return std::copysign(0.0, x);
  const double scale = std::pow(10.0, static_cast<double>(-digits));
  return std::nearbyint(x / scale) * scale;
}

// round(int, n) stays an int: to the nearest multiple of 10**-n, ties to even.
Value round_int(const Value& v, int64_t digits) {
  if (digits >= 0) return v.is_bool() ? Value::integer(v.as_bool() ? 1 : 0) : v;
  if (digits < -4000) return Value::integer(0);
  const BigInt unit = BigInt(10).pow(static_cast<uint64_t>(-digits));
  BigInt quotient, remainder;
  BigInt::floor_divmod(v.to_bigint(), unit, &quotient, &remainder);
  const BigInt twice = remainder + remainder;
  const int side = BigInt::compare(twice, unit);
  const bool odd = !(quotient.limbs().empty() || (quotient.limbs()[0] & 1) == 0);
  if (side > 0 || (side == 0 && odd)) quotient = quotient + BigInt(1);
  return Value::integer(quotient * unit);
}

Value filter_round(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("round", args, {"precision", "method"});
  const Value method = bound.get_or(1, Value::string("common"));
  const bool common = method.is_string() && method.as_string() == "common";
  const bool ceil = method.is_string() && method.as_string() == "ceil";
  const bool floor = method.is_string() && method.as_string() == "floor";
  if (!common && !ceil && !floor) {
    throw Error(ErrorKind::Runtime, "method must be common, ceil or floor");
  }
  const Value precision = bound.get_or(0, Value::integer(0));
  if (common) {
    if (!v.is_number()) {
      throw Error(ErrorKind::Type,
                  fmt::format("type {} doesn't define __round__ method", v.type_name()));
    }
    const int64_t digits = python_index(precision);
    if (v.is_float()) return Value::floating(round_float(v.as_double(), digits));
    return round_int(v, digits);
  }
  // Jinja2: math.ceil/floor(value * 10**precision) / 10**precision, a float.
  const Value scale = binary_op(BinaryOp::Pow, Value::integer(10), precision);
  const Value scaled = binary_op(BinaryOp::Mul, v, scale);
  if (!scaled.is_number()) {
    throw Error(ErrorKind::Type, fmt::format("must be real number, not {}", scaled.type_name()));
  }
  double d = scaled.to_double();
  if (scaled.is_float()) {
    if (!std::isfinite(d)) {
      throw Error(std::isnan(d) ? ErrorKind::Value : ErrorKind::Overflow,
                  std::isnan(d) ? "cannot convert float NaN to integer"
                                : "cannot convert float infinity to integer");
    }
    d = ceil ? std::ceil(d) : std::floor(d);
  }
  return binary_op(BinaryOp::Div, Value::floating(d), scale);
}

// ---- filesizeformat ----------------------------------------------------------------------

Value filter_filesizeformat(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("filesizeformat", args, {"binary"});
  const bool binary = bound.get_or(0, Value::boolean(false)).truthy();
  const double bytes = python_float(v);
  const double base = binary ? 1024 : 1000;
  static constexpr std::string_view kDecimal[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  static constexpr std::string_view kBinary[] = {"KiB", "MiB", "GiB", "TiB",
                                                 "PiB", "EiB", "ZiB", "YiB"};
  if (bytes == 1) return Value::string("1 Byte");
  if (bytes < base) {
    auto whole = int_from_double(bytes);
    if (!whole) {
      throw Error(ErrorKind::Value, "cannot convert float NaN to integer");
    }
    return Value::string(whole->str() + " Bytes");
  }
  double unit = base;
  size_t i = 0;
  for (; i < 8; ++i) {
    unit = std::pow(base, static_cast<double>(i + 2));
    if (bytes < unit || i == 7) break;
  }
  const std::string number = format_with_spec(Value::floating(base * bytes / unit), ".1f");
  return Value::string(number + " " + std::string(binary ? kBinary[i] : kDecimal[i]));
}

}  // namespace

void add_number_filters(FilterList& out) {
  out.insert(out.end(), {
                            {"abs", filter_abs},
                            {"int", filter_int},
                            {"float", filter_float},
                            {"round", filter_round},
                            {"filesizeformat", filter_filesizeformat},
                        });
}

}  // namespace kiln::jinja
