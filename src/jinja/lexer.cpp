#include "jinja/lexer.h"

#include <cstring>

#include "jinja/error.h"

namespace kiln::jinja {

namespace {

// Python's str.isspace() for ASCII, which is what rstrip() and the regex \s see in SQL.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;  // non-ASCII identifiers, as Python allows
}
bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}

std::string_view rstrip(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && is_space(text[end - 1]))
    --end;
  return text.substr(0, end);
}

// Python's repr() of a one-character string, as in "unexpected char '@' at 3".
std::string char_repr(char c) {
  if (c == '\'') return "\"'\"";
  if (c == '\\') return "'\\\\'";
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
    static const char* hex = "0123456789abcdef";
    return std::string("'\\x") + hex[(c >> 4) & 0xf] + hex[c & 0xf] + "'";
  }
  return std::string("'") + c + "'";
}

struct Operator {
  std::string_view text;
  TokenKind kind;
};

// Longest first, so "**" wins over "*".
constexpr Operator kOperators[] = {
    {"//", TokenKind::FloorDiv}, {"**", TokenKind::Pow},      {"==", TokenKind::Eq},
    {"!=", TokenKind::Ne},       {">=", TokenKind::GtEq},     {"<=", TokenKind::LtEq},
    {"+", TokenKind::Add},       {"-", TokenKind::Sub},       {"*", TokenKind::Mul},
    {"/", TokenKind::Div},       {"%", TokenKind::Mod},       {"~", TokenKind::Tilde},
    {"[", TokenKind::LBracket},  {"]", TokenKind::RBracket},  {"(", TokenKind::LParen},
    {")", TokenKind::RParen},    {"{", TokenKind::LBrace},    {"}", TokenKind::RBrace},
    {">", TokenKind::Gt},        {"<", TokenKind::Lt},        {"=", TokenKind::Assign},
    {".", TokenKind::Dot},       {":", TokenKind::Colon},     {"|", TokenKind::Pipe},
    {",", TokenKind::Comma},     {";", TokenKind::Semicolon},
};

class Lexer {
 public:
  Lexer(std::string_view src, const std::string& name) : src_(src), name_(name) {
    tokens_.reserve(src.size() / 4 + 8);
  }

  std::vector<Token> run() {
    while (pos_ < src_.size())
      lex_data_and_tag();
    push(TokenKind::Eof, src_.size(), 0);
    return std::move(tokens_);
  }

  std::vector<Token> run(std::optional<Error>& error) {
    try {
      return run();
    } catch (Error& e) {
      error = std::move(e);
      const SourceLocation& at = error->where();
      tokens_.push_back(Token{TokenKind::Error, at.line, at.column, {}});
      tokens_.push_back(Token{TokenKind::Eof, at.line, at.column, {}});
      return std::move(tokens_);
    }
  }

 private:
  // ---- positions -------------------------------------------------------------------
  // Tokens are pushed in source order, so line counting advances incrementally.
  void advance_lines_to(size_t pos) {
    for (; counted_ < pos; ++counted_) {
      if (src_[counted_] == '\n') {
        ++line_;
        line_start_ = counted_ + 1;
      }
    }
  }

  void push(TokenKind kind, size_t start, size_t length) {
    advance_lines_to(start);
    tokens_.push_back(Token{kind, line_, static_cast<uint32_t>(start - line_start_ + 1),
                            src_.substr(start, length)});
  }

  [[noreturn]] void fail(std::string message, size_t pos) {
    advance_lines_to(pos);
    throw Error(ErrorKind::Syntax, std::move(message),
                {name_, line_, static_cast<uint32_t>(pos - line_start_ + 1)});
  }

  bool starts_with(size_t pos, std::string_view s) const {
    return src_.compare(pos, s.size(), s) == 0;
  }
  size_t skip_spaces(size_t pos) const {
    while (pos < src_.size() && is_space(src_[pos]))
      ++pos;
    return pos;
  }

  // ---- root state: data up to the next tag --------------------------------------------
  // Finds the next "{{", "{%" or "{#" at or after `from`; npos when there is none.
  size_t find_tag(size_t from) const {
    while (true) {
      size_t brace = src_.find('{', from);
      if (brace == std::string_view::npos || brace + 1 >= src_.size())
        return std::string_view::npos;
      char next = src_[brace + 1];
      if (next == '{' || next == '%' || next == '#') return brace;
      from = brace + 1;
    }
  }

  void lex_data_and_tag() {
    size_t tag = find_tag(pos_);
    if (tag == std::string_view::npos) {
      push(TokenKind::Data, pos_, src_.size() - pos_);
      pos_ = src_.size();
      return;
    }
    char sign = tag + 2 < src_.size() ? src_[tag + 2] : '\0';
    bool has_sign = sign == '-' || sign == '+';
    std::string_view text = src_.substr(pos_, tag - pos_);
    if (sign == '-') text = rstrip(text);
    if (!text.empty()) push(TokenKind::Data, pos_, text.size());
    size_t after_open = tag + 2 + (has_sign ? 1 : 0);
    switch (src_[tag + 1]) {
      case '#':
        lex_comment(after_open);
        break;
      case '%':
        if (!try_lex_raw(tag, after_open)) {
          push(TokenKind::BlockBegin, tag, after_open - tag);
          lex_tag_body(after_open, /*is_block=*/true);
        }
        break;
      default:
        push(TokenKind::VariableBegin, tag, after_open - tag);
        lex_tag_body(after_open, /*is_block=*/false);
        break;
    }
  }

  // {# ... #}: the first "#}" ends it; "-#}" strips the whitespace that follows.
  void lex_comment(size_t content) {
    size_t end = src_.find("#}", content);
    if (end == std::string_view::npos) {
      // Jinja2 only complains when there is text after the opening; "{#" at the very end
      // of the template vanishes.
      if (content >= src_.size()) {
        pos_ = src_.size();
        return;
      }
      fail("Missing end of comment tag", content);
    }
    pos_ = end + 2;
    if (end > content && src_[end - 1] == '-') pos_ = skip_spaces(pos_);
  }

  // Matches "raw\s*" then "-%}\s*" or "%}" after an opening "{%" (with its sign).
  // Returns the position after the block end, or npos.
  size_t match_tag_word_and_end(size_t pos, std::string_view word, bool allow_plus) const {
    pos = skip_spaces(pos);
    if (!starts_with(pos, word)) return std::string_view::npos;
    pos = skip_spaces(pos + word.size());
    if (starts_with(pos, "-%}")) return skip_spaces(pos + 3);
    if (allow_plus && starts_with(pos, "+%}")) return pos + 3;
    if (starts_with(pos, "%}")) return pos + 2;
    return std::string_view::npos;
  }

  // {% raw %}...{% endraw %}: everything between is data, tags included.
  bool try_lex_raw(size_t tag, size_t after_open) {
    size_t body = match_tag_word_and_end(after_open, "raw", /*allow_plus=*/false);
    if (body == std::string_view::npos) return false;
    for (size_t search = body;;) {
      size_t open = src_.find("{%", search);
      if (open == std::string_view::npos) {
        if (body >= src_.size()) {  // "{% raw %}" ending the template, as for comments
          pos_ = src_.size();
          return true;
        }
        fail("Missing end of raw directive", body);
      }
      char sign = open + 2 < src_.size() ? src_[open + 2] : '\0';
      size_t word = open + 2 + ((sign == '-' || sign == '+') ? 1 : 0);
      size_t end = match_tag_word_and_end(word, "endraw", /*allow_plus=*/true);
      if (end == std::string_view::npos) {
        search = open + 1;
        continue;
      }
      std::string_view text = src_.substr(body, open - body);
      if (sign == '-') text = rstrip(text);
      if (!text.empty()) push(TokenKind::Data, body, text.size());
      pos_ = end;
      (void)tag;
      return true;
    }
  }

  // ---- inside {{ }} and {% %} ---------------------------------------------------------
  void lex_tag_body(size_t pos, bool is_block) {
    balance_.clear();
    while (pos < src_.size()) {
      if (balance_.empty()) {
        size_t end = match_tag_end(pos, is_block);
        if (end != std::string_view::npos) {
          push(is_block ? TokenKind::BlockEnd : TokenKind::VariableEnd, pos, end - pos);
          pos_ = end;
          return;
        }
      }
      if (is_space(src_[pos])) {
        pos = skip_spaces(pos);
        continue;
      }
      pos = lex_one(pos);
    }
    pos_ = pos;  // end of template inside a tag: the parser reports what it expected
  }

  // "-%}" / "-}}" strip the whitespace after; "+%}" only keeps it (no trim_blocks here).
  size_t match_tag_end(size_t pos, bool is_block) const {
    char c = src_[pos];
    if (c != '-' && c != '+' && c != '%' && c != '}') return std::string_view::npos;
    std::string_view close = is_block ? "%}" : "}}";
    if (src_[pos] == '-' && starts_with(pos + 1, close)) return skip_spaces(pos + 3);
    if (is_block && src_[pos] == '+' && starts_with(pos + 1, close)) return pos + 3;
    if (starts_with(pos, close)) return pos + 2;
    return std::string_view::npos;
  }

  size_t lex_one(size_t pos) {
    char c = src_[pos];
    if (is_digit(c)) {
      size_t end = match_float(pos);
      if (end != std::string_view::npos) {
        push(TokenKind::Float, pos, end - pos);
        return end;
      }
      end = match_integer(pos);
      push(TokenKind::Integer, pos, end - pos);
      return end;
    }
    if (is_name_start(c)) {
      size_t end = pos + 1;
      while (end < src_.size() && is_name_char(src_[end]))
        ++end;
      push(TokenKind::Name, pos, end - pos);
      return end;
    }
    if (c == '\'' || c == '"') {
      size_t end = match_string(pos);
      if (end != std::string_view::npos) {
        push(TokenKind::String, pos, end - pos);
        return end;
      }
    }
    return lex_operator(pos);
  }

  size_t lex_operator(size_t pos) {
    auto [kind, length] = match_operator(pos);
    if (length == 0) {
      fail("unexpected char " + char_repr(src_[pos]) + " at " + std::to_string(pos), pos);
    }
    track_balance(kind, pos);
    push(kind, pos, length);
    return pos + length;
  }

  // The operator at pos, longest first ("**" before "*"); length 0 when there is none.
  std::pair<TokenKind, size_t> match_operator(size_t pos) const {
    char next = pos + 1 < src_.size() ? src_[pos + 1] : '\0';
    switch (src_[pos]) {
      case '/':
        return next == '/' ? std::pair{TokenKind::FloorDiv, 2} : std::pair{TokenKind::Div, 1};
      case '*':
        return next == '*' ? std::pair{TokenKind::Pow, 2} : std::pair{TokenKind::Mul, 1};
      case '=':
        return next == '=' ? std::pair{TokenKind::Eq, 2} : std::pair{TokenKind::Assign, 1};
      case '!':
        return next == '=' ? std::pair{TokenKind::Ne, 2} : std::pair{TokenKind::Eof, 0};
      case '>':
        return next == '=' ? std::pair{TokenKind::GtEq, 2} : std::pair{TokenKind::Gt, 1};
      case '<':
        return next == '=' ? std::pair{TokenKind::LtEq, 2} : std::pair{TokenKind::Lt, 1};
      case '+':
        return {TokenKind::Add, 1};
      case '-':
        return {TokenKind::Sub, 1};
      case '%':
        return {TokenKind::Mod, 1};
      case '~':
        return {TokenKind::Tilde, 1};
      case '[':
        return {TokenKind::LBracket, 1};
      case ']':
        return {TokenKind::RBracket, 1};
      case '(':
        return {TokenKind::LParen, 1};
      case ')':
        return {TokenKind::RParen, 1};
      case '{':
        return {TokenKind::LBrace, 1};
      case '}':
        return {TokenKind::RBrace, 1};
      case '.':
        return {TokenKind::Dot, 1};
      case ':':
        return {TokenKind::Colon, 1};
      case '|':
        return {TokenKind::Pipe, 1};
      case ',':
        return {TokenKind::Comma, 1};
      case ';':
        return {TokenKind::Semicolon, 1};
      default:
        return {TokenKind::Eof, 0};
    }
  }

  // Tags end only when brackets are balanced, so "{{ {'a': {'b': 1}} }}" lexes.
  void track_balance(TokenKind kind, size_t pos) {
    char closing = 0;
    switch (kind) {
      case TokenKind::LParen:
        balance_.push_back(')');
        return;
      case TokenKind::LBracket:
        balance_.push_back(']');
        return;
      case TokenKind::LBrace:
        balance_.push_back('}');
        return;
      case TokenKind::RParen:
        closing = ')';
        break;
      case TokenKind::RBracket:
        closing = ']';
        break;
      case TokenKind::RBrace:
        closing = '}';
        break;
      default:
        return;
    }
    if (balance_.empty()) fail(std::string("unexpected '") + closing + "'", pos);
    char expected = balance_.back();
    balance_.pop_back();
    if (expected != closing) {
      fail(std::string("unexpected '") + closing + "', expected '" + expected + "'", pos);
    }
  }

  // (\d+_)*\d+ : digits, with single underscores between groups.
  size_t match_digits(size_t pos) const {
    if (pos >= src_.size() || !is_digit(src_[pos])) return std::string_view::npos;
    while (true) {
      while (pos < src_.size() && is_digit(src_[pos]))
        ++pos;
      if (pos + 1 < src_.size() && src_[pos] == '_' && is_digit(src_[pos + 1])) {
        ++pos;
        continue;
      }
      return pos;
    }
  }

  // A float needs a fraction or an exponent: 1.5, 1e3, 1_000.5e-2; never right after a dot
  // (so "x.0.1" is two item lookups, not x[0.1]).
  size_t match_float(size_t pos) const {
    if (pos > 0 && src_[pos - 1] == '.') return std::string_view::npos;
    size_t end = match_digits(pos);
    size_t fraction = std::string_view::npos;
    if (end < src_.size() && src_[end] == '.') fraction = match_digits(end + 1);
    size_t mantissa_end = fraction != std::string_view::npos ? fraction : end;
    if (mantissa_end < src_.size() && (src_[mantissa_end] == 'e' || src_[mantissa_end] == 'E')) {
      size_t exp = mantissa_end + 1;
      if (exp < src_.size() && (src_[exp] == '+' || src_[exp] == '-')) ++exp;
      size_t exp_end = match_digits(exp);
      if (exp_end != std::string_view::npos) return exp_end;
    }
    return fraction;
  }

  // 0b1010, 0o17, 0xff, 1_000, 0; case-insensitive prefixes.
  size_t match_integer(size_t pos) const {
    if (src_[pos] == '0' && pos + 1 < src_.size()) {
      char prefix = static_cast<char>(src_[pos + 1] | 0x20);
      int base = prefix == 'b' ? 2 : prefix == 'o' ? 8 : prefix == 'x' ? 16 : 0;
      if (base != 0) {
        size_t end = match_based_digits(pos + 2, base);
        if (end != pos + 2) return end;
      }
    }
    if (src_[pos] == '0') {
      size_t end = pos + 1;  // 0(_?0)*
      while (true) {
        if (end < src_.size() && src_[end] == '0') {
          ++end;
        } else if (end + 1 < src_.size() && src_[end] == '_' && src_[end + 1] == '0') {
          end += 2;
        } else {
          return end;
        }
      }
    }
    return match_digits(pos);
  }

  // (_?digit)+ in the given base.
  size_t match_based_digits(size_t pos, int base) const {
    auto is_base_digit = [base](char c) {
      if (base == 2) return c == '0' || c == '1';
      if (base == 8) return c >= '0' && c <= '7';
      char lower = static_cast<char>(c | 0x20);
      return is_digit(c) || (lower >= 'a' && lower <= 'f');
    };
    while (true) {
      if (pos < src_.size() && is_base_digit(src_[pos])) {
        ++pos;
      } else if (pos + 1 < src_.size() && src_[pos] == '_' && is_base_digit(src_[pos + 1])) {
        pos += 2;
      } else {
        return pos;
      }
    }
  }

  // '...' or "..." where a backslash escapes any character (newlines included).
  size_t match_string(size_t pos) const {
    char quote = src_[pos];
    for (size_t i = pos + 1; i < src_.size(); ++i) {
      if (src_[i] == '\\') {
        ++i;
      } else if (src_[i] == quote) {
        return i + 1;
      }
    }
    return std::string_view::npos;
  }

  std::string_view src_;
  const std::string& name_;
  std::vector<Token> tokens_;
  std::vector<char> balance_;  // closing brackets still expected inside the current tag
  size_t pos_ = 0;
  size_t counted_ = 0;
  size_t line_start_ = 0;
  uint32_t line_ = 1;
};

}  // namespace

std::string normalize_template_source(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  // Copies runs without '\r' in bulk: most templates have none at all.
  size_t pos = 0;
  while (pos < source.size()) {
    size_t cr = source.find('\r', pos);
    if (cr == std::string_view::npos) {
      out.append(source.substr(pos));
      break;
    }
    out.append(source.substr(pos, cr - pos));
    out += '\n';
    pos = cr + 1;
    if (pos < source.size() && source[pos] == '\n') ++pos;
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::vector<Token> tokenize(std::string_view source, const std::string& template_name) {
  return Lexer(source, template_name).run();
}

std::vector<Token> tokenize(std::string_view source, const std::string& template_name,
                            std::optional<Error>& error) {
  return Lexer(source, template_name).run(error);
}

std::string_view describe_token_kind(TokenKind kind) {
  switch (kind) {
    case TokenKind::Data:
      return "template data / text";
    case TokenKind::VariableBegin:
      return "begin of print statement";
    case TokenKind::VariableEnd:
      return "end of print statement";
    case TokenKind::BlockBegin:
      return "begin of statement block";
    case TokenKind::BlockEnd:
      return "end of statement block";
    case TokenKind::Name:
      return "name";
    case TokenKind::String:
      return "string";
    case TokenKind::Integer:
      return "integer";
    case TokenKind::Float:
      return "float";
    case TokenKind::Eof:
      return "end of template";
    default:
      break;
  }
  for (const Operator& op : kOperators) {
    if (op.kind == kind) return op.text;
  }
  return "?";
}

std::string_view describe_token(const Token& token) {
  if (token.kind == TokenKind::Name) return token.text;
  return describe_token_kind(token.kind);
}

}  // namespace kiln::jinja
