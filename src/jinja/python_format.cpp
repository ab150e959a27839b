#include "jinja/python_format.h"

#include <charconv>
#include <cmath>

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

}  // namespace kiln::jinja
