#include "compile/python_re_translate.h"

#include "jinja/error.h"
#include "jinja/utf8.h"
#include "jinja/value.h"

namespace kiln::compile {

namespace {

using jinja::Error;
using jinja::ErrorKind;

bool is_digit(wchar_t c) {
  return c >= L'0' && c <= L'9';
}
bool is_ascii_letter(wchar_t c) {
  return (c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z');
}
bool is_space(wchar_t c) {
  return c == L' ' || c == L'\t' || c == L'\n' || c == L'\r' || c == L'\v' || c == L'\f';
}

int hex_value(wchar_t c) {
  if (c >= L'0' && c <= L'9') return c - L'0';
  if (c >= L'a' && c <= L'f') return c - L'a' + 10;
  if (c >= L'A' && c <= L'F') return c - L'A' + 10;
  return -1;
}

class Translator {
 public:
  Translator(std::string_view pattern, int flags) : source_(pattern), in_(widen(pattern)) {
    result_.flags = flags;
  }

  TranslatedRegex run() {
    read_global_flags();
    while (pos_ < in_.size()) {
      if (in_class_) {
        class_char();
      } else {
        outside_char();
      }
    }
    if (in_class_) fail("unterminated character set");
    return std::move(result_);
  }

 private:
  [[noreturn]] void fail(std::string_view what) const {
    throw Error(ErrorKind::Runtime, "re.error: " + std::string(what) + " in pattern " +
                                        jinja::Value::string(std::string(source_)).repr());
  }

  bool flag(int f) const { return (result_.flags & f) != 0; }
  bool at(std::wstring_view text) const { return in_.compare(pos_, text.size(), text) == 0; }

  // (?aiLmsux) groups at the very start set flags for the whole pattern (Python 3.11 refuses
  // them anywhere else).
  void read_global_flags() {
    while (at(L"(?") && pos_ + 2 < in_.size() && flag_bit(in_[pos_ + 2]) != 0) {
      size_t p = pos_ + 2;
      int flags = 0;
      while (p < in_.size() && flag_bit(in_[p]) != 0)
        flags |= flag_bit(in_[p++]);
      if (p >= in_.size() || in_[p] != L')') return;  // a scoped (?i:...), refused later
      result_.flags |= flags;
      pos_ = p + 1;
    }
  }

  static int flag_bit(wchar_t c) {
    switch (c) {
      case L'a':
        return re_flags::kAscii;
      case L'i':
        return re_flags::kIgnoreCase;
      case L'L':
        return re_flags::kLocale;
      case L'm':
        return re_flags::kMultiline;
      case L's':
        return re_flags::kDotAll;
      case L'u':
        return re_flags::kUnicode;
      case L'x':
        return re_flags::kVerbose;
      default:
        return 0;
    }
  }

  // A code point written literally, escaped when ECMAScript would read it as syntax.
  void emit_literal(wchar_t c) {
    std::wstring_view special = in_class_ ? L"]\\^-[" : L"^$\\.*+?()[]{}|/";
    if (special.find(c) != std::wstring_view::npos) out() += L'\\';
    out() += c;
  }

  std::wstring& out() { return result_.ecmascript; }

  void outside_char() {
    wchar_t c = in_[pos_];
    if (flag(re_flags::kVerbose) && skip_verbose_spacing(c)) return;
    ++pos_;
    switch (c) {
      case L'\\':
        return escape();
      case L'(':
        return open_group();
      case L'[':
        return open_class();
      case L'.':
        out() += flag(re_flags::kDotAll) ? L"[\\s\\S]" : L"[^\\n]";
        return;
      case L'$':
        // Python's $ also matches before a newline that ends the string.
        out() += flag(re_flags::kMultiline) ? L"$" : L"(?=\\n?$)";
        return;
      case L'{':
        return brace();
      case L'}':
        out() += L"\\}";
        return;
      case L']':
        out() += L"\\]";
        return;
      case L'*':
      case L'+':
      case L'?':
        out() += c;
        after_quantifier();
        return;
      default:
        out() += c;
    }
  }

  bool skip_verbose_spacing(wchar_t c) {
    if (is_space(c)) {
      ++pos_;
      return true;
    }
    if (c != L'#') return false;
    while (pos_ < in_.size() && in_[pos_] != L'\n')
      ++pos_;
    return true;
  }

  // Lazy quantifiers (*?) are shared; possessive ones (*+, Python 3.11) are not.
  void after_quantifier() {
    if (pos_ < in_.size() && in_[pos_] == L'?')
      out() += in_[pos_++];
    else if (pos_ < in_.size() && in_[pos_] == L'+')
      fail("possessive quantifiers are not supported");
  }

  // {m}, {m,}, {,n}, {m,n} are quantifiers; Python reads any other '{' as a literal.
  void brace() {
    size_t p = pos_;
    std::wstring low, high;
    while (p < in_.size() && is_digit(in_[p]))
      low += in_[p++];
    bool comma = p < in_.size() && in_[p] == L',';
    if (comma) {
      ++p;
      while (p < in_.size() && is_digit(in_[p]))
        high += in_[p++];
    }
    if (p >= in_.size() || in_[p] != L'}' || (low.empty() && (!comma || high.empty()))) {
      out() += L"\\{";
      return;
    }
    out() += L"{" + (low.empty() ? L"0" : low) + (comma ? L"," + high : L"") + L"}";
    pos_ = p + 1;
    after_quantifier();
  }

  void open_group() {
    if (!at(L"?")) {
      out() += L'(';
      ++result_.group_count;
      return;
    }
    if (at(L"?P<")) return named_group();
    if (at(L"?P=")) return named_backreference();
    if (at(L"?:") || at(L"?=") || at(L"?!")) {
      out() += L'(';
      out() += in_.substr(pos_, 2);
      pos_ += 2;
      return;
    }
    if (at(L"?#")) {
      size_t close = in_.find(L')', pos_);
      if (close == std::wstring::npos) fail("missing ), unterminated comment");
      pos_ = close + 1;
      return;
    }
    if (at(L"?<=") || at(L"?<!")) fail("lookbehind assertions are not supported");
    if (at(L"?>")) fail("atomic groups are not supported");
    if (at(L"?(")) fail("conditional groups are not supported");
    fail("inline flags are only supported at the start of the pattern");
  }

  std::string read_name(wchar_t terminator) {
    size_t end = in_.find(terminator, pos_);
    if (end == std::wstring::npos) fail("missing group name terminator");
    std::string name = narrow(in_.substr(pos_, end - pos_));
    if (name.empty()) fail("missing group name");
    pos_ = end + 1;
    return name;
  }

  void named_group() {
    pos_ += 3;
    std::string name = read_name(L'>');
    for (const auto& [existing, _] : result_.group_names) {
      if (existing == name) fail("redefinition of group name " + jinja::Value::string(name).repr());
    }
    out() += L'(';
    result_.group_names.emplace_back(std::move(name), ++result_.group_count);
  }

  void named_backreference() {
    pos_ += 3;
    std::string name = read_name(L')');
    for (const auto& [existing, number] : result_.group_names) {
      if (existing == name) {
        out() += L"(?:\\" + std::to_wstring(number) + L")";
        return;
      }
    }
    fail("unknown group name " + jinja::Value::string(name).repr());
  }

  void open_class() {
    in_class_ = true;
    out() += L'[';
    if (at(L"^")) out() += in_[pos_++];
    // A ']' first in a set is a literal in Python.
    if (at(L"]")) {
      out() += L"\\]";
      ++pos_;
    }
  }

  void class_char() {
    wchar_t c = in_[pos_++];
    if (c == L']') {
      in_class_ = false;
      out() += L']';
    } else if (c == L'\\') {
      escape();
    } else if (c == L'[') {
      out() += L"\\[";  // literal in Python; ECMAScript would read [: as a POSIX class
    } else {
      out() += c;
    }
  }

  // After a backslash.
  void escape() {
    if (pos_ >= in_.size()) fail("bad escape (end of pattern)");
    wchar_t c = in_[pos_++];
    if (c == L'A' || c == L'Z') return anchor_escape(c);
    if (std::wstring_view(L"dDwWsS").find(c) != std::wstring_view::npos) {
      out() += L'\\';
      out() += c;
    } else if (c == L'b' || c == L'B') {
      if (in_class_ && c == L'B') fail("bad escape \\B");
      if (in_class_)
        emit_literal(L'\b');
      else
        out() += c == L'b' ? L"\\b" : L"\\B";
    } else if (is_digit(c)) {
      digit_escape(c);
    } else if (c == L'x' || c == L'u' || c == L'U') {
      emit_literal(hex_escape(c == L'x' ? 2 : c == L'u' ? 4 : 8));
    } else if (std::wstring_view(L"ntrfva").find(c) != std::wstring_view::npos) {
      static constexpr std::wstring_view kFrom = L"ntrfva";
      static constexpr std::wstring_view kTo = L"\n\t\r\f\v\a";
      emit_literal(kTo[kFrom.find(c)]);
    } else if (is_ascii_letter(c)) {
      fail(std::string("bad escape \\") + static_cast<char>(c));
    } else {
      emit_literal(c);
    }
  }

  void anchor_escape(wchar_t c) {
    if (in_class_) fail(std::string("bad escape \\") + static_cast<char>(c));
    // With MULTILINE, ECMAScript's ^ and $ also match at line breaks, and std::regex has
    // no other way to say "start of the string" in that mode.
    if (flag(re_flags::kMultiline)) fail("\\A and \\Z are not supported together with MULTILINE");
    out() += c == L'A' ? L'^' : L'$';
  }

  // \1..\99 refer to groups; \0 and three octal digits are characters.
  void digit_escape(wchar_t c) {
    size_t start = pos_ - 1;
    bool octal =
        c == L'0' || (pos_ + 1 < in_.size() && is_digit(in_[pos_]) && is_digit(in_[pos_ + 1]) &&
                      c <= L'7' && in_[pos_] <= L'7' && in_[pos_ + 1] <= L'7');
    if (octal || in_class_) {
      wchar_t value = 0;
      size_t p = start;
      while (p < in_.size() && p < start + 3 && in_[p] >= L'0' && in_[p] <= L'7')
        value = value * 8 + (in_[p++] - L'0');
      pos_ = p;
      emit_literal(value);
      return;
    }
    size_t number = c - L'0';
    if (pos_ < in_.size() && is_digit(in_[pos_])) number = number * 10 + (in_[pos_++] - L'0');
    if (number > result_.group_count) fail("invalid group reference " + std::to_string(number));
    out() += L"(?:\\" + std::to_wstring(number) + L")";
  }

  wchar_t hex_escape(size_t digits) {
    uint32_t value = 0;
    for (size_t i = 0; i < digits; ++i) {
      int h = pos_ < in_.size() ? hex_value(in_[pos_]) : -1;
      if (h < 0) fail("incomplete escape");
      value = value * 16 + static_cast<uint32_t>(h);
      ++pos_;
    }
    return static_cast<wchar_t>(value);
  }

  std::string_view source_;
  std::wstring in_;
  size_t pos_ = 0;
  bool in_class_ = false;
  TranslatedRegex result_;
};

}  // namespace

TranslatedRegex translate_python_regex(std::string_view pattern, int flags) {
  return Translator(pattern, flags).run();
}

std::wstring widen(std::string_view utf8) {
  std::wstring wide;
  wide.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();)
    wide += static_cast<wchar_t>(jinja::utf8::decode(utf8, pos));
  return wide;
}

std::string narrow(std::wstring_view wide) {
  std::string out;
  out.reserve(wide.size());
  for (wchar_t c : wide)
    jinja::utf8::append(out, static_cast<uint32_t>(c));
  return out;
}

}  // namespace kiln::compile
