#include "jinja/string_literal.h"

#include "jinja/error.h"
#include "jinja/utf8.h"

namespace kiln::jinja {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads exactly `digits` hex digits at text[pos]; throws Python's message when short.
uint32_t read_hex(std::string_view text, size_t pos, int digits, const char* what) {
  uint32_t value = 0;
  for (int i = 0; i < digits; ++i) {
    int h = pos + i < text.size() ? hex_value(text[pos + i]) : -1;
    if (h < 0) throw Error(ErrorKind::Syntax, std::string("truncated ") + what + " escape");
    value = value * 16 + static_cast<uint32_t>(h);
  }
  return value;
}

// Handles the escape whose letter is at text[pos]; returns the position after it.
size_t decode_escape(std::string_view text, size_t pos, std::string& out) {
  char c = text[pos];
  switch (c) {
    case '\n':
      return pos + 1;  // backslash-newline continues the line
    case '\\':
      out += '\\';
      return pos + 1;
    case '\'':
      out += '\'';
      return pos + 1;
    case '"':
      out += '"';
      return pos + 1;
    case 'a':
      out += '\a';
      return pos + 1;
    case 'b':
      out += '\b';
      return pos + 1;
    case 'f':
      out += '\f';
      return pos + 1;
    case 'n':
      out += '\n';
      return pos + 1;
    case 'r':
      out += '\r';
      return pos + 1;
    case 't':
      out += '\t';
      return pos + 1;
    case 'v':
      out += '\v';
      return pos + 1;
    case 'x':
      utf8::append(out, read_hex(text, pos + 1, 2, "\\xXX"));
      return pos + 3;
    case 'u':
      utf8::append(out, read_hex(text, pos + 1, 4, "\\uXXXX"));
      return pos + 5;
    case 'U': {
      uint32_t cp = read_hex(text, pos + 1, 8, "\\UXXXXXXXX");
      if (cp > 0x10FFFF) throw Error(ErrorKind::Syntax, "illegal Unicode character");
      utf8::append(out, cp);
      return pos + 9;
    }
    case 'N':
      // Python looks names up in the Unicode database, which we do not carry.
      throw Error(ErrorKind::Syntax, "\\N{...} escapes are not supported");
    default:
      break;
  }
  if (c >= '0' && c <= '7') {  // up to three octal digits
    uint32_t value = 0;
    size_t end = pos;
    while (end < text.size() && end < pos + 3 && text[end] >= '0' && text[end] <= '7') {
      value = value * 8 + static_cast<uint32_t>(text[end] - '0');
      ++end;
    }
    utf8::append(out, value);
    return end;
  }
  out += '\\';  // unknown escapes stay as written
  return pos;
}

}  // namespace

std::string decode_string_literal(std::string_view quoted) {
  std::string_view text = quoted.substr(1, quoted.size() - 2);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t slash = text.find('\\', pos);
    if (slash == std::string_view::npos || slash + 1 >= text.size()) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, slash - pos));
    pos = decode_escape(text, slash + 1, out);
  }
  return out;
}

}  // namespace kiln::jinja
