#include "graph/fnmatch.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kiln::graph {

namespace {

// Python matches code points, not bytes: `?` must consume a whole UTF-8 character.
std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : 4;
    if (byte >= 0x80 && (byte >> 6) == 0x2) length = 1;  // stray continuation byte: keep it
    char32_t code = length == 1 ? byte : byte & (0xFF >> (length + 1));
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(code);
    i += length;
  }
  return out;
}

struct CharClass {
  bool negated = false;
  std::vector<std::pair<char32_t, char32_t>> ranges;  // inclusive
  bool matches(char32_t c) const {
    bool in = false;
    for (auto [low, high] : ranges)
      in = in || (low <= c && c <= high);
    return in != negated;
  }
};

struct Token {
  enum class Kind { Literal, AnyChar, AnyRun, Class };
  Kind kind;
  char32_t literal = 0;
  CharClass char_class = {};

  static Token of(Kind kind, char32_t literal = 0) { return Token{kind, literal, {}}; }
};

// Parses "[...]" starting at pattern[start] == '['; returns the index after ']', or 0 when
// the bracket is not closed (then it is a literal '[').
size_t parse_class(const std::u32string& pattern, size_t start, CharClass& out) {
  size_t j = start + 1;
  if (j < pattern.size() && pattern[j] == U'!') ++j;
  if (j < pattern.size() && pattern[j] == U']') ++j;  // a leading ']' is a member
  while (j < pattern.size() && pattern[j] != U']')
    ++j;
  if (j >= pattern.size()) return 0;
  size_t i = start + 1;
  if (pattern[i] == U'!') {
    out.negated = true;
    ++i;
  }
  for (; i < j; ++i) {
    if (i + 2 < j && pattern[i + 1] == U'-') {
      // Python drops empty ranges such as z-a.
      if (pattern[i] <= pattern[i + 2]) out.ranges.emplace_back(pattern[i], pattern[i + 2]);
      i += 2;
    } else {
      out.ranges.emplace_back(pattern[i], pattern[i]);
    }
  }
  return j + 1;
}

std::vector<Token> compile(const std::u32string& pattern) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < pattern.size();) {
    char32_t c = pattern[i];
    if (c == U'*') {
      if (tokens.empty() || tokens.back().kind != Token::Kind::AnyRun) {
        tokens.push_back(Token::of(Token::Kind::AnyRun));
      }
      ++i;
    } else if (c == U'?') {
      tokens.push_back(Token::of(Token::Kind::AnyChar));
      ++i;
    } else if (c == U'[') {
      Token token = Token::of(Token::Kind::Class);
      size_t after = parse_class(pattern, i, token.char_class);
      if (after == 0) {
        tokens.push_back(Token::of(Token::Kind::Literal, U'['));
        ++i;
      } else {
        tokens.push_back(std::move(token));
        i = after;
      }
    } else {
      tokens.push_back(Token::of(Token::Kind::Literal, c));
      ++i;
    }
  }
  return tokens;
}

bool matches_one(const Token& token, char32_t c) {
  switch (token.kind) {
    case Token::Kind::Literal:
      return token.literal == c;
    case Token::Kind::AnyChar:
      return true;
    case Token::Kind::Class:
      return token.char_class.matches(c);
    case Token::Kind::AnyRun:
      return false;
  }
  return false;
}

}  // namespace

bool fnmatch(std::string_view text_utf8, std::string_view pattern_utf8) {
  const std::u32string text = decode_utf8(text_utf8);
  const std::vector<Token> tokens = compile(decode_utf8(pattern_utf8));
  // Greedy matching that backtracks to the last `*`: linear for patterns with one star and
  // never exponential, since a later star supersedes the earlier backtrack point.
  size_t t = 0, p = 0;
  size_t star = SIZE_MAX, star_text = 0;
  while (t < text.size()) {
    if (p < tokens.size() && tokens[p].kind == Token::Kind::AnyRun) {
      star = p++;
      star_text = t;
    } else if (p < tokens.size() && matches_one(tokens[p], text[t])) {
      ++p;
      ++t;
    } else if (star != SIZE_MAX) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < tokens.size() && tokens[p].kind == Token::Kind::AnyRun)
    ++p;
  return p == tokens.size();
}

bool has_wildcard(std::string_view pattern) {
  return pattern.find_first_of("*?[]") != std::string_view::npos;
}

}  // namespace kiln::graph
