#include "jinja/operators.h"

#include <cmath>
#include <limits>

#include "jinja/bigint.h"
#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/methods.h"
#include "jinja/python_format.h"
#include "jinja/utf8.h"

namespace kiln::jinja {

[[noreturn]] void throw_undefined(const Value& v) {
  throw Error(v.undefined_is_unsafe() ? ErrorKind::Security : ErrorKind::Undefined,
              v.undefined_message());
}

namespace {

// Results of ** above this many bits are refused: Python would try for minutes and run
// out of memory; a template asking for that is broken.
constexpr double kMaxPowerBits = 1 << 20;

const char* op_symbol(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add:
      return "+";
    case BinaryOp::Sub:
      return "-";
    case BinaryOp::Mul:
      return "*";
    case BinaryOp::Div:
      return "/";
    case BinaryOp::FloorDiv:
      return "//";
    case BinaryOp::Mod:
      return "%";
    case BinaryOp::Pow:
      return "** or pow()";
    case BinaryOp::Concat:
      return "~";
  }
  return "?";
}

[[noreturn]] void throw_unsupported(BinaryOp op, const Value& a, const Value& b) {
  throw Error(ErrorKind::Type, "unsupported operand type(s) for " + std::string(op_symbol(op)) +
                                   ": '" + std::string(a.type_name()) + "' and '" +
                                   std::string(b.type_name()) + "'");
}

bool is_integral(const Value& v) {
  return v.is_int() || v.is_bool();
}

// Bools take part in arithmetic as 0 and 1.
int64_t small_int(const Value& v) {
  return v.is_bool() ? (v.as_bool() ? 1 : 0) : v.as_int64();
}
bool fits_small(const Value& v) {
  return v.is_bool() || v.int_fits_int64();
}

double to_float_checked(const Value& v) {
  double d = v.to_double();
  if (v.is_int() && std::isinf(d)) {
    throw Error(ErrorKind::Overflow, "int too large to convert to float");
  }
  return d;
}

Value int_arithmetic(BinaryOp op, const Value& a, const Value& b) {
  if (fits_small(a) && fits_small(b)) {
    int64_t x = small_int(a), y = small_int(b), r = 0;
    bool overflow = false;
    switch (op) {
      case BinaryOp::Add:
        overflow = __builtin_add_overflow(x, y, &r);
        break;
      case BinaryOp::Sub:
        overflow = __builtin_sub_overflow(x, y, &r);
        break;
      case BinaryOp::Mul:
        overflow = __builtin_mul_overflow(x, y, &r);
        break;
      default:
        overflow = true;
    }
    if (!overflow) return Value::integer(r);
  }
  BigInt x = a.to_bigint(), y = b.to_bigint();
  switch (op) {
    case BinaryOp::Add:
      return Value::integer(x + y);
    case BinaryOp::Sub:
      return Value::integer(x - y);
    default:
      return Value::integer(x * y);
  }
}

double float_floor_mod(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

double float_floor_div(double x, double y) {
  // Python's float_floor_div: derive the quotient from fmod so that x == q*y + r holds
  // as closely as floating point allows.
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0 && (y < 0) != (mod < 0)) div -= 1.0;
  if (div == 0) return std::copysign(0.0, x / y);
  double floored = std::floor(div);
  if (div - floored > 0.5) floored += 1.0;
  return floored;
}

Value divide(BinaryOp op, const Value& a, const Value& b) {
  bool both_int = is_integral(a) && is_integral(b);
  if (op == BinaryOp::Div) {
    double y = to_float_checked(b);
    if (y == 0) {
      throw Error(ErrorKind::ZeroDivision,
                  both_int ? "division by zero" : "float division by zero");
    }
    return Value::floating(to_float_checked(a) / y);
  }
  if (both_int) {
    if (!b.truthy()) {
      throw Error(ErrorKind::ZeroDivision, op == BinaryOp::Mod
                                               ? "integer modulo by zero"
                                               : "integer division or modulo by zero");
    }
    if (fits_small(a) && fits_small(b)) {
      int64_t x = small_int(a), y = small_int(b);
      if (!(x == std::numeric_limits<int64_t>::min() && y == -1)) {
        int64_t q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
          --q;
          r += y;
        }
        return Value::integer(op == BinaryOp::FloorDiv ? q : r);
      }
    }
    BigInt q, r;
    BigInt::floor_divmod(a.to_bigint(), b.to_bigint(), &q, &r);
    return Value::integer(op == BinaryOp::FloorDiv ? std::move(q) : std::move(r));
  }
  double x = to_float_checked(a), y = to_float_checked(b);
  if (y == 0) {
    throw Error(ErrorKind::ZeroDivision,
                op == BinaryOp::Mod ? "float modulo" : "float floor division by zero");
  }
  return Value::floating(op == BinaryOp::FloorDiv ? float_floor_div(x, y) : float_floor_mod(x, y));
}

Value power(const Value& a, const Value& b) {
  if (is_integral(a) && is_integral(b)) {
    bool negative_exponent =
        b.is_int() && (b.int_fits_int64() ? b.as_int64() < 0 : b.as_bigint().is_negative());
    if (!negative_exponent) {
      BigInt base = a.to_bigint();
      if (base.is_zero() || base == BigInt(1)) return Value::integer(std::move(base));
      if (base == BigInt(-1)) {
        bool odd = b.to_bigint().limbs().empty() ? false : (b.to_bigint().limbs()[0] & 1);
        return Value::integer(odd ? -1 : 1);
      }
      double bits = std::log2(std::fabs(to_float_checked(a))) * to_float_checked(b);
      if (!b.int_fits_int64() || bits > kMaxPowerBits) {
        throw Error(ErrorKind::Overflow, "integer power result too large");
      }
      return Value::integer(base.pow(static_cast<uint64_t>(small_int(b))));
    }
  }
  double x = to_float_checked(a), y = to_float_checked(b);
  if (x == 0 && y < 0) {
    throw Error(ErrorKind::ZeroDivision, "0.0 cannot be raised to a negative power");
  }
  if (x < 0 && y != std::floor(y) && std::isfinite(y)) {
    // Python answers with a complex number, which templates cannot represent.
    throw Error(ErrorKind::Value, "complex results of ** are not supported");
  }
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) {
    throw Error(ErrorKind::Overflow, "(34, 'Numerical result out of range')");
  }
  return Value::floating(r);
}

Value number_op(BinaryOp op, const Value& a, const Value& b) {
  switch (op) {
    case BinaryOp::Add:
    case BinaryOp::Sub:
    case BinaryOp::Mul:
      if (is_integral(a) && is_integral(b)) return int_arithmetic(op, a, b);
      {
        double x = to_float_checked(a), y = to_float_checked(b);
        return Value::floating(op == BinaryOp::Add ? x + y : op == BinaryOp::Sub ? x - y : x * y);
      }
    case BinaryOp::Div:
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod:
      return divide(op, a, b);
    case BinaryOp::Pow:
      return power(a, b);
    case BinaryOp::Concat:
      break;
  }
  throw_unsupported(op, a, b);
}

Value concatenate(const Value& a, const Value& b) {
  if (a.is_string() && b.is_string()) {
    return Value::string(a.as_string() + b.as_string(), a.is_safe() && b.is_safe());
  }
  if (a.kind() == b.kind() && a.is_sequence()) {
    std::vector<Value> items;
    items.reserve(a.as_list().size() + b.as_list().size());
    items.insert(items.end(), a.as_list().begin(), a.as_list().end());
    items.insert(items.end(), b.as_list().begin(), b.as_list().end());
    return a.is_list() ? Value::list(std::move(items)) : Value::tuple(std::move(items));
  }
  if (a.is_string() || a.is_sequence()) {
    throw Error(ErrorKind::Type, "can only concatenate " + std::string(a.type_name()) + " (not \"" +
                                     std::string(b.type_name()) + "\") to " +
                                     std::string(a.type_name()));
  }
  throw_unsupported(BinaryOp::Add, a, b);
}

Value repeat(const Value& sequence, const Value& count) {
  if (!is_integral(count)) {
    throw Error(ErrorKind::Type, "can't multiply sequence by non-int of type '" +
                                     std::string(count.type_name()) + "'");
  }
  int64_t n = count.int_fits_int64() || count.is_bool() ? small_int(count)
              : count.as_bigint().is_negative()         ? 0
                                                        : std::numeric_limits<int64_t>::max();
  if (n <= 0) {
    if (sequence.is_string()) return Value::string("", sequence.is_safe());
    return sequence.is_list() ? Value::list() : Value::tuple({});
  }
  size_t unit = sequence.is_string() ? sequence.as_string().size() : sequence.as_list().size();
  if (unit != 0 && static_cast<uint64_t>(n) > (uint64_t{1} << 32) / unit) {
    throw Error(ErrorKind::Overflow, "repeated sequence is too large");
  }
  if (sequence.is_string()) {
    std::string out;
    out.reserve(unit * static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
      out += sequence.as_string();
    return Value::string(std::move(out), sequence.is_safe());
  }
  std::vector<Value> items;
  items.reserve(unit * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    items.insert(items.end(), sequence.as_list().begin(), sequence.as_list().end());
  }
  return sequence.is_list() ? Value::list(std::move(items)) : Value::tuple(std::move(items));
}

bool is_repeatable(const Value& v) {
  return v.is_string() || v.is_sequence();
}

}  // namespace

Value binary_op(BinaryOp op, const Value& a, const Value& b) {
  if (op == BinaryOp::Concat) {
    // `~` prints both sides, so Undefined takes part as ''.
    std::string text;
    a.append_str(text);
    b.append_str(text);
    return Value::string(std::move(text), a.is_safe() && b.is_safe());
  }
  if (a.is_undefined()) throw_undefined(a);
  if (b.is_undefined()) throw_undefined(b);
  if (a.is_number() && b.is_number()) return number_op(op, a, b);
  // Embedder types first, left operand before right, as Python tries __op__ then __rop__.
  if (a.is_object()) {
    if (auto result = a.as_object().arithmetic(op, a, b)) return std::move(*result);
  }
  if (b.is_object()) {
    if (auto result = b.as_object().arithmetic(op, a, b)) return std::move(*result);
  }
  if (op == BinaryOp::Add) return concatenate(a, b);
  if (op == BinaryOp::Mul) {
    // The sequence side is repeated; the other side must be an int.
    if (is_repeatable(a)) return repeat(a, b);
    if (is_repeatable(b)) return repeat(b, a);
  }
  if (op == BinaryOp::Mod && a.is_string()) {
    return Value::string(percent_format(a.as_string(), b), a.is_safe());
  }
  throw_unsupported(op, a, b);
}

Value unary_op(UnaryOp op, const Value& v) {
  if (op == UnaryOp::Not) return Value::boolean(!v.truthy());
  if (v.is_undefined()) throw_undefined(v);
  if (v.is_float()) return Value::floating(op == UnaryOp::Neg ? -v.as_double() : v.as_double());
  if (is_integral(v)) {
    if (op == UnaryOp::Pos) return v.is_bool() ? Value::integer(small_int(v)) : v;
    if (fits_small(v) && small_int(v) != std::numeric_limits<int64_t>::min()) {
      return Value::integer(-small_int(v));
    }
    return Value::integer(-v.to_bigint());
  }
  throw Error(ErrorKind::Type, std::string("bad operand type for unary ") +
                                   (op == UnaryOp::Neg ? "-" : "+") + ": '" +
                                   std::string(v.type_name()) + "'");
}

bool compare_op(CompareOp op, const Value& a, const Value& b) {
  switch (op) {
    case CompareOp::Eq:
      return a.equals(b);
    case CompareOp::Ne:
      return !a.equals(b);
    default:
      break;
  }
  if (a.is_undefined()) throw_undefined(a);
  if (b.is_undefined()) throw_undefined(b);
  // nan is unordered: every ordering comparison with it is false.
  if ((a.is_float() && std::isnan(a.as_double())) || (b.is_float() && std::isnan(b.as_double()))) {
    if (a.is_number() && b.is_number()) return false;
  }
  switch (op) {
    case CompareOp::Lt:
      return a.compare(b, "<") < 0;
    case CompareOp::Le:
      return a.compare(b, "<=") <= 0;
    case CompareOp::Gt:
      return a.compare(b, ">") > 0;
    default:
      return a.compare(b, ">=") >= 0;
  }
}

bool contains(const Value& container, const Value& item) {
  switch (container.kind()) {
    case Kind::Undefined:
      throw_undefined(container);
    case Kind::String:
      if (!item.is_string()) {
        throw Error(ErrorKind::Type, "'in <string>' requires string as left operand, not " +
                                         std::string(item.type_name()));
      }
      return container.as_string().find(item.as_string()) != std::string::npos;
    case Kind::List:
    case Kind::Tuple:
      for (const Value& element : container.as_list()) {
        if (element.equals(item)) return true;
      }
      return false;
    case Kind::Dict:
      return container.as_dict().find(item) != nullptr;
    case Kind::Object:
      if (auto items = container.as_object().iterate()) {
        for (const Value& element : *items) {
          if (element.equals(item)) return true;
        }
        return false;
      }
      break;
    default:
      break;
  }
  throw Error(ErrorKind::Type,
              "argument of type '" + std::string(container.type_name()) + "' is not iterable");
}

// ---- member access ---------------------------------------------------------------------

namespace {

// Jinja2's object_type_repr: how hints name the object that lacks a member.
std::string object_description(const Value& obj) {
  if (obj.is_none()) return "None";
  return std::string(obj.type_name()) + " object";
}

Value missing_attribute(const Value& obj, std::string_view name) {
  return Value::undefined_with_hint(name, Value::string(object_description(obj)).repr() +
                                              " has no attribute " +
                                              Value::string(std::string(name)).repr());
}

Value missing_element(const Value& obj, const Value& key) {
  return Value::undefined_with_hint({}, object_description(obj) + " has no element " + key.repr());
}

// Index of a sequence of `size` items, Python-style; nullopt when out of range.
std::optional<size_t> sequence_index(const Value& key, size_t size) {
  if (!key.is_bool() && !key.int_fits_int64()) return std::nullopt;
  int64_t i = small_int(key);
  if (i < 0) i += static_cast<int64_t>(size);
  if (i < 0 || static_cast<uint64_t>(i) >= size) return std::nullopt;
  return static_cast<size_t>(i);
}

Value string_char_at(const std::string& text, const Value& key) {
  bool ascii = utf8::is_ascii(text);
  size_t size = ascii ? text.size() : utf8::length(text);
  auto index = sequence_index(key, size);
  if (!index) return Value();
  if (ascii) return Value::string(std::string(1, text[*index]));
  size_t start = utf8::offset_of(text, *index);
  size_t end = start;
  utf8::decode(text, end);
  return Value::string(text.substr(start, end - start));
}

// obj[key] without the attribute fallback; plain Undefined when missing.
Value item_only(const Value& obj, const Value& key) {
  switch (obj.kind()) {
    case Kind::Dict: {
      // Unhashable keys cannot be present; Jinja2 turns the TypeError into Undefined.
      if (key.is_list() || key.is_dict()) return Value();
      const Value* found = obj.as_dict().find(key);
      return found ? *found : Value();
    }
    case Kind::List:
    case Kind::Tuple: {
      if (!is_integral(key)) return Value();
      auto index = sequence_index(key, obj.as_list().size());
      return index ? obj.as_list()[*index] : Value();
    }
    case Kind::String:
      return is_integral(key) ? string_char_at(obj.as_string(), key) : Value();
    case Kind::Object:
      return obj.as_object().get_item(key);
    default:
      return Value();
  }
}

// Attributes every Python object (and every builtin container) has, which Jinja2's sandbox
// finds with getattr and then refuses as unsafe.
bool is_python_object_attribute(std::string_view name) {
  static constexpr std::string_view kNames[] = {"__class__",
                                                "__doc__",
                                                "__init__",
                                                "__new__",
                                                "__repr__",
                                                "__str__",
                                                "__hash__",
                                                "__eq__",
                                                "__ne__",
                                                "__lt__",
                                                "__le__",
                                                "__gt__",
                                                "__ge__",
                                                "__getattribute__",
                                                "__setattr__",
                                                "__delattr__",
                                                "__dir__",
                                                "__format__",
                                                "__reduce__",
                                                "__reduce_ex__",
                                                "__sizeof__",
                                                "__subclasshook__",
                                                "__init_subclass__",
                                                "__len__",
                                                "__getitem__",
                                                "__contains__",
                                                "__iter__",
                                                "__add__",
                                                "__mul__",
                                                "__globals__"};
  for (std::string_view known : kNames) {
    if (name == known) return true;
  }
  return false;
}

// obj.name without the item fallback; plain Undefined when missing.
Value attribute_only(const Value& obj, std::string_view name) {
  if (!name.empty() && name[0] == '_') {
    // The sandbox hides private members. One that Python objects really have (__class__,
    // __init__, ...) becomes Jinja2's unsafe Undefined; others may still be dict items.
    if (!is_python_object_attribute(name)) return Value();
    return Value::unsafe_undefined(name, "access to attribute '" + std::string(name) + "' of '" +
                                             std::string(obj.type_name()) + "' object is unsafe.");
  }
  switch (obj.kind()) {
    case Kind::String:
    case Kind::List:
    case Kind::Tuple:
    case Kind::Dict:
      return bound_method(obj, name);
    case Kind::Object:
      return obj.as_object().get_attr(name);
    default:
      return Value();
  }
}

}  // namespace

Value get_attribute(const Value& obj, std::string_view name) {
  if (obj.is_undefined()) throw_undefined(obj);
  Value found = attribute_only(obj, name);
  if (!found.is_undefined() || found.undefined_is_unsafe()) return found;
  if (obj.is_dict()) {
    // The common case, `config.materialized`: look the view up without building a key.
    if (const Value* value = obj.as_dict().find(name)) return *value;
  } else if (obj.is_object()) {
    found = obj.as_object().get_item(Value::string(std::string(name)));
    if (!found.is_undefined()) return found;
  }
  return missing_attribute(obj, name);
}

Value get_item(const Value& obj, const Value& key) {
  if (obj.is_undefined()) throw_undefined(obj);
  Value found = item_only(obj, key);
  if (!found.is_undefined()) return found;
  if (key.is_string()) {
    found = attribute_only(obj, key.as_string());
    if (!found.is_undefined() || found.undefined_is_unsafe()) return found;
    return missing_attribute(obj, key.as_string());
  }
  return missing_element(obj, key);
}

// ---- slicing ---------------------------------------------------------------------------

namespace {

// A slice bound: nullopt for None, else the (clamped) integer.
std::optional<int64_t> slice_bound(const Value& v) {
  if (v.is_none() || v.is_undefined()) return std::nullopt;
  if (v.is_bool() || v.int_fits_int64()) return small_int(v);
  if (v.is_int()) {
    return v.as_bigint().is_negative() ? std::numeric_limits<int64_t>::min() / 2
                                       : std::numeric_limits<int64_t>::max() / 2;
  }
  throw Error(ErrorKind::Type,
              "slice indices must be integers or None or have an __index__ method");
}

// The positions a slice selects in a sequence of `size` (CPython's PySlice_AdjustIndices).
std::vector<size_t> slice_positions(size_t size, const Value& start_v, const Value& stop_v,
                                    const Value& step_v) {
  int64_t step = slice_bound(step_v).value_or(1);
  if (step == 0) throw Error(ErrorKind::Value, "slice step cannot be zero");
  auto len = static_cast<int64_t>(size);
  auto adjust = [&](std::optional<int64_t> bound, bool is_start) {
    int64_t lower = step > 0 ? 0 : -1;
    int64_t upper = step > 0 ? len : len - 1;
    if (!bound) return (step > 0) == is_start ? lower : upper;
    int64_t b = *bound;
    if (b < 0) b += len;
    return b < lower ? lower : b > upper ? upper : b;
  };
  int64_t start = adjust(slice_bound(start_v), true);
  int64_t stop = adjust(slice_bound(stop_v), false);
  std::vector<size_t> positions;
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    positions.push_back(static_cast<size_t>(i));
  }
  return positions;
}

}  // namespace

Value slice(const Value& obj, const Value& start, const Value& stop, const Value& step) {
  if (obj.is_undefined()) throw_undefined(obj);
  if (obj.is_sequence()) {
    const auto& items = obj.as_list();
    std::vector<Value> out;
    for (size_t i : slice_positions(items.size(), start, stop, step))
      out.push_back(items[i]);
    return obj.is_list() ? Value::list(std::move(out)) : Value::tuple(std::move(out));
  }
  if (obj.is_string()) {
    const std::string& text = obj.as_string();
    std::string out;
    if (utf8::is_ascii(text)) {
      for (size_t i : slice_positions(text.size(), start, stop, step))
        out += text[i];
    } else {
      std::vector<uint32_t> code_points;
      for (size_t pos = 0; pos < text.size();)
        code_points.push_back(utf8::decode(text, pos));
      for (size_t i : slice_positions(code_points.size(), start, stop, step)) {
        utf8::append(out, code_points[i]);
      }
    }
    return Value::string(std::move(out), obj.is_safe());
  }
  // Jinja2 turns the TypeError of slicing a non-sequence into Undefined.
  return Value();
}

// ---- iteration and length --------------------------------------------------------------

std::vector<Value> iterate(const Value& v) {
  switch (v.kind()) {
    case Kind::Undefined:
      return {};
    case Kind::List:
    case Kind::Tuple:
      return v.as_list();
    case Kind::Dict: {
      std::vector<Value> keys;
      keys.reserve(v.as_dict().size());
      for (const auto& entry : v.as_dict().entries())
        keys.push_back(entry.key);
      return keys;
    }
    case Kind::String: {
      const std::string& text = v.as_string();
      std::vector<Value> chars;
      for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        utf8::decode(text, pos);
        chars.push_back(Value::string(text.substr(start, pos - start)));
      }
      return chars;
    }
    case Kind::Object:
      if (auto items = v.as_object().iterate()) return std::move(*items);
      break;
    default:
      break;
  }
  throw Error(ErrorKind::Type, "'" + std::string(v.type_name()) + "' object is not iterable");
}

size_t length(const Value& v) {
  switch (v.kind()) {
    case Kind::Undefined:
      return 0;
    case Kind::String:
      return utf8::length(v.as_string());
    case Kind::List:
    case Kind::Tuple:
      return v.as_list().size();
    case Kind::Dict:
      return v.as_dict().size();
    case Kind::Object:
      if (auto n = v.as_object().length()) return *n;
      break;
    default:
      break;
  }
  throw Error(ErrorKind::Type, "object of type '" + std::string(v.type_name()) + "' has no len()");
}

}  // namespace kiln::jinja
