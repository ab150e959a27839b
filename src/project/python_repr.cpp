#include "project/python_repr.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

namespace kiln::project {
namespace {

// Python's float repr: the shortest digits that round-trip, written positionally when
// the decimal exponent is in [-4, 16), otherwise as d.ddde+XX.
std::string python_float(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string sci(buffer, result.ptr);  // e.g. "-1.2345e+02"
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e = sci.find('e');
  int exponent = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0')
    digits.pop_back();
  std::string out;
  if (exponent < -4 || exponent >= 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{:02d}", exponent < 0 ? '-' : '+', std::abs(exponent));
  } else if (exponent < 0) {
    out = "0." + std::string(size_t(-exponent - 1), '0') + digits;
  } else if (size_t(exponent) + 1 >= digits.size()) {
    out = digits + std::string(size_t(exponent) + 1 - digits.size(), '0') + ".0";
  } else {
    out = digits.substr(0, size_t(exponent) + 1) + "." + digits.substr(size_t(exponent) + 1);
  }
  return negative ? "-" + out : out;
}

// Decodes one UTF-8 code point at `i`, advancing it; invalid bytes decode as themselves.
uint32_t next_code_point(std::string_view text, size_t& i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + length > text.size()) length = 1;
  uint32_t cp = length == 1 ? c : length == 2 ? (c & 0x1f) : length == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < length; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
  i += length;
  return cp;
}

// Python's str.isprintable() for the characters a YAML file plausibly holds: control
// characters, the non-space separators and format characters are not printable.
bool is_printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad) return false;
  if ((cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) ||
      (cp >= 0x205f && cp <= 0x206f) || cp == 0x3000 || cp == 0xfeff || cp == 0x1680)
    return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return true;
}

void append_escaped(std::string& out, uint32_t cp) {
  if (cp < 0x100) {
    out += fmt::format("\\x{:02x}", cp);
  } else if (cp < 0x10000) {
    out += fmt::format("\\u{:04x}", cp);
  } else {
    out += fmt::format("\\U{:08x}", cp);
  }
}

}  // namespace

std::string python_str(const nlohmann::ordered_json& scalar) {
  if (scalar.is_object() || scalar.is_array()) return python_repr(scalar);
  if (scalar.is_null()) return "None";
  if (scalar.is_string()) return scalar.get<std::string>();
  if (scalar.is_boolean()) return scalar.get<bool>() ? "True" : "False";
  if (scalar.is_number_float()) return python_float(scalar.get<double>());
  if (scalar.is_number()) return scalar.dump();
  return scalar.dump();
}

std::string python_repr_string(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    uint32_t cp = next_code_point(text, i);
    if (cp == uint32_t(quote) || cp == '\\') {
      out += '\\';
      out += char(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (!is_printable(cp)) {
      append_escaped(out, cp);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  out += quote;
  return out;
}

std::string python_repr(const nlohmann::ordered_json& value) {
  if (value.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& item : value.items()) {
      if (!first) out += ", ";
      first = false;
      out += python_repr_string(item.key()) + ": " + python_repr(item.value());
    }
    return out + "}";
  }
  if (value.is_array()) {
    std::string out = "[";
    for (size_t k = 0; k < value.size(); ++k) {
      if (k) out += ", ";
      out += python_repr(value[k]);
    }
    return out + "]";
  }
  if (value.is_string()) return python_repr_string(value.get<std::string>());
  return python_str(value);
}

std::string python_repr_hashable(const nlohmann::ordered_json& value) {
  if (value.is_object()) {
    std::vector<std::string> keys;
    for (const auto& item : value.items())
      keys.push_back(item.key());
    std::sort(keys.begin(), keys.end());  // Python sorts str keys by code point = UTF-8 bytes
    std::string out = "{";
    for (size_t k = 0; k < keys.size(); ++k) {
      if (k) out += ", ";
      out += python_repr_string(keys[k]) + ": " + python_repr_hashable(value.at(keys[k]));
    }
    return out + "}";
  }
  if (value.is_array()) {
    std::string out = "[";
    for (size_t k = 0; k < value.size(); ++k) {
      if (k) out += ", ";
      out += python_repr_hashable(value[k]);
    }
    return out + "]";
  }
  return python_repr_string(python_str(value));
}

}  // namespace kiln::project
