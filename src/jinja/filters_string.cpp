// Text filters: lower, upper, capitalize, title, trim, center, replace, format, indent,
// truncate, wordcount, wordwrap, string.
//
// Python works on code points, so lengths and cuts here do too (utf8.h); case mapping
// and splitting reuse the str methods (methods.h) so they match `s.upper()` in templates.
#include <fmt/format.h>

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/filters_common.h"
#include "jinja/operators.h"
#include "jinja/python_format.h"
#include "jinja/utf8.h"

namespace kiln::jinja {
namespace {

// Jinja2's soft_str: a Markup string stays Markup, anything else becomes str(value).
Value soft_str(const Value& v) {
  return v.is_string() ? v : Value::string(v.str());
}

// Markup's str methods return Markup: the result of a method on a safe string is safe.
Value same_safety(const Value& subject, Value result) {
  if (subject.is_string() && subject.is_safe() && result.is_string() && !result.is_safe()) {
    return Value::string(result.as_string(), true);
  }
  return result;
}

// soft_str(v).name(args), keeping Markup as Markup.
Value string_method(const Value& v, std::string_view name, CallArgs args = {}) {
  const Value subject = soft_str(v);
  return same_safety(subject, call_method_or_throw(subject, name, std::move(args)));
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  for (size_t pos = 0; pos < text.size();)
    out += utf8::decode(text, pos);
  return out;
}

std::string encode(std::u32string_view text) {
  std::string out;
  for (char32_t cp : text)
    utf8::append(out, cp);
  return out;
}

Value filter_lower(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("lower", args);
  return string_method(v, "lower");
}

Value filter_upper(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("upper", args);
  return string_method(v, "upper");
}

Value filter_capitalize(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("capitalize", args);
  return string_method(v, "capitalize");
}

// Jinja2 splits on runs of '-', whitespace, '(', '{', '[' and '<', and capitalises each
// piece: first code point upper, the rest lower.
Value filter_title(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("title", args);
  const std::string text = v.str();
  std::string out;
  out.reserve(text.size());
  bool word_start = true;
  for (size_t pos = 0; pos < text.size();) {
    const uint32_t cp = utf8::decode(text, pos);
    const bool separator =
        cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<' || utf8::is_space(cp);
    if (separator) {
      utf8::append(out, cp);
    } else {
      utf8::append(out, word_start ? utf8::to_upper(cp) : utf8::to_lower(cp));
    }
    word_start = separator;
  }
  return Value::string(std::move(out));
}

Value filter_trim(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("trim", args, {"chars"});
  CallArgs strip_args;
  if (bound.has(0)) strip_args.positional.push_back(bound.get(0));
  return string_method(v, "strip", std::move(strip_args));
}

// str.center: the extra space goes right, unless both the margin and width are odd.
Value filter_center(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("center", args, {"width"});
  const std::string text = v.str();
  const bool safe = v.is_string() && v.is_safe();  // Markup.center stays Markup
  const int64_t width = python_index(bound.get_or(0, Value::integer(80)));
  const int64_t length = static_cast<int64_t>(utf8::length(text));
  if (width <= length) return Value::string(text, safe);
  const int64_t margin = width - length;
  const int64_t left = margin / 2 + (margin & width & 1);
  return Value::string(std::string(left, ' ') + text + std::string(margin - left, ' '), safe);
}

// Without autoescape (dbt's setting) Jinja2 replaces on plain str.
Value filter_replace(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("replace", args, {"old", "new", "count"}, 2);
  CallArgs replace_args;
  replace_args.positional = {Value::string(bound.get(0).str()), Value::string(bound.get(1).str())};
  const Value count = bound.get_or(2, Value::none());
  replace_args.positional.push_back(count.is_none() ? Value::integer(-1) : count);
  return call_method_or_throw(Value::string(v.str()), "replace", std::move(replace_args));
}

// Markup's `%` escapes the string operands it formats (numbers pass through).
Value escaped_operand(Value operand, bool markup) {
  if (!markup || !operand.is_string() || operand.is_safe()) return operand;
  return Value::string(html_escape(operand.as_string()), true);
}

// printf-style: `value % args` with the positional arguments as a tuple, or the keyword
// arguments as a dict.
Value filter_format(CallContext&, const Value& v, CallArgs& args) {
  if (!args.positional.empty() && !args.keyword.empty()) {
    throw Error(ErrorKind::Runtime,
                "can't handle positional and keyword arguments at the same time");
  }
  const bool markup = v.is_string() && v.is_safe();
  Value operands;
  if (!args.keyword.empty()) {
    operands = Value::dict();
    for (auto& [name, value] : args.keyword) {
      operands.as_dict().set(name, escaped_operand(std::move(value), markup));
    }
  } else {
    for (Value& value : args.positional)
      value = escaped_operand(std::move(value), markup);
    operands = Value::tuple(std::move(args.positional));
  }
  return Value::string(percent_format(v.str(), operands), markup);
}

Value filter_string(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("soft_str", args);
  return soft_str(v);
}

// ---- indent ------------------------------------------------------------------------------

std::vector<Value> split_lines(const Value& text) {
  return call_method_or_throw(text, "splitlines").as_list();
}

Value filter_indent(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("indent", args, {"width", "first", "blank"});
  if (!v.is_string()) throw_missing_method(v, "splitlines");
  const Value width = bound.get_or(0, Value::integer(4));
  const bool first = bound.get_or(1, Value::boolean(false)).truthy();
  const bool blank = bound.get_or(2, Value::boolean(false)).truthy();
  const std::string indentation = width.is_string()
                                      ? width.as_string()
                                      : std::string(std::max<int64_t>(0, python_index(width)), ' ');
  // Jinja2 appends a newline first so that splitlines keeps a trailing empty line.
  const std::vector<Value> lines = split_lines(Value::string(v.str() + "\n"));
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i].as_string();
    if (i > 0) {
      out += '\n';
      if (blank || !line.empty()) out += indentation;
    }
    out += line;
  }
  if (first) out = indentation + out;
  return Value::string(std::move(out), v.is_string() && v.is_safe());
}

// ---- truncate ----------------------------------------------------------------------------

// Jinja2's default policy "truncate.leeway": a text at most this much longer stays whole.
constexpr int64_t kTruncateLeeway = 5;

Value filter_truncate(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("truncate", args, {"length", "killwords", "end", "leeway"});
  const int64_t length = python_index(bound.get_or(0, Value::integer(255)));
  const bool killwords = bound.get_or(1, Value::boolean(false)).truthy();
  const std::string end = bound.get_or(2, Value::string("...")).str();
  const Value leeway_arg = bound.get_or(3, Value::none());
  const int64_t leeway = leeway_arg.is_none() ? kTruncateLeeway : python_index(leeway_arg);
  const int64_t end_length = static_cast<int64_t>(utf8::length(end));
  if (length < end_length) {
    throw Error(ErrorKind::Runtime,
                fmt::format("expected length >= {}, got {}", end_length, length));
  }
  if (leeway < 0)
    throw Error(ErrorKind::Runtime, fmt::format("expected leeway >= 0, got {}", leeway));
  if (!v.is_string()) {
    // Jinja2 measures and returns a short non-string as it is; cutting one fails.
    if (static_cast<int64_t>(jinja::length(v)) <= length + leeway) return v;
    if (!killwords) throw_missing_method(v, "rsplit");
    throw Error(ErrorKind::Type, fmt::format("can only concatenate {} (not \"str\") to {}",
                                             v.type_name(), v.type_name()));
  }
  const std::string text = v.str();
  if (static_cast<int64_t>(utf8::length(text)) <= length + leeway) return v;
  std::string kept = text.substr(0, utf8::offset_of(text, length - end_length));
  if (!killwords) {
    // rsplit(" ", 1)[0]: drop the partial last word, unless there is no space at all.
    const size_t space = kept.rfind(' ');
    if (space != std::string::npos) kept.resize(space);
  }
  // A cut Markup stays Markup, and Markup + str escapes the str.
  if (v.is_string() && v.is_safe()) return Value::string(kept + html_escape(end), true);
  return Value::string(kept + end);
}

// ---- wordcount ---------------------------------------------------------------------------

bool is_word_char(uint32_t cp) {
  return cp == '_' || utf8::is_alpha(cp) || utf8::is_digit(cp);
}

// len(re.findall(r"\w+", s))
Value filter_wordcount(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("wordcount", args);
  const std::string text = v.str();
  int64_t words = 0;
  bool in_word = false;
  for (size_t pos = 0; pos < text.size();) {
    const bool word = is_word_char(utf8::decode(text, pos));
    if (word && !in_word) ++words;
    in_word = word;
  }
  return Value::integer(words);
}

// ---- wordwrap: Python's textwrap.wrap with Jinja2's settings -----------------------------

bool is_wrap_space(char32_t c) {  // textwrap's whitespace: ASCII only
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_letter(char32_t c) {
  return c == '_' || utf8::is_alpha(c);
}  // [^\d\W]
bool is_word_punct(char32_t c) {  // [\w!"'&.,?]
  return is_word_char(c) || c == '!' || c == '"' || c == '\'' || c == '&' || c == '.' || c == ',' ||
         c == '?';
}

class ChunkSplitter {
 public:
  explicit ChunkSplitter(std::u32string_view text) : s_(text) {}

  // textwrap's wordsep_re: whitespace runs, "--" em-dashes between words, and words that
  // may break after a hyphen inside a hyphenated word.
  std::vector<std::u32string> split_on_hyphens() const {
    std::vector<std::u32string> chunks;
    size_t i = 0;
    while (i < s_.size()) {
      size_t end = is_wrap_space(s_[i]) ? whitespace_end(i)
                   : em_dash_at(i)      ? dashes_end(i)
                                        : word_end(i);
      chunks.emplace_back(s_.substr(i, end - i));
      i = end;
    }
    return chunks;
  }

  // wordsep_simple_re: whitespace runs and everything between them.
  std::vector<std::u32string> split_on_spaces() const {
    std::vector<std::u32string> chunks;
    size_t i = 0;
    while (i < s_.size()) {
      size_t end = i;
      const bool space = is_wrap_space(s_[i]);
      while (end < s_.size() && is_wrap_space(s_[end]) == space)
        ++end;
      chunks.emplace_back(s_.substr(i, end - i));
      i = end;
    }
    return chunks;
  }

 private:
  bool at(size_t i, bool (*pred)(char32_t)) const { return i < s_.size() && pred(s_[i]); }
  bool dash(size_t i) const { return i < s_.size() && s_[i] == '-'; }

  size_t whitespace_end(size_t i) const {
    while (i < s_.size() && is_wrap_space(s_[i]))
      ++i;
    return i;
  }
  // (?<=word_punct) -{2,} (?=\w)
  bool em_dash_at(size_t i) const {
    if (i == 0 || !is_word_punct(s_[i - 1]) || !dash(i) || !dash(i + 1)) return false;
    size_t j = i;
    while (dash(j))
      ++j;
    return at(j, [](char32_t c) { return is_word_char(c); });
  }
  size_t dashes_end(size_t i) const {
    while (dash(i))
      ++i;
    return i;
  }
  // The shortest run of non-space characters from `start` that ends at a hyphen inside a
  // hyphenated word, before whitespace or the end, or before an em-dash.
  size_t word_end(size_t start) const {
    for (size_t e = start + 1;; ++e) {
      if (breakable_hyphen(e)) return e + 1;
      if (e == s_.size() || is_wrap_space(s_[e])) return e;
      if (is_word_punct(s_[e - 1]) && em_dash_at(e)) return e;
    }
  }
  // A '-' at e preceded by two letters or by letter-letter, and followed by a letter, an
  // optional '-', and a letter.
  bool breakable_hyphen(size_t e) const {
    if (!dash(e)) return false;
    const bool two_letters = e >= 2 && is_letter(s_[e - 2]) && is_letter(s_[e - 1]);
    const bool letter_dash_letter =
        e >= 3 && is_letter(s_[e - 3]) && s_[e - 2] == '-' && is_letter(s_[e - 1]);
    if (!two_letters && !letter_dash_letter) return false;
    if (!at(e + 1, is_letter)) return false;
    return at(e + 2, is_letter) || (dash(e + 2) && at(e + 3, is_letter));
  }

  std::u32string_view s_;
};

bool is_blank(const std::u32string& chunk) {
  for (char32_t c : chunk) {
    if (!utf8::is_space(c)) return false;
  }
  return true;
}

struct WrapOptions {
  int64_t width;
  bool break_long_words;
  bool break_on_hyphens;
};

// textwrap's _handle_long_word: cut the chunk that does not fit, at a hyphen if one falls
// inside the room left.
void handle_long_word(std::vector<std::u32string>& reversed, std::vector<std::u32string>& line,
                      int64_t line_length, const WrapOptions& opt) {
  const int64_t room = opt.width < 1 ? 1 : opt.width - line_length;
  if (opt.break_long_words) {
    std::u32string& chunk = reversed.back();
    size_t end = static_cast<size_t>(room);
    if (opt.break_on_hyphens && static_cast<int64_t>(chunk.size()) > room) {
      const size_t hyphen = chunk.rfind(U'-', room - 1 < 0 ? 0 : static_cast<size_t>(room - 1));
      if (hyphen != std::u32string::npos && hyphen > 0 && hyphen < static_cast<size_t>(room) &&
          chunk.find_first_not_of(U'-') < hyphen) {
        end = hyphen + 1;
      }
    }
    line.push_back(chunk.substr(0, end));
    chunk.erase(0, std::min(end, chunk.size()));
  } else if (line.empty()) {
    line.push_back(std::move(reversed.back()));
    reversed.pop_back();
  }
}

// textwrap's _wrap_chunks with drop_whitespace and no indents.
std::vector<std::string> wrap_chunks(std::vector<std::u32string> chunks, const WrapOptions& opt) {
  std::vector<std::string> lines;
  std::vector<std::u32string> reversed(chunks.rbegin(), chunks.rend());
  while (!reversed.empty()) {
    std::vector<std::u32string> line;
    int64_t line_length = 0;
    if (is_blank(reversed.back()) && !lines.empty()) reversed.pop_back();
    while (!reversed.empty()) {
      const int64_t size = static_cast<int64_t>(reversed.back().size());
      if (line_length + size > opt.width) break;
      line.push_back(std::move(reversed.back()));
      reversed.pop_back();
      line_length += size;
    }
    if (!reversed.empty() && static_cast<int64_t>(reversed.back().size()) > opt.width) {
      handle_long_word(reversed, line, line_length, opt);
      if (!reversed.empty() && reversed.back().empty()) reversed.pop_back();
    }
    if (!line.empty() && is_blank(line.back())) line.pop_back();
    if (!line.empty()) {
      std::u32string joined;
      for (const auto& chunk : line)
        joined += chunk;
      lines.push_back(encode(joined));
    }
  }
  return lines;
}

Value filter_wordwrap(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("wordwrap", args,
                  {"width", "break_long_words", "wrapstring", "break_on_hyphens"});
  WrapOptions opt;
  opt.width = python_index(bound.get_or(0, Value::integer(79)));
  opt.break_long_words = bound.get_or(1, Value::boolean(true)).truthy();
  const Value wrapstring = bound.get_or(2, Value::none());
  const std::string separator = wrapstring.is_none() ? "\n" : wrapstring.str();
  opt.break_on_hyphens = bound.get_or(3, Value::boolean(true)).truthy();
  if (!v.is_string()) throw_missing_method(v, "splitlines");
  std::string out;
  const std::vector<Value> paragraphs = split_lines(Value::string(v.str()));
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    if (p > 0) out += separator;
    const std::u32string text = decode(paragraphs[p].as_string());
    if (opt.width <= 0) {
      throw Error(ErrorKind::Value, fmt::format("invalid width {} (must be > 0)", opt.width));
    }
    ChunkSplitter splitter(text);
    const std::vector<std::string> lines = wrap_chunks(
        opt.break_on_hyphens ? splitter.split_on_hyphens() : splitter.split_on_spaces(), opt);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out += separator;
      out += lines[i];
    }
  }
  return Value::string(std::move(out));
}

}  // namespace

void add_string_filters(FilterList& out) {
  out.insert(out.end(), {
                            {"lower", filter_lower},
                            {"upper", filter_upper},
                            {"capitalize", filter_capitalize},
                            {"title", filter_title},
                            {"trim", filter_trim},
                            {"center", filter_center},
                            {"replace", filter_replace},
                            {"format", filter_format},
                            {"string", filter_string},
                            {"indent", filter_indent},
                            {"truncate", filter_truncate},
                            {"wordcount", filter_wordcount},
                            {"wordwrap", filter_wordwrap},
                        });
}

}  // namespace kiln::jinja
