#include "artifacts/python_json.h"

#include <cstdint>
#include <string_view>

#include "artifacts/python_float.h"

namespace kiln::artifacts {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

void append_hex_escape(std::string& out, unsigned unit) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4)
    out.push_back(kHex[(unit >> shift) & 0xF]);
}

// Python escapes code points above U+FFFF as a UTF-16 surrogate pair.
void append_code_point_escape(std::string& out, char32_t code_point) {
  if (code_point < 0x10000) {
    append_hex_escape(out, static_cast<unsigned>(code_point));
    return;
  }
  char32_t offset = code_point - 0x10000;
  append_hex_escape(out, static_cast<unsigned>(0xD800 + (offset >> 10)));
  append_hex_escape(out, static_cast<unsigned>(0xDC00 + (offset & 0x3FF)));
}

// Decodes one UTF-8 sequence starting at text[i]; advances i. Malformed input decodes
// to U+FFFD and consumes one byte, so decoding always makes progress.
char32_t decode_utf8(std::string_view text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (lead >= 0xF8 || (lead >= 0x80 && lead < 0xC0) || i + length > text.size()) {
    ++i;
    return kReplacementCharacter;
  }
  char32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return kReplacementCharacter;
    }
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  bool overlong = code_point < kSmallest[length];
  bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (overlong || surrogate || code_point > 0x10FFFF) {
    ++i;
    return kReplacementCharacter;
  }
  i += length;
  return code_point;
}

void append_escaped_byte(std::string& out, char c) {
  switch (c) {
    case '"':
      out.append("\\\"");
      break;
    case '\\':
      out.append("\\\\");
      break;
    case '\n':
      out.append("\\n");
      break;
    case '\r':
      out.append("\\r");
      break;
    case '\t':
      out.append("\\t");
      break;
    case '\b':
      out.append("\\b");
      break;
    case '\f':
      out.append("\\f");
      break;
    default:
      append_hex_escape(out, static_cast<unsigned char>(c));
  }
}

void append_string(std::string& out, std::string_view text) {
  out.push_back('"');
  size_t i = 0;
  while (i < text.size()) {
    // Fast path: runs of printable ASCII are copied as they are.
    size_t run = i;
    while (run < text.size()) {
      auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') break;
      ++run;
    }
    out.append(text.substr(i, run - i));
    i = run;
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      append_escaped_byte(out, static_cast<char>(c));
      ++i;
    } else {
      append_code_point_escape(out, decode_utf8(text, i));
    }
  }
  out.push_back('"');
}

void append_value(std::string& out, const nlohmann::ordered_json& value) {
  using Type = nlohmann::ordered_json::value_t;
  switch (value.type()) {
    case Type::null:
    case Type::discarded:
      out.append("null");
      return;
    case Type::boolean:
      out.append(value.get<bool>() ? "true" : "false");
      return;
    case Type::number_integer:
      out.append(std::to_string(value.get<std::int64_t>()));
      return;
    case Type::number_unsigned:
      out.append(std::to_string(value.get<std::uint64_t>()));
      return;
    case Type::number_float:
      append_python_float(out, value.get<double>());
      return;
    case Type::string:
      append_string(out, value.get_ref<const std::string&>());
      return;
    case Type::binary:
      out.append("null");
      return;  // never produced by the writers
    case Type::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : value) {
        if (!first) out.append(", ");
        first = false;
        append_value(out, item);
      }
      out.push_back(']');
      return;
    }
    case Type::object: {
      out.push_back('{');
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!first) out.append(", ");
        first = false;
        append_string(out, it.key());
        out.append(": ");
        append_value(out, it.value());
      }
      out.push_back('}');
      return;
    }
  }
}

}  // namespace

void append_like_python(std::string& out, const nlohmann::ordered_json& value) {
  append_value(out, value);
}

std::string dump_like_python(const nlohmann::ordered_json& value) {
  std::string out;
  append_value(out, value);
  return out;
}

}  // namespace kiln::artifacts
