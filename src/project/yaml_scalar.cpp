#include "project/yaml_scalar.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <regex>
#include <string>

namespace kiln::project {
namespace {

// PyYAML's resolver patterns (resolver.py), anchored.
const std::regex& bool_pattern() {
  static const std::regex re(
      "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  return re;
}
const std::regex& int_pattern() {
  static const std::regex re(
      "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
      "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  return re;
}
const std::regex& float_pattern() {
  static const std::regex re(
      "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
      "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  return re;
}

std::string without_underscores(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '_') out += c;
  return out;
}

// Splits a leading sign off; returns -1 or 1.
int take_sign(std::string& digits) {
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    int sign = digits[0] == '-' ? -1 : 1;
    digits.erase(0, 1);
    return sign;
  }
  return 1;
}

// Integers too large for 64 bits stay strings rather than silently wrapping.
nlohmann::ordered_json to_integer(std::string_view text) {
  std::string digits = without_underscores(text);
  int sign = take_sign(digits);
  int base = 10;
  if (digits.rfind("0b", 0) == 0) {
    base = 2;
    digits.erase(0, 2);
  } else if (digits.rfind("0x", 0) == 0) {
    base = 16;
    digits.erase(0, 2);
  } else if (digits.size() > 1 && digits[0] == '0') {
    base = 8;
  }
  int64_t value = 0;
  if (digits.find(':') != std::string::npos) {  // sexagesimal: 1:30 == 90
    size_t start = 0;
    while (start <= digits.size()) {
      size_t end = digits.find(':', start);
      if (end == std::string::npos) end = digits.size();
      value = value * 60 + std::stoll(digits.substr(start, end - start));
      start = end + 1;
    }
  } else {
    try {
      value = std::stoll(digits, nullptr, base);
    } catch (const std::out_of_range&) {
      return std::string(text);
    }
  }
  return sign * value;
}

nlohmann::ordered_json to_float(std::string_view text) {
  std::string digits = without_underscores(text);
  int sign = take_sign(digits);
  if (digits == ".inf" || digits == ".Inf" || digits == ".INF")
    return sign * std::numeric_limits<double>::infinity();
  if (digits == ".nan" || digits == ".NaN" || digits == ".NAN")
    return std::numeric_limits<double>::quiet_NaN();
  if (digits.find(':') != std::string::npos) {
    double value = 0;
    size_t start = 0;
    while (start <= digits.size()) {
      size_t end = digits.find(':', start);
      if (end == std::string::npos) end = digits.size();
      value = value * 60 + std::stod(digits.substr(start, end - start));
      start = end + 1;
    }
    return sign * value;
  }
  return sign * std::stod(digits);
}

}  // namespace

nlohmann::ordered_json resolve_plain_scalar(std::string_view text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    return nullptr;
  std::string s(text);
  if (std::regex_match(s, bool_pattern())) {
    char c = s[0];
    return c == 'y' || c == 'Y' || c == 't' || c == 'T' || s == "on" || s == "On" || s == "ON";
  }
  if (std::regex_match(s, int_pattern())) return to_integer(text);
  if (std::regex_match(s, float_pattern())) return to_float(text);
  return s;
}

}  // namespace kiln::project
