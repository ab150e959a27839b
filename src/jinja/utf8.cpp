#include "jinja/utf8.h"

namespace kiln::jinja::utf8 {

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

size_t length(std::string_view text) {
  // Every byte that is not a continuation byte starts a code point.
  size_t count = 0;
  for (char c : text)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

uint32_t decode(std::string_view text, size_t& pos) {
  auto byte = static_cast<unsigned char>(text[pos]);
  int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
  if (extra == 0 || pos + extra >= text.size()) {
    ++pos;
    return byte;
  }
  uint32_t cp = byte & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    auto next = static_cast<unsigned char>(text[pos + k]);
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return byte;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  pos += extra + 1;
  return cp;
}

void append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t offset_of(std::string_view text, size_t index) {
  size_t pos = 0;
  while (index > 0 && pos < text.size()) {
    decode(text, pos);
    --index;
  }
  return pos;
}

bool is_space(uint32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

namespace {

// Latin-1 letters pair up 0xC0-0xDE with 0xE0-0xFE, except the signs × and ÷.
bool is_latin1_upper(uint32_t cp) {
  return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
}
bool is_latin1_lower(uint32_t cp) {
  return cp >= 0xDF && cp <= 0xFF && cp != 0xF7;
}
bool is_greek_upper(uint32_t cp) {
  return cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2;
}
bool is_greek_lower(uint32_t cp) {
  return cp >= 0x3B1 && cp <= 0x3C9;
}
bool is_cyrillic_upper(uint32_t cp) {
  return cp >= 0x400 && cp <= 0x42F;
}
bool is_cyrillic_lower(uint32_t cp) {
  return cp >= 0x430 && cp <= 0x45F;
}

}  // namespace

bool is_upper(uint32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || is_latin1_upper(cp) || is_greek_upper(cp) ||
         is_cyrillic_upper(cp);
}

bool is_lower(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || is_latin1_lower(cp) || is_greek_lower(cp) ||
         is_cyrillic_lower(cp) || cp == 0xAA || cp == 0xBA || cp == 0xB5;
}

uint32_t to_upper(uint32_t cp) {
  if (cp >= 'a' && cp <= 'z') return cp - 32;
  if (cp == 0xFF) return 0x178;
  if (cp == 0xB5) return 0x39C;
  if (is_latin1_lower(cp) && cp != 0xDF) return cp - 32;  // ß has no one-letter upper case
  if (is_greek_lower(cp)) return cp == 0x3C2 ? 0x3A3 : cp - 32;
  if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
  return cp;
}

uint32_t to_lower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (is_latin1_upper(cp) || is_greek_upper(cp)) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

bool is_alpha(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  // Beyond ASCII, treat letters of the scripts above and everything from the CJK and
  // other large alphabetic blocks as letters; digits and punctuation there are rare.
  return is_upper(cp) || is_lower(cp) || (cp >= 0x100 && cp <= 0x24F) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3);
}

bool is_digit(uint32_t cp) {
  return cp >= '0' && cp <= '9';
}

}  // namespace kiln::jinja::utf8
