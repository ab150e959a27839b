#include "jinja/python_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "jinja/bigint.h"
#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/operators.h"
#include "jinja/utf8.h"

namespace kiln::jinja {

namespace {

// The shortest round-trip digits of |d| (no dot) and the decimal exponent of the first one:
// d = 0.DIGITS * 10**(decimal_point).
struct ShortestDigits {
  std::string digits;
  int decimal_point;
};

ShortestDigits shortest_digits(double d) {
  char buf[64];
  auto [end, ec] =
      std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(end - buf));
  size_t e = text.find('e');
  ShortestDigits out;
  for (char c : text.substr(0, e)) {
    if (c != '.') out.digits += c;
  }
  int exponent = 0;
  std::string_view exp_text = text.substr(e + 1);
  if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  out.decimal_point = exponent + 1;
  return out;
}

}  // namespace

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  std::string out = std::signbit(d) ? "-" : "";
  if (d == 0) return out + "0.0";
  auto [digits, point] = shortest_digits(d);
  if (point > 16 || point < -3) {
    // Python's repr switches to exponent notation outside 1e-4 <= |d| < 1e16.
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1);
    }
    int exponent = point - 1;
    out += exponent < 0 ? "e-" : "e+";
    int mag = std::abs(exponent);
    if (mag < 10) out += '0';
    out += std::to_string(mag);
  } else if (point <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-point), '0');
    out += digits;
  } else if (static_cast<size_t>(point) >= digits.size()) {
    out += digits;
    out.append(static_cast<size_t>(point) - digits.size(), '0');
    out += ".0";
  } else {
    out.append(digits, 0, static_cast<size_t>(point));
    out += '.';
    out.append(digits, static_cast<size_t>(point));
  }
  return out;
}

// ---- shared pieces of the two formatting languages -------------------------------------

namespace {

// printf into a std::string (C's float conversions are what Python's use).
template <typename... Args>
std::string c_format(const char* format, Args... args) {
  char buf[512];
  int n = std::snprintf(buf, sizeof buf, format, args...);
  if (n >= 0 && static_cast<size_t>(n) < sizeof buf)
    return std::string(buf, static_cast<size_t>(n));
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), format, args...);
  out.resize(static_cast<size_t>(n));
  return out;
}

// A float in C's %e/%f/%g (or %E/%F/%G) with an explicit precision; `alternate` is '#'.
std::string c_float(double d, char type, int precision, bool alternate) {
  char format[16] = "%";
  size_t n = 1;
  if (alternate) format[n++] = '#';
  format[n++] = '.';
  format[n++] = '*';
  format[n++] = type;
  format[n] = '\0';
  return c_format(format, precision, d);
}

// |v| as digits in `base`: an int (or bool) value.
std::string int_digits(const Value& v, int base) {
  if (v.is_bool()) return v.as_bool() ? "1" : "0";
  if (v.int_fits_int64()) {
    int64_t i = v.as_int64();
    uint64_t mag = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    char buf[72];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, mag, base);
    return std::string(buf, end);
  }
  return v.as_bigint().abs().to_string(base);
}

bool int_is_negative(const Value& v) {
  if (v.is_bool()) return false;
  return v.int_fits_int64() ? v.as_int64() < 0 : v.as_bigint().is_negative();
}

std::string upper_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return s;
}

// Inserts `separator` every `group` digits, counting from the right of `digits`.
std::string group_digits(std::string_view digits, char separator, size_t group) {
  std::string out;
  out.reserve(digits.size() + digits.size() / group);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % group == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

// ---- format spec mini-language ---------------------------------------------------------

namespace {

struct FormatSpec {
  std::string fill = " ";
  char align = 0;  // < > ^ = or 0 for the type's default
  char sign = 0;   // + - space or 0
  bool alternate = false;
  bool zero_pad = false;
  size_t width = 0;
  char grouping = 0;  // , _ or 0
  int precision = -1;
  char type = 0;
};

bool is_align(uint32_t c) {
  return c == '<' || c == '>' || c == '^' || c == '=';
}

[[noreturn]] void invalid_spec() {
  throw Error(ErrorKind::Value, "Invalid format specifier");
}

FormatSpec parse_spec(std::string_view spec) {
  FormatSpec out;
  size_t pos = 0;
  if (!spec.empty()) {
    size_t after_first = 0;
    uint32_t first = utf8::decode(spec, after_first);
    if (after_first < spec.size() && is_align(static_cast<unsigned char>(spec[after_first]))) {
      out.fill = std::string(spec.substr(0, after_first));
      out.align = spec[after_first];
      pos = after_first + 1;
    } else if (is_align(first)) {
      out.align = static_cast<char>(first);
      pos = 1;
    }
  }
  if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) {
    out.sign = spec[pos++];
  }
  if (pos < spec.size() && spec[pos] == 'z') ++pos;  // negative zero folding: rare, accepted
  if (pos < spec.size() && spec[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == '0') {
    out.zero_pad = true;
    ++pos;
  }
  while (pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9') {
    out.width = out.width * 10 + static_cast<size_t>(spec[pos++] - '0');
  }
  if (pos < spec.size() && (spec[pos] == ',' || spec[pos] == '_')) out.grouping = spec[pos++];
  if (pos < spec.size() && spec[pos] == '.') {
    ++pos;
    if (pos >= spec.size() || spec[pos] < '0' || spec[pos] > '9') {
      throw Error(ErrorKind::Value, "Format specifier missing precision");
    }
    out.precision = 0;
    while (pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9') {
      out.precision = out.precision * 10 + (spec[pos++] - '0');
    }
  }
  if (pos < spec.size()) out.type = spec[pos++];
  if (pos < spec.size()) invalid_spec();
  return out;
}

// Pads `body` (already signed and prefixed) to the spec's width. For '=' alignment the
// padding goes after the first `sign_length` bytes (sign and 0x prefix).
std::string pad(const std::string& body, const FormatSpec& spec, char default_align,
                size_t sign_length = 0) {
  size_t length = utf8::length(body);
  if (length >= spec.width) return body;
  size_t missing = spec.width - length;
  char align = spec.align ? spec.align : default_align;
  auto fill = [&](size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i)
      out += spec.fill;
    return out;
  };
  switch (align) {
    case '<':
      return body + fill(missing);
    case '^':
      return fill(missing / 2) + body + fill(missing - missing / 2);
    case '=':
      return body.substr(0, sign_length) + fill(missing) + body.substr(sign_length);
    default:
      return fill(missing) + body;
  }
}

std::string sign_text(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

std::string unknown_code(char type, const Value& v) {
  return std::string("Unknown format code '") + type + "' for object of type '" +
         std::string(v.type_name()) + "'";
}

// Digits of |d| for float presentation types; `type` 0 means Python's "no type".
std::string float_body(double magnitude, const FormatSpec& spec, char type) {
  if (std::isnan(magnitude) || std::isinf(magnitude)) {
    std::string text = std::isnan(magnitude) ? "nan" : "inf";
    return (type == 'E' || type == 'F' || type == 'G') ? upper_ascii(text) : text;
  }
  int precision = spec.precision;
  switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
      return c_float(magnitude, type, precision < 0 ? 6 : precision, spec.alternate);
    case 'g':
    case 'G':
    case 'n':
      return c_float(magnitude, type == 'n' ? 'g' : type, precision < 0 ? 6 : precision,
                     spec.alternate);
    case '%':
      return c_float(magnitude * 100, 'f', precision < 0 ? 6 : precision, spec.alternate) + "%";
    default:
      break;
  }
  if (precision < 0) return float_repr(magnitude);
  // No type with a precision: 'g'-like, but fixed notation keeps one decimal, and
  // scientific starts one exponent earlier (Python's format_float_short, 'r' mode).
  int p = precision == 0 ? 1 : precision;
  std::string sci = c_float(magnitude, 'e', p - 1, false);
  int exponent = std::stoi(sci.substr(sci.find('e') + 1));
  if (exponent >= -4 && exponent < p - 1) {
    std::string fixed = c_float(magnitude, 'f', p - 1 - exponent, false);
    if (fixed.find('.') != std::string::npos) {
      while (fixed.back() == '0')
        fixed.pop_back();
      if (fixed.back() == '.') fixed += '0';
    } else {
      fixed += ".0";
    }
    return fixed;
  }
  size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  if (mantissa.find('.') != std::string::npos) {
    while (mantissa.back() == '0')
      mantissa.pop_back();
    if (mantissa.back() == '.') mantissa.pop_back();
  }
  return mantissa + sci.substr(e);
}

// Applies grouping to the integer digits at the start of `body`.
std::string group_number(const std::string& body, char grouping) {
  if (!grouping) return body;
  size_t end = 0;
  while (end < body.size() && body[end] >= '0' && body[end] <= '9')
    ++end;
  return group_digits(std::string_view(body).substr(0, end), grouping, 3) + body.substr(end);
}

std::string format_float(double d, const FormatSpec& spec) {
  char type = spec.type;
  if (type && std::string_view("eEfFgGn%").find(type) == std::string_view::npos) {
    throw Error(ErrorKind::Value, unknown_code(type, Value::floating(d)));
  }
  std::string body = group_number(float_body(std::fabs(d), spec, type), spec.grouping);
  std::string sign = sign_text(std::signbit(d) && !std::isnan(d), spec.sign);
  FormatSpec padded = spec;
  if (spec.zero_pad && !spec.align) {
    padded.fill = "0";
    padded.align = '=';
  }
  return pad(sign + body, padded, '>', sign.size());
}

std::string format_int(const Value& v, const FormatSpec& spec) {
  char type = spec.type;
  if (type && std::string_view("eEfFgG%").find(type) != std::string_view::npos) {
    return format_float(v.to_double(), spec);
  }
  if (spec.precision >= 0) {
    throw Error(ErrorKind::Value, "Precision not allowed in integer format specifier");
  }
  std::string body;
  std::string prefix;
  switch (type) {
    case 0:
    case 'd':
    case 'n':
      body = int_digits(v, 10);
      break;
    case 'b':
      body = int_digits(v, 2);
      prefix = "0b";
      break;
    case 'o':
      body = int_digits(v, 8);
      prefix = "0o";
      break;
    case 'x':
      body = int_digits(v, 16);
      prefix = "0x";
      break;
    case 'X':
      body = upper_ascii(int_digits(v, 16));
      prefix = "0X";
      break;
    case 'c': {
      std::string ch;
      utf8::append(ch, static_cast<uint32_t>(v.is_bool() ? v.as_bool() : v.as_int64()));
      return pad(ch, spec, '>');
    }
    default:
      throw Error(ErrorKind::Value, unknown_code(type, v));
  }
  if (spec.grouping) {
    body = group_digits(body, spec.grouping, type == 0 || type == 'd' || type == 'n' ? 3 : 4);
  }
  std::string head = sign_text(int_is_negative(v), spec.sign) + (spec.alternate ? prefix : "");
  FormatSpec padded = spec;
  if (spec.zero_pad && !spec.align) {
    padded.fill = "0";
    padded.align = '=';
  }
  return pad(head + body, padded, '>', head.size());
}

std::string format_string(const std::string& text, const FormatSpec& spec, const Value& v) {
  if (spec.type && spec.type != 's') throw Error(ErrorKind::Value, unknown_code(spec.type, v));
  if (spec.sign) throw Error(ErrorKind::Value, "Sign not allowed in string format specifier");
  if (spec.align == '=') {
    throw Error(ErrorKind::Value, "'=' alignment not allowed in string format specifier");
  }
  std::string body = text;
  if (spec.precision >= 0) {
    body = text.substr(0, utf8::offset_of(text, static_cast<size_t>(spec.precision)));
  }
  return pad(body, spec, '<');
}

}  // namespace

std::string format_with_spec(const Value& value, std::string_view spec_text) {
  if (spec_text.empty()) return value.str();
  FormatSpec spec = parse_spec(spec_text);
  switch (value.kind()) {
    case Kind::String:
      return format_string(value.as_string(), spec, value);
    case Kind::Bool:
    case Kind::Int:
      return format_int(value, spec);
    case Kind::Float:
      return format_float(value.as_double(), spec);
    default:
      throw Error(ErrorKind::Type, "unsupported format string passed to " +
                                       std::string(value.type_name()) + ".__format__");
  }
}

// ---- printf-style % --------------------------------------------------------------------

namespace {

struct PercentSpec {
  bool left = false, plus = false, space = false, alternate = false, zero = false;
  size_t width = 0;
  int precision = -1;
  char type = 0;
};

class PercentArgs {
 public:
  explicit PercentArgs(const Value& args) : args_(args) {
    if (args.is_tuple()) {
      items_ = &args.as_list();
    } else {
      single_ = true;
    }
  }

  const Value& next() {
    size_t count = single_ ? 1 : items_->size();
    if (used_ >= count) throw Error(ErrorKind::Type, "not enough arguments for format string");
    return single_ ? (used_++, args_) : (*items_)[used_++];
  }

  const Value& mapping_value(std::string_view key) {
    if (!args_.is_dict() && !args_.is_object()) {
      throw Error(ErrorKind::Type, "format requires a mapping");
    }
    mapping_used_ = true;
    const Value* found = args_.is_dict() ? args_.as_dict().find(key) : nullptr;
    if (!found) {
      if (args_.is_object()) {
        scratch_ = args_.as_object().get_item(Value::string(std::string(key)));
        if (!scratch_.is_undefined()) return scratch_;
      }
      throw Error(ErrorKind::Key, Value::string(std::string(key)).repr());
    }
    return *found;
  }

  void check_all_used() const {
    if (mapping_used_) return;
    size_t count = single_ ? 1 : items_->size();
    // A lone dict (or other non-tuple) argument is allowed to go unused, as in Python.
    if (used_ < count && !(single_ && (args_.is_dict() || args_.is_object()))) {
      throw Error(ErrorKind::Type, "not all arguments converted during string formatting");
    }
  }

 private:
  const Value& args_;
  const std::vector<Value>* items_ = nullptr;
  bool single_ = false;
  size_t used_ = 0;
  bool mapping_used_ = false;
  Value scratch_;
};

std::string percent_pad(std::string body, const PercentSpec& spec, size_t sign_length,
                        bool numeric) {
  size_t length = utf8::length(body);
  if (length >= spec.width) return body;
  size_t missing = spec.width - length;
  if (spec.left) return body + std::string(missing, ' ');
  if (spec.zero && numeric) return body.insert(sign_length, std::string(missing, '0'));
  return std::string(missing, ' ') + body;
}

std::string percent_sign(bool negative, const PercentSpec& spec) {
  return negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
}

std::string percent_int(const Value& arg, const PercentSpec& spec) {
  Value v = arg;
  bool decimal = spec.type == 'd' || spec.type == 'i' || spec.type == 'u';
  if (v.is_float() && decimal) {
    if (!std::isfinite(v.as_double())) {
      throw Error(ErrorKind::Overflow, "cannot convert float infinity to integer");
    }
    v = Value::integer(BigInt::from_double(v.as_double()));
  }
  if (!v.is_int() && !v.is_bool()) {
    throw Error(ErrorKind::Type, std::string("%") + spec.type +
                                     " format: " + (decimal ? "a real number" : "an integer") +
                                     " is required, not " + std::string(v.type_name()));
  }
  int base = decimal ? 10 : spec.type == 'o' ? 8 : 16;
  std::string digits = int_digits(v, base);
  if (spec.type == 'X') digits = upper_ascii(digits);
  if (spec.precision > 0 && digits.size() < static_cast<size_t>(spec.precision)) {
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  }
  std::string head = percent_sign(int_is_negative(v), spec);
  if (spec.alternate && !decimal) head += spec.type == 'o' ? "0o" : spec.type == 'x' ? "0x" : "0X";
  return percent_pad(head + digits, spec, head.size(), true);
}

std::string percent_float(const Value& v, const PercentSpec& spec) {
  if (!v.is_number()) {
    throw Error(ErrorKind::Type, "must be real number, not " + std::string(v.type_name()));
  }
  double d = v.to_double();
  std::string body = std::isfinite(d)
                         ? c_float(std::fabs(d), spec.type, spec.precision < 0 ? 6 : spec.precision,
                                   spec.alternate)
                     : std::isnan(d) ? "nan"
                                     : "inf";
  if (!std::isfinite(d) && (spec.type == 'E' || spec.type == 'F' || spec.type == 'G')) {
    body = upper_ascii(body);
  }
  std::string sign = percent_sign(std::signbit(d) && !std::isnan(d), spec);
  return percent_pad(sign + body, spec, sign.size(), std::isfinite(d));
}

std::string percent_char(const Value& v, const PercentSpec& spec) {
  std::string ch;
  if (v.is_string() && utf8::length(v.as_string()) == 1) {
    ch = v.as_string();
  } else if (v.int_fits_int64() && v.as_int64() >= 0 && v.as_int64() <= 0x10FFFF) {
    utf8::append(ch, static_cast<uint32_t>(v.as_int64()));
  } else {
    throw Error(ErrorKind::Type, "%c requires int or char");
  }
  return percent_pad(ch, spec, 0, false);
}

std::string percent_convert(const Value& v, const PercentSpec& spec) {
  switch (spec.type) {
    case 's':
    case 'r':
    case 'a': {
      std::string text = spec.type == 's' ? v.str() : v.repr();
      if (spec.precision >= 0) {
        text.resize(utf8::offset_of(text, static_cast<size_t>(spec.precision)));
      }
      return percent_pad(text, spec, 0, false);
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o':
      return percent_int(v, spec);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return percent_float(v, spec);
    case 'c':
      return percent_char(v, spec);
    default:
      return {};
  }
}

size_t read_number(std::string_view format, size_t& pos) {
  size_t n = 0;
  while (pos < format.size() && format[pos] >= '0' && format[pos] <= '9') {
    n = n * 10 + static_cast<size_t>(format[pos++] - '0');
  }
  return n;
}

int64_t star_argument(PercentArgs& args) {
  const Value& v = args.next();
  if (!v.int_fits_int64()) throw Error(ErrorKind::Type, "* wants int");
  return v.as_int64();
}

}  // namespace

std::string percent_format(std::string_view format, const Value& args_value) {
  PercentArgs args(args_value);
  std::string out;
  size_t pos = 0;
  while (pos < format.size()) {
    size_t percent = format.find('%', pos);
    if (percent == std::string_view::npos) {
      out.append(format.substr(pos));
      break;
    }
    out.append(format.substr(pos, percent - pos));
    pos = percent + 1;
    if (pos >= format.size()) throw Error(ErrorKind::Value, "incomplete format");
    if (format[pos] == '%') {
      out += '%';
      ++pos;
      continue;
    }
    const Value* mapped = nullptr;
    if (format[pos] == '(') {
      size_t close = format.find(')', pos);
      if (close == std::string_view::npos) {
        throw Error(ErrorKind::Value, "incomplete format key");
      }
      mapped = &args.mapping_value(format.substr(pos + 1, close - pos - 1));
      pos = close + 1;
    }
    PercentSpec spec;
    for (; pos < format.size(); ++pos) {
      char c = format[pos];
      if (c == '-')
        spec.left = true;
      else if (c == '+')
        spec.plus = true;
      else if (c == ' ')
        spec.space = true;
      else if (c == '#')
        spec.alternate = true;
      else if (c == '0')
        spec.zero = true;
      else
        break;
    }
    if (pos < format.size() && format[pos] == '*') {
      ++pos;
      int64_t width = star_argument(args);
      if (width < 0) spec.left = true;
      spec.width = static_cast<size_t>(width < 0 ? -width : width);
    } else {
      spec.width = read_number(format, pos);
    }
    if (pos < format.size() && format[pos] == '.') {
      ++pos;
      if (pos < format.size() && format[pos] == '*') {
        ++pos;
        spec.precision = static_cast<int>(std::max<int64_t>(0, star_argument(args)));
      } else {
        spec.precision = static_cast<int>(read_number(format, pos));
      }
    }
    while (pos < format.size() &&
           (format[pos] == 'h' || format[pos] == 'l' || format[pos] == 'L')) {
      ++pos;
    }
    if (pos >= format.size()) throw Error(ErrorKind::Value, "incomplete format");
    spec.type = format[pos];
    if (std::string_view("srauidxXoeEfFgGc").find(spec.type) == std::string_view::npos) {
      throw Error(ErrorKind::Value, std::string("unsupported format character '") + spec.type +
                                        "' (0x" +
                                        c_format("%x", static_cast<unsigned char>(spec.type)) +
                                        ") at index " + std::to_string(pos));
    }
    ++pos;
    out += percent_convert(mapped ? *mapped : args.next(), spec);
  }
  args.check_all_used();
  return out;
}

// ---- str.format ------------------------------------------------------------------------

namespace {

class FieldFormatter {
 public:
  explicit FieldFormatter(const CallArgs& args) : args_(args) {}

  std::string format(std::string_view text, int depth) {
    if (depth > 2) throw Error(ErrorKind::Value, "Max string recursion exceeded");
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
      char c = text[pos];
      if (c == '{') {
        if (pos + 1 < text.size() && text[pos + 1] == '{') {
          out += '{';
          pos += 2;
          continue;
        }
        if (pos + 1 == text.size()) {
          throw Error(ErrorKind::Value, "Single '{' encountered in format string");
        }
        size_t end = matching_brace(text, pos);
        out += replace_field(text.substr(pos + 1, end - pos - 1), depth);
        pos = end + 1;
      } else if (c == '}') {
        if (pos + 1 < text.size() && text[pos + 1] == '}') {
          out += '}';
          pos += 2;
          continue;
        }
        throw Error(ErrorKind::Value, "Single '}' encountered in format string");
      } else {
        out += c;
        ++pos;
      }
    }
    return out;
  }

 private:
  static size_t matching_brace(std::string_view text, size_t open) {
    int level = 0;
    for (size_t i = open; i < text.size(); ++i) {
      if (text[i] == '{') ++level;
      if (text[i] == '}' && --level == 0) return i;
    }
    throw Error(ErrorKind::Value, "expected '}' before end of string");
  }

  std::string replace_field(std::string_view field, int depth) {
    // field_name ['!' conversion] [':' format_spec]; the spec may hold nested fields.
    size_t name_end = 0;
    int bracket = 0;
    while (name_end < field.size()) {
      char c = field[name_end];
      if (c == '[') ++bracket;
      if (c == ']') --bracket;
      if (bracket == 0 && (c == '!' || c == ':')) break;
      ++name_end;
    }
    Value value = resolve(field.substr(0, name_end));
    char conversion = 0;
    size_t pos = name_end;
    if (pos < field.size() && field[pos] == '!') {
      if (pos + 1 >= field.size()) {
        throw Error(ErrorKind::Value, "end of string while looking for conversion specifier");
      }
      conversion = field[pos + 1];
      pos += 2;
      if (pos < field.size() && field[pos] != ':') {
        throw Error(ErrorKind::Value, "expected ':' after conversion specifier");
      }
    }
    std::string spec;
    if (pos < field.size() && field[pos] == ':') spec = format(field.substr(pos + 1), depth + 1);
    if (conversion == 'r' || conversion == 'a') {
      value = Value::string(value.repr());
    } else if (conversion == 's') {
      value = Value::string(value.str());
    } else if (conversion) {
      throw Error(ErrorKind::Value, std::string("Unknown conversion specifier ") + conversion);
    }
    if (value.is_undefined()) {
      // Jinja2's Undefined formats as '' with an empty spec, as its __format__ does.
      if (spec.empty()) return std::string();
      throw Error(ErrorKind::Type, "unsupported format string passed to Undefined.__format__");
    }
    return format_with_spec(value, spec);
  }

  Value resolve(std::string_view name) {
    size_t first_end = name.find_first_of(".[");
    std::string_view head = name.substr(0, first_end);
    Value value =
        head.empty() || (head[0] >= '0' && head[0] <= '9') ? positional(head) : keyword(head);
    size_t pos = first_end == std::string_view::npos ? name.size() : first_end;
    while (pos < name.size()) {
      if (name[pos] == '.') {
        size_t end = name.find_first_of(".[", pos + 1);
        if (end == std::string_view::npos) end = name.size();
        value = get_attribute(value, name.substr(pos + 1, end - pos - 1));
        pos = end;
      } else if (name[pos] == '[') {
        size_t close = name.find(']', pos);
        if (close == std::string_view::npos) {
          throw Error(ErrorKind::Value, "Missing ']' in format string");
        }
        std::string_view key = name.substr(pos + 1, close - pos - 1);
        auto index = BigInt::parse(key);
        Value key_value = index && !key.empty() && key[0] != '-' && key[0] != '+'
                              ? Value::integer(*index)
                              : Value::string(std::string(key));
        value = get_item(value, key_value);
        pos = close + 1;
      } else {
        throw Error(ErrorKind::Value, "Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    // The sandbox's unsafe attributes format as '' (Jinja2's SandboxedFormatter).
    if (value.is_undefined() && !value.undefined_is_unsafe()) throw_undefined(value);
    return value;
  }

  Value positional(std::string_view head) {
    size_t index;
    if (head.empty()) {
      if (manual_) {
        throw Error(ErrorKind::Value,
                    "cannot switch from manual field specification to automatic field numbering");
      }
      automatic_ = true;
      index = next_index_++;
    } else {
      if (automatic_) {
        throw Error(ErrorKind::Value,
                    "cannot switch from automatic field numbering to manual field specification");
      }
      manual_ = true;
      index = 0;
      for (char c : head) {
        if (c < '0' || c > '9') return keyword(head);
        index = index * 10 + static_cast<size_t>(c - '0');
      }
    }
    if (index >= args_.positional.size()) {
      throw Error(ErrorKind::Index, "Replacement index " + std::to_string(index) +
                                        " out of range for positional args tuple");
    }
    return args_.positional[index];
  }

  Value keyword(std::string_view name) {
    for (const auto& [key, value] : args_.keyword) {
      if (key == name) return value;
    }
    throw Error(ErrorKind::Key, Value::string(std::string(name)).repr());
  }

  const CallArgs& args_;
  size_t next_index_ = 0;
  bool automatic_ = false;
  bool manual_ = false;
};

}  // namespace

std::string str_format(std::string_view format, const CallArgs& args) {
  return FieldFormatter(args).format(format, 0);
}

}  // namespace kiln::jinja
