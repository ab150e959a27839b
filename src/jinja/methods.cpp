#include "jinja/methods.h"

#include <algorithm>
#include <limits>

#include "jinja/bigint.h"
#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/method_args.h"
#include "jinja/operators.h"
#include "jinja/python_format.h"
#include "jinja/utf8.h"

namespace kiln::jinja {

namespace {

using namespace method_detail;

Value str_result(std::string text) {
  return Value::string(std::move(text));
}

// ---- code points -----------------------------------------------------------------------

std::vector<uint32_t> code_points(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();)
    out.push_back(utf8::decode(text, pos));
  return out;
}

std::string encode(const std::vector<uint32_t>& cps, size_t from = 0,
                   size_t to = std::numeric_limits<size_t>::max()) {
  std::string out;
  to = std::min(to, cps.size());
  for (size_t i = from; i < to; ++i)
    utf8::append(out, cps[i]);
  return out;
}

// Code-point index of byte offset `byte` (which is on a code point boundary).
size_t code_point_index(std::string_view text, size_t byte) {
  return utf8::length(text.substr(0, byte));
}

// The [start, end) code point range of optional start/end arguments, Python slice style,
// as byte offsets.
std::pair<size_t, size_t> byte_range(const std::string& text, const Params& p, size_t start_i,
                                     size_t end_i) {
  auto len = static_cast<int64_t>(utf8::length(text));
  auto clamp = [&](size_t i, int64_t fallback) {
    if (!p.given(i)) return fallback;
    int64_t v = expect_int(p[i]);
    if (v < 0) v = std::max<int64_t>(0, v + len);
    return std::min(v, len);
  };
  int64_t start = clamp(start_i, 0);
  int64_t end = clamp(end_i, len);
  if (end < start) end = start;
  return {utf8::offset_of(text, static_cast<size_t>(start)),
          utf8::offset_of(text, static_cast<size_t>(end))};
}

// ---- str: case ---------------------------------------------------------------------------

template <uint32_t (*Map)(uint32_t)>
std::string map_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();)
    utf8::append(out, Map(utf8::decode(text, pos)));
  return out;
}

bool is_cased(uint32_t cp) {
  return utf8::is_upper(cp) || utf8::is_lower(cp);
}

uint32_t swap_case(uint32_t cp) {
  return utf8::is_upper(cp) ? utf8::to_lower(cp) : utf8::is_lower(cp) ? utf8::to_upper(cp) : cp;
}

Value str_upper(const Value& self, CallArgs& args) {
  expect_no_args("str.upper", args);
  std::string out = map_case<utf8::to_upper>(self.as_string());
  // 'ß' upper-cases to two letters, which a code point mapping cannot express.
  for (size_t pos = out.find("\xc3\x9f"); pos != std::string::npos; pos = out.find("\xc3\x9f")) {
    out.replace(pos, 2, "SS");
  }
  return str_result(std::move(out));
}

Value str_lower(const Value& self, CallArgs& args) {
  expect_no_args("str.lower", args);
  return str_result(map_case<utf8::to_lower>(self.as_string()));
}

Value str_casefold(const Value& self, CallArgs& args) {
  expect_no_args("str.casefold", args);
  std::string out = map_case<utf8::to_lower>(self.as_string());
  // Case folding goes further than lower(): 'ß' folds to "ss" so 'Straße' matches 'STRASSE'.
  for (size_t pos = out.find("\xc3\x9f"); pos != std::string::npos; pos = out.find("\xc3\x9f")) {
    out.replace(pos, 2, "ss");
  }
  return str_result(std::move(out));
}

Value str_swapcase(const Value& self, CallArgs& args) {
  expect_no_args("str.swapcase", args);
  return str_result(map_case<swap_case>(self.as_string()));
}

Value str_title(const Value& self, CallArgs& args) {
  expect_no_args("str.title", args);
  // A cased character after a cased character is lowered; any other is upper-cased.
  std::string out;
  bool previous_cased = false;
  const std::string& text = self.as_string();
  for (size_t pos = 0; pos < text.size();) {
    uint32_t cp = utf8::decode(text, pos);
    utf8::append(out, previous_cased ? utf8::to_lower(cp) : utf8::to_upper(cp));
    previous_cased = is_cased(cp);
  }
  return str_result(std::move(out));
}

Value str_capitalize(const Value& self, CallArgs& args) {
  expect_no_args("str.capitalize", args);
  std::string out;
  const std::string& text = self.as_string();
  for (size_t pos = 0; pos < text.size();) {
    bool first = pos == 0;
    uint32_t cp = utf8::decode(text, pos);
    utf8::append(out, first ? utf8::to_upper(cp) : utf8::to_lower(cp));
  }
  return str_result(std::move(out));
}

// ---- str: predicates -------------------------------------------------------------------

template <bool (*Pred)(uint32_t)>
bool all_of(const std::string& text) {
  if (text.empty()) return false;
  for (size_t pos = 0; pos < text.size();) {
    if (!Pred(utf8::decode(text, pos))) return false;
  }
  return true;
}

bool is_alnum(uint32_t cp) {
  return utf8::is_alpha(cp) || utf8::is_digit(cp);
}

Value str_isdigit(const Value& self, CallArgs& args) {
  expect_no_args("str.isdigit", args);
  return Value::boolean(all_of<utf8::is_digit>(self.as_string()));
}
Value str_isdecimal(const Value& self, CallArgs& args) {
  expect_no_args("str.isdecimal", args);
  return Value::boolean(all_of<utf8::is_digit>(self.as_string()));
}
Value str_isnumeric(const Value& self, CallArgs& args) {
  expect_no_args("str.isnumeric", args);
  return Value::boolean(all_of<utf8::is_digit>(self.as_string()));
}
Value str_isalpha(const Value& self, CallArgs& args) {
  expect_no_args("str.isalpha", args);
  return Value::boolean(all_of<utf8::is_alpha>(self.as_string()));
}
Value str_isalnum(const Value& self, CallArgs& args) {
  expect_no_args("str.isalnum", args);
  return Value::boolean(all_of<is_alnum>(self.as_string()));
}
Value str_isspace(const Value& self, CallArgs& args) {
  expect_no_args("str.isspace", args);
  return Value::boolean(all_of<utf8::is_space>(self.as_string()));
}

// Python's istitle(): at least one cased character, every upper-case one starts a word
// (follows an uncased character) and every lower-case one continues a word.
Value str_istitle(const Value& self, CallArgs& args) {
  expect_no_args("str.istitle", args);
  const std::string& text = self.as_string();
  bool any_cased = false, previous_cased = false;
  for (size_t pos = 0; pos < text.size();) {
    uint32_t cp = utf8::decode(text, pos);
    if (utf8::is_upper(cp)) {
      if (previous_cased) return Value::boolean(false);
      previous_cased = any_cased = true;
    } else if (utf8::is_lower(cp)) {
      if (!previous_cased) return Value::boolean(false);
      previous_cased = any_cased = true;
    } else {
      previous_cased = false;
    }
  }
  return Value::boolean(any_cased);
}

// islower/isupper: at least one cased character and none of the other case.
Value case_predicate(const std::string& text, bool (*wanted)(uint32_t), bool (*other)(uint32_t)) {
  bool any = false;
  for (size_t pos = 0; pos < text.size();) {
    uint32_t cp = utf8::decode(text, pos);
    if (other(cp)) return Value::boolean(false);
    any |= wanted(cp);
  }
  return Value::boolean(any);
}

Value str_islower(const Value& self, CallArgs& args) {
  expect_no_args("str.islower", args);
  return case_predicate(self.as_string(), utf8::is_lower, utf8::is_upper);
}
Value str_isupper(const Value& self, CallArgs& args) {
  expect_no_args("str.isupper", args);
  return case_predicate(self.as_string(), utf8::is_upper, utf8::is_lower);
}

// ---- str: strip, split, join -----------------------------------------------------------

enum class Side { Left = 1, Right = 2, Both = 3 };

Value strip(std::string_view method, const Value& self, CallArgs& args, Side side) {
  Params p(method, args, {"chars"}, 0);
  const std::string& text = self.as_string();
  std::vector<uint32_t> cps = code_points(text);
  std::vector<uint32_t> chars;
  bool whitespace = !p.given(0);
  if (!whitespace) chars = code_points(expect_str(p[0], "strip arg"));
  auto strippable = [&](uint32_t cp) {
    return whitespace ? utf8::is_space(cp)
                      : std::find(chars.begin(), chars.end(), cp) != chars.end();
  };
  size_t begin = 0, end = cps.size();
  if (static_cast<int>(side) & 1) {
    while (begin < end && strippable(cps[begin]))
      ++begin;
  }
  if (static_cast<int>(side) & 2) {
    while (end > begin && strippable(cps[end - 1]))
      --end;
  }
  return str_result(encode(cps, begin, end));
}

Value str_strip(const Value& self, CallArgs& args) {
  return strip("strip", self, args, Side::Both);
}
Value str_lstrip(const Value& self, CallArgs& args) {
  return strip("lstrip", self, args, Side::Left);
}
Value str_rstrip(const Value& self, CallArgs& args) {
  return strip("rstrip", self, args, Side::Right);
}

int64_t max_split(const Params& p, size_t i) {
  return p.given(i) ? expect_int(p[i]) : -1;
}

std::vector<Value> split_whitespace(const std::string& text, int64_t limit, bool from_right) {
  std::vector<uint32_t> cps = code_points(text);
  std::vector<Value> parts;
  if (!from_right) {
    size_t i = 0;
    while (true) {
      while (i < cps.size() && utf8::is_space(cps[i]))
        ++i;
      if (i == cps.size()) break;
      if (limit >= 0 && static_cast<int64_t>(parts.size()) == limit) {
        parts.push_back(str_result(encode(cps, i)));  // the rest keeps its spacing
        break;
      }
      size_t start = i;
      while (i < cps.size() && !utf8::is_space(cps[i]))
        ++i;
      parts.push_back(str_result(encode(cps, start, i)));
    }
    return parts;
  }
  size_t i = cps.size();
  while (true) {
    while (i > 0 && utf8::is_space(cps[i - 1]))
      --i;
    if (i == 0) break;
    if (limit >= 0 && static_cast<int64_t>(parts.size()) == limit) {
      parts.push_back(str_result(encode(cps, 0, i)));  // the rest keeps its spacing
      break;
    }
    size_t end = i;
    while (i > 0 && !utf8::is_space(cps[i - 1]))
      --i;
    parts.push_back(str_result(encode(cps, i, end)));
  }
  std::reverse(parts.begin(), parts.end());
  return parts;
}

std::vector<Value> split_on(const std::string& text, const std::string& sep, int64_t limit,
                            bool from_right) {
  if (sep.empty()) throw Error(ErrorKind::Value, "empty separator");
  std::vector<Value> parts;
  if (!from_right) {
    size_t start = 0;
    while (limit < 0 || static_cast<int64_t>(parts.size()) < limit) {
      size_t found = text.find(sep, start);
      if (found == std::string::npos) break;
      parts.push_back(str_result(text.substr(start, found - start)));
      start = found + sep.size();
    }
    parts.push_back(str_result(text.substr(start)));
    return parts;
  }
  size_t end = text.size();
  while (limit < 0 || static_cast<int64_t>(parts.size()) < limit) {
    if (end < sep.size()) break;
    size_t found = text.rfind(sep, end - sep.size());
    if (found == std::string::npos) break;
    parts.push_back(str_result(text.substr(found + sep.size(), end - found - sep.size())));
    end = found;
  }
  parts.push_back(str_result(text.substr(0, end)));
  std::reverse(parts.begin(), parts.end());
  return parts;
}

Value split(std::string_view method, const Value& self, CallArgs& args, bool from_right) {
  Params p(method, args, {"sep", "maxsplit"}, 0);
  int64_t limit = max_split(p, 1);
  if (!p.given(0)) return Value::list(split_whitespace(self.as_string(), limit, from_right));
  if (!p[0].is_string()) {
    throw Error(ErrorKind::Type, "must be str or None, not " + std::string(p[0].type_name()));
  }
  return Value::list(split_on(self.as_string(), p[0].as_string(), limit, from_right));
}

Value str_split(const Value& self, CallArgs& args) {
  return split("split", self, args, false);
}
Value str_rsplit(const Value& self, CallArgs& args) {
  return split("rsplit", self, args, true);
}

bool is_line_break(uint32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x1C || cp == 0x1D ||
         cp == 0x1E || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

Value str_splitlines(const Value& self, CallArgs& args) {
  Params p("splitlines", args, {"keepends"}, 0);
  bool keep = p.has(0) && p[0].truthy();
  std::vector<uint32_t> cps = code_points(self.as_string());
  std::vector<Value> lines;
  size_t start = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!is_line_break(cps[i])) continue;
    size_t eol = i;
    if (cps[i] == '\r' && i + 1 < cps.size() && cps[i + 1] == '\n') ++i;
    lines.push_back(str_result(encode(cps, start, keep ? i + 1 : eol)));
    start = i + 1;
  }
  if (start < cps.size()) lines.push_back(str_result(encode(cps, start)));
  return Value::list(std::move(lines));
}

Value str_join(const Value& self, CallArgs& args) {
  if (args.positional.size() != 1 || !args.keyword.empty()) {
    throw Error(ErrorKind::Type, "str.join() takes exactly one argument (" +
                                     std::to_string(args.positional.size()) + " given)");
  }
  std::vector<Value> items = iterate(args.positional[0]);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_string()) {
      throw Error(ErrorKind::Type, "sequence item " + std::to_string(i) +
                                       ": expected str instance, " +
                                       std::string(items[i].type_name()) + " found");
    }
    if (i) out += self.as_string();
    out += items[i].as_string();
  }
  return str_result(std::move(out));
}

Value partition(std::string_view method, const Value& self, CallArgs& args, bool from_right) {
  Params p(method, args, {"sep"}, 1);
  const std::string& text = self.as_string();
  const std::string& sep = expect_str(p[0], "sep");
  if (sep.empty()) throw Error(ErrorKind::Value, "empty separator");
  size_t found = from_right ? text.rfind(sep) : text.find(sep);
  if (found == std::string::npos) {
    Value empty = str_result("");
    return from_right ? Value::tuple({empty, empty, self}) : Value::tuple({self, empty, empty});
  }
  return Value::tuple(
      {str_result(text.substr(0, found)), p[0], str_result(text.substr(found + sep.size()))});
}

Value str_partition(const Value& self, CallArgs& args) {
  return partition("partition", self, args, false);
}
Value str_rpartition(const Value& self, CallArgs& args) {
  return partition("rpartition", self, args, true);
}

// ---- str: search -----------------------------------------------------------------------

// Byte offset of the first/last `sub` within [start, end) of self, or npos.
size_t search(const std::string& text, const Params& p, bool from_right) {
  const std::string& sub = expect_str(p[0], "must be str, not");
  auto [begin, end] = byte_range(text, p, 1, 2);
  if (end - begin < sub.size()) return std::string::npos;
  std::string_view window(text.data() + begin, end - begin);
  size_t found = from_right ? window.rfind(sub) : window.find(sub);
  return found == std::string_view::npos ? found : begin + found;
}

Value find(std::string_view method, const Value& self, CallArgs& args, bool from_right,
           bool raise) {
  Params p(method, args, {"sub", "start", "end"}, 1);
  if (!p[0].is_string()) {
    throw Error(ErrorKind::Type, "must be str, not " + std::string(p[0].type_name()));
  }
  size_t found = search(self.as_string(), p, from_right);
  if (found == std::string::npos) {
    if (raise) throw Error(ErrorKind::Value, "substring not found");
    return Value::integer(-1);
  }
  return Value::integer(static_cast<int64_t>(code_point_index(self.as_string(), found)));
}

Value str_find(const Value& self, CallArgs& args) {
  return find("find", self, args, false, false);
}
Value str_rfind(const Value& self, CallArgs& args) {
  return find("rfind", self, args, true, false);
}
Value str_index(const Value& self, CallArgs& args) {
  return find("index", self, args, false, true);
}
Value str_rindex(const Value& self, CallArgs& args) {
  return find("rindex", self, args, true, true);
}

Value str_count(const Value& self, CallArgs& args) {
  Params p("count", args, {"sub", "start", "end"}, 1);
  const std::string& text = self.as_string();
  const std::string& sub = expect_str(p[0], "must be str, not");
  auto [begin, end] = byte_range(text, p, 1, 2);
  std::string_view window(text.data() + begin, end - begin);
  if (sub.empty()) return Value::integer(static_cast<int64_t>(utf8::length(window) + 1));
  int64_t n = 0;
  for (size_t pos = window.find(sub); pos != std::string_view::npos;
       pos = window.find(sub, pos + sub.size())) {
    ++n;
  }
  return Value::integer(n);
}

Value affix_test(std::string_view method, const Value& self, CallArgs& args, bool at_end) {
  Params p(method, args, {"prefix", "start", "end"}, 1);
  const std::string& text = self.as_string();
  auto [begin, end] = byte_range(text, p, 1, 2);
  std::string_view window(text.data() + begin, end - begin);
  auto matches = [&](const Value& affix) {
    if (!affix.is_string()) {
      throw Error(ErrorKind::Type, std::string(method) +
                                       " first arg must be str or a tuple of str, not " +
                                       std::string(affix.type_name()));
    }
    const std::string& a = affix.as_string();
    if (a.size() > window.size()) return false;
    return at_end ? window.substr(window.size() - a.size()) == a : window.substr(0, a.size()) == a;
  };
  if (p[0].is_tuple()) {
    for (const Value& affix : p[0].as_list()) {
      if (matches(affix)) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  return Value::boolean(matches(p[0]));
}

Value str_startswith(const Value& self, CallArgs& args) {
  return affix_test("startswith", self, args, false);
}
Value str_endswith(const Value& self, CallArgs& args) {
  return affix_test("endswith", self, args, true);
}

Value str_removeprefix(const Value& self, CallArgs& args) {
  Params p("removeprefix", args, {"prefix"}, 1);
  const std::string& text = self.as_string();
  const std::string& prefix = expect_str(p[0], "removeprefix() argument");
  if (text.compare(0, prefix.size(), prefix) == 0) return str_result(text.substr(prefix.size()));
  return self;
}

Value str_removesuffix(const Value& self, CallArgs& args) {
  Params p("removesuffix", args, {"suffix"}, 1);
  const std::string& text = self.as_string();
  const std::string& suffix = expect_str(p[0], "removesuffix() argument");
  if (!suffix.empty() && text.size() >= suffix.size() &&
      text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return str_result(text.substr(0, text.size() - suffix.size()));
  }
  return self;
}

// ---- str: rewriting --------------------------------------------------------------------

Value str_replace(const Value& self, CallArgs& args) {
  Params p("replace", args, {"old", "new", "count"}, 2);
  const std::string& text = self.as_string();
  const std::string& old_text = expect_str(p[0], "replace() argument 1");
  const std::string& new_text = expect_str(p[1], "replace() argument 2");
  int64_t limit = p.given(2) ? expect_int(p[2]) : -1;
  std::string out;
  if (old_text.empty()) {
    // Python inserts `new` before every code point and at the end.
    std::vector<uint32_t> cps = code_points(text);
    int64_t done = 0;
    for (size_t i = 0; i <= cps.size(); ++i) {
      if (limit < 0 || done < limit) {
        out += new_text;
        ++done;
      }
      if (i < cps.size()) utf8::append(out, cps[i]);
    }
    return str_result(std::move(out));
  }
  size_t start = 0;
  int64_t done = 0;
  while (limit < 0 || done < limit) {
    size_t found = text.find(old_text, start);
    if (found == std::string::npos) break;
    out.append(text, start, found - start);
    out += new_text;
    start = found + old_text.size();
    ++done;
  }
  out.append(text, start);
  return str_result(std::move(out));
}

Value str_format(const Value& self, CallArgs& args) {
  return str_result(str_format(self.as_string(), args));
}

// center/ljust/rjust: `fillchar` must be exactly one character.
uint32_t fill_char(const Params& p, size_t i, std::string_view method) {
  if (!p.has(i)) return ' ';
  if (!p[i].is_string()) {
    throw Error(ErrorKind::Type, std::string(method) + "() argument 2 must be str, not " +
                                     std::string(p[i].type_name()));
  }
  if (utf8::length(p[i].as_string()) != 1) {
    throw Error(ErrorKind::Type, "The fill character must be exactly one character long");
  }
  size_t pos = 0;
  return utf8::decode(p[i].as_string(), pos);
}

std::string repeat_cp(uint32_t cp, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    utf8::append(out, cp);
  return out;
}

Value justify(std::string_view method, const Value& self, CallArgs& args, char how) {
  Params p(method, args, {"width", "fillchar"}, 1);
  int64_t width = expect_int(p[0]);
  uint32_t fill = fill_char(p, 1, method);
  const std::string& text = self.as_string();
  auto length = static_cast<int64_t>(utf8::length(text));
  if (width <= length) return self;
  auto margin = static_cast<size_t>(width - length);
  if (how == '<') return str_result(text + repeat_cp(fill, margin));
  if (how == '>') return str_result(repeat_cp(fill, margin) + text);
  // CPython's centring puts the odd character on the left when the width is odd.
  size_t left = margin / 2 + (margin & static_cast<size_t>(width) & 1);
  return str_result(repeat_cp(fill, left) + text + repeat_cp(fill, margin - left));
}

Value str_center(const Value& self, CallArgs& args) {
  return justify("center", self, args, '^');
}
Value str_ljust(const Value& self, CallArgs& args) {
  return justify("ljust", self, args, '<');
}
Value str_rjust(const Value& self, CallArgs& args) {
  return justify("rjust", self, args, '>');
}

Value str_zfill(const Value& self, CallArgs& args) {
  Params p("zfill", args, {"width"}, 1);
  int64_t width = expect_int(p[0]);
  const std::string& text = self.as_string();
  auto length = static_cast<int64_t>(utf8::length(text));
  if (width <= length) return self;
  std::string zeros(static_cast<size_t>(width - length), '0');
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    return str_result(text.substr(0, 1) + zeros + text.substr(1));
  }
  return str_result(zeros + text);
}

// Python's expandtabs(tabsize=8): a tab becomes the spaces up to the next multiple of
// tabsize, counting code points from the last line break; tabsize <= 0 removes tabs.
Value str_expandtabs(const Value& self, CallArgs& args) {
  Params p("expandtabs", args, {"tabsize"}, 0);
  int64_t tabsize = p.has(0) ? expect_int(p[0]) : 8;
  if (tabsize > std::numeric_limits<int>::max() || tabsize < std::numeric_limits<int>::min())
    throw Error(ErrorKind::Overflow, "Python int too large to convert to C int");
  const std::string& text = self.as_string();
  if (text.find('\t') == std::string::npos) return self;
  std::string out;
  int64_t column = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    uint32_t cp = utf8::decode(text, pos);
    if (cp == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out.append(text, start, pos - start);
      column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
    }
  }
  return str_result(std::move(out));
}

constexpr Method kStrMethods[] = {
    {"split", str_split},
    {"strip", str_strip},
    {"lower", str_lower},
    {"upper", str_upper},
    {"replace", str_replace},
    {"format", str_format},
    {"join", str_join},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"rsplit", str_rsplit},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"title", str_title},
    {"capitalize", str_capitalize},
    {"swapcase", str_swapcase},
    {"casefold", str_casefold},
    {"find", str_find},
    {"rfind", str_rfind},
    {"index", str_index},
    {"rindex", str_rindex},
    {"count", str_count},
    {"isdigit", str_isdigit},
    {"isdecimal", str_isdecimal},
    {"isnumeric", str_isnumeric},
    {"isalpha", str_isalpha},
    {"isalnum", str_isalnum},
    {"isspace", str_isspace},
    {"islower", str_islower},
    {"isupper", str_isupper},
    {"istitle", str_istitle},
    {"expandtabs", str_expandtabs},
    {"zfill", str_zfill},
    {"center", str_center},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"splitlines", str_splitlines},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
};

// ---- lookup and binding ----------------------------------------------------------------

const Method* find_method(const Value& self, std::string_view name) {
  switch (self.kind()) {
    case Kind::String:
      return find_in(kStrMethods, name);
    case Kind::List:
      return find_list_method(name);
    case Kind::Tuple:
      return find_tuple_method(name);
    case Kind::Dict:
      return find_dict_method(name);
    default:
      return nullptr;
  }
}

// `xs.append` as a value: the receiver and the method, callable later.
class BoundMethod final : public Object {
 public:
  BoundMethod(Value self, const Method* method) : self_(std::move(self)), method_(method) {}
  std::string_view type_name() const override { return "builtin_function_or_method"; }
  bool is_callable() const override { return true; }
  Value call(CallContext&, CallArgs args) const override { return method_->fn(self_, args); }
  std::string repr() const override {
    return "<built-in method " + std::string(method_->name) + " of " +
           std::string(self_.type_name()) + " object>";
  }
  bool equals(const Object& other) const override {
    auto* bound = dynamic_cast<const BoundMethod*>(&other);
    return bound && bound->method_ == method_ && bound->self_.equals(self_);
  }

 private:
  Value self_;
  const Method* method_;
};

}  // namespace

bool has_method(const Value& self, std::string_view name) {
  return find_method(self, name) != nullptr;
}

Value bound_method(const Value& self, std::string_view name) {
  const Method* method = find_method(self, name);
  if (!method) return Value();
  return Value::object(new BoundMethod(self, method));
}

std::optional<Value> call_method(const Value& self, std::string_view name, CallArgs& args) {
  const Method* method = find_method(self, name);
  if (!method) return std::nullopt;
  return method->fn(self, args);
}

}  // namespace kiln::jinja