#include "analyze/sql_lexer.h"

#include <cstring>

namespace kiln::analyze {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Bytes of multi-byte UTF-8 characters count as letters, as they do in PostgreSQL names.
bool is_word_start(char c) {
  return is_letter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_word_char(char c) {
  return is_word_start(c) || is_digit(c) || c == '$';
}
bool is_operator_char(char c) {
  return c != '\0' && std::strchr("+-*/<>=~!@#%^&|`?", c);
}

// The one-letter prefixes of string literals: E'..' (escapes), X'..' and B'..' (bits),
// N'..' (national). The prefix must touch the quote.
bool is_string_prefix(char c) {
  return c == 'e' || c == 'E' || c == 'x' || c == 'X' || c == 'b' || c == 'B' || c == 'n' ||
         c == 'N';
}

}  // namespace

bool SqlLexer::next(SqlToken& token) {
  skip_blanks_and_comments();
  if (pos_ >= sql_.size()) return false;
  const size_t start = pos_;
  const char c = sql_[pos_];
  const char after = pos_ + 1 < sql_.size() ? sql_[pos_ + 1] : '\0';
  size_t end = start + 1;
  token.kind = TokenKind::Punctuation;
  if ((c == 'u' || c == 'U') && after == '&' && sql_.substr(pos_ + 2, 1) == "'") {
    token.kind = TokenKind::String;  // U&'d\0061t\+000061': unicode escapes, kept verbatim
    end = end_of_quoted(start + 2, '\'', false);
  } else if (is_string_prefix(c) && after == '\'') {
    token.kind = TokenKind::String;
    end = end_of_quoted(start + 1, '\'', c == 'e' || c == 'E');
  } else if (is_word_start(c)) {
    token.kind = TokenKind::Word;
    end = end_of_word(start);
  } else if (is_digit(c) || (c == '.' && is_digit(after))) {
    token.kind = TokenKind::Word;
    end = end_of_number(start);
  } else if (c == '\'') {
    token.kind = TokenKind::String;
    end = end_of_quoted(start, '\'', false);
  } else if (c == '"') {
    token.kind = TokenKind::QuotedIdentifier;
    end = end_of_quoted(start, '"', false);
  } else if (c == '$' && is_digit(after)) {
    token.kind = TokenKind::Word;  // a positional parameter
    end = end_of_number(start + 1);
  } else if (c == '$' && (end = end_of_dollar_string(start)) != start) {
    token.kind = TokenKind::String;
  } else if (is_operator_char(c)) {
    token.kind = TokenKind::Operator;
    end = end_of_operator(start);
  } else if (c == ':' && after == ':') {
    end = start + 2;
  } else {
    end = start + 1;
  }
  token.text = sql_.substr(start, end - start);
  pos_ = end;
  return true;
}

void SqlLexer::skip_blanks_and_comments() {
  while (pos_ < sql_.size()) {
    if (is_blank(sql_[pos_])) {
      ++pos_;
    } else if (sql_.substr(pos_, 2) == "--") {
      size_t eol = sql_.find('\n', pos_);
      pos_ = eol == std::string_view::npos ? sql_.size() : eol + 1;
    } else if (sql_.substr(pos_, 2) == "/*") {
      // PostgreSQL nests block comments; DuckDB does not, but SQL that relies on either
      // reading of "/* /* */" is rare, and nesting never hides code that DuckDB would run.
      int depth = 0;
      do {
        if (sql_.substr(pos_, 2) == "/*") {
          ++depth;
          pos_ += 2;
        } else if (sql_.substr(pos_, 2) == "*/") {
          --depth;
          pos_ += 2;
        } else {
          ++pos_;
        }
      } while (depth > 0 && pos_ < sql_.size());
    } else {
      return;
    }
  }
}

size_t SqlLexer::end_of_word(size_t from) const {
  while (from < sql_.size() && is_word_char(sql_[from]))
    ++from;
  return from;
}

// Digits, a fraction, an exponent, then any word characters (0x1F, 1_000, 1e5): the whole
// spelling is kept, since 1.50 and 1.5 may differ in type.
size_t SqlLexer::end_of_number(size_t from) const {
  while (from < sql_.size() && is_digit(sql_[from]))
    ++from;
  if (from < sql_.size() && sql_[from] == '.' && sql_.substr(from, 2) != "..") {
    ++from;
    while (from < sql_.size() && is_digit(sql_[from]))
      ++from;
  }
  if (from < sql_.size() && (sql_[from] == 'e' || sql_[from] == 'E')) {
    size_t exponent = from + 1;
    if (exponent < sql_.size() && (sql_[exponent] == '+' || sql_[exponent] == '-')) ++exponent;
    if (exponent < sql_.size() && is_digit(sql_[exponent])) from = exponent;
  }
  return end_of_word(from);
}

// From an opening quote to just past its closing quote; a doubled quote is part of the text,
// and with backslash escapes (E'...') so is any character after a backslash.
size_t SqlLexer::end_of_quoted(size_t from, char quote, bool backslash_escapes) const {
  size_t i = from + 1;
  while (i < sql_.size()) {
    char c = sql_[i];
    if (backslash_escapes && c == '\\') {
      i += 2;
    } else if (c == quote) {
      if (i + 1 < sql_.size() && sql_[i + 1] == quote) {
        i += 2;
      } else {
        return i + 1;
      }
    } else {
      ++i;
    }
  }
  return sql_.size();
}

// $$...$$ or $tag$...$tag$; returns `from` when the text at `from` opens no such string.
size_t SqlLexer::end_of_dollar_string(size_t from) const {
  size_t i = from + 1;
  if (i < sql_.size() && is_word_start(sql_[i])) {
    while (i < sql_.size() && is_word_char(sql_[i]) && sql_[i] != '$')
      ++i;
  }
  if (i >= sql_.size() || sql_[i] != '$') return from;
  std::string_view tag = sql_.substr(from, i + 1 - from);
  size_t close = sql_.find(tag, i + 1);
  return close == std::string_view::npos ? sql_.size() : close + tag.size();
}

// PostgreSQL's rule: the longest run of operator characters that does not start a comment,
// minus any trailing + or - unless the run holds one of ~ ! @ # % ^ & | ` ?, so that
// `a=-1` lexes as `a`, `=`, `-`, `1`.
size_t SqlLexer::end_of_operator(size_t from) const {
  size_t end = from + 1;
  while (end < sql_.size() && is_operator_char(sql_[end])) {
    std::string_view two = sql_.substr(end, 2);
    if (two == "--" || two == "/*") break;
    ++end;
  }
  std::string_view op = sql_.substr(from, end - from);
  if (op.size() > 1 && op.find_first_of("~!@#%^&|`?") == std::string_view::npos) {
    while (end - from > 1 && (sql_[end - 1] == '+' || sql_[end - 1] == '-'))
      --end;
  }
  return end;
}

}  // namespace kiln::analyze
