#include "artifacts/python_float.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace kiln::artifacts {
namespace {

// The shortest round-tripping digits of |value| and its decimal exponent, such that
// value = 0.d1d2d3... * 10^(exponent+1), i.e. d1.d2d3... * 10^exponent.
struct ShortestDigits {
  std::string digits;
  int exponent = 0;
};

ShortestDigits shortest_digits(double value) {
  char buffer[64];
  // Shortest scientific form, e.g. "1.2345e+17" or "5e-05".
  auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                              std::chars_format::scientific);
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  size_t e = text.find('e');
  ShortestDigits out;
  for (char c : text.substr(0, e)) {
    if (c != '.') out.digits.push_back(c);
  }
  out.exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  return out;
}

// Python's repr switches to scientific notation outside 1e-4 <= |x| < 1e16.
void append_scientific(std::string& out, const ShortestDigits& d) {
  out.push_back(d.digits[0]);
  if (d.digits.size() > 1) {
    out.push_back('.');
    out.append(d.digits, 1);
  }
  out.push_back('e');
  out.push_back(d.exponent < 0 ? '-' : '+');
  int magnitude = std::abs(d.exponent);
  if (magnitude < 10) out.push_back('0');
  out.append(std::to_string(magnitude));
}

void append_fixed(std::string& out, const ShortestDigits& d) {
  int integer_digits = d.exponent + 1;
  if (integer_digits <= 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-integer_digits), '0');
    out.append(d.digits);
    return;
  }
  auto count = static_cast<size_t>(integer_digits);
  if (d.digits.size() <= count) {
    out.append(d.digits);
    out.append(count - d.digits.size(), '0');
    out.append(".0");  // Python always marks a float as a float
    return;
  }
  out.append(d.digits, 0, count);
  out.push_back('.');
  out.append(d.digits, count);
}

}  // namespace

void append_python_float(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out.append("null");
    return;
  }
  if (value == 0.0) {
    out.append(std::signbit(value) ? "-0.0" : "0.0");
    return;
  }
  if (value < 0) out.push_back('-');
  ShortestDigits digits = shortest_digits(value);
  if (digits.exponent < -4 || digits.exponent >= 16) {
    append_scientific(out, digits);
  } else {
    append_fixed(out, digits);
  }
}

}  // namespace kiln::artifacts
