// HTML and URL filters: escape/e, forceescape, safe, striptags, urlencode, urlize, xmlattr.
// Escaping follows markupsafe: & < > " ' become &amp; &lt; &gt; &#34; &#39;, and a Markup
// (safe) string is never escaped twice.
#include <fmt/format.h>

#include <regex>

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/filters_common.h"
#include "jinja/operators.h"
#include "jinja/utf8.h"

namespace kiln::jinja {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&#34;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// markupsafe.escape: Markup passes through, anything else is str()-ed and escaped.
Value escape_value(const Value& v) {
  if (v.is_string() && v.is_safe()) return v;
  return Value::string(html_escape(v.str()), true);
}

Value filter_escape(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("escape", args);
  return escape_value(v);
}

Value filter_forceescape(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("forceescape", args);
  return Value::string(html_escape(v.str()), true);
}

Value filter_safe(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("safe", args);
  if (v.is_string() && v.is_safe()) return v;
  return Value::string(v.str(), true);
}

// ---- striptags ---------------------------------------------------------------------------

// Removes every `open ... close` span, the way markupsafe does: repeatedly the first one,
// and stops at an opener with no closer.
std::string remove_spans(std::string text, std::string_view open, std::string_view close) {
  size_t start;
  while ((start = text.find(open)) != std::string::npos) {
    const size_t end = text.find(close, start);
    if (end == std::string::npos) break;
    text.erase(start, end + close.size() - start);
  }
  return text;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t pos = 0; pos < text.size();) {
    const size_t begin = pos;
    const uint32_t cp = utf8::decode(text, pos);
    if (utf8::is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(text.substr(begin, pos - begin));
  }
  return out;
}

// html.unescape for numeric references and the entities HTML text commonly carries;
// unknown names stay as written.
std::string unhtml_escape(std::string_view text) {
  static const std::pair<std::string_view, uint32_t> kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},    {"apos", '\''},
      {"nbsp", 0xA0},     {"copy", 0xA9},    {"reg", 0xAE},     {"raquo", 0xBB},  {"laquo", 0xAB},
      {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"euro", 0x20AC},
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const size_t semi = text.find(';', i);
    std::optional<uint32_t> cp;
    if (semi != std::string_view::npos && semi - i <= 32) {
      std::string_view name = text.substr(i + 1, semi - i - 1);
      if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        std::string digits(name.substr(hex ? 2 : 1));
        char* end = nullptr;
        const unsigned long n = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (!digits.empty() && *end == '\0' && n <= 0x10FFFF) cp = static_cast<uint32_t>(n);
      } else {
        for (const auto& [entity, code] : kNamed) {
          if (entity == name) cp = code;
        }
      }
    }
    if (!cp) {
      out += '&';
      continue;
    }
    utf8::append(out, *cp);
    i = semi;
  }
  return out;
}

Value filter_striptags(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("striptags", args);
  std::string text = remove_spans(v.str(), "<!--", "-->");
  text = remove_spans(std::move(text), "<", ">");
  return Value::string(unhtml_escape(collapse_whitespace(text)));
}

// ---- urlencode ---------------------------------------------------------------------------

// urllib's quote on the UTF-8 bytes: letters, digits and _.-~ stay, and '/' too unless the
// text goes into a query string, where spaces become '+'.
std::string url_quote(const Value& v, bool for_query) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : v.str()) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' ||
                            c == '~' || (c == '/' && !for_query);
    if (unreserved) {
      out += static_cast<char>(c);
    } else if (c == ' ' && for_query) {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Value filter_urlencode(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("urlencode", args);
  const bool iterable = v.is_sequence() || v.is_dict() || v.is_undefined() ||
                        (v.is_object() && v.as_object().iterate().has_value());
  if (v.is_string() || !iterable) return Value::string(url_quote(v, false));
  std::string out;
  auto append_pair = [&](const Value& key, const Value& value) {
    if (!out.empty()) out += '&';
    out += url_quote(key, true) + "=" + url_quote(value, true);
  };
  if (v.is_dict()) {
    for (const auto& entry : v.as_dict().entries())
      append_pair(entry.key, entry.value);
  } else {
    for (const Value& pair : iterate(v)) {
      std::vector<Value> kv = iterate(pair);
      if (kv.size() != 2) {
        throw Error(ErrorKind::Value, fmt::format("{} values to unpack (expected 2)",
                                                  kv.size() < 2 ? "not enough" : "too many"));
      }
      append_pair(kv[0], kv[1]);
    }
  }
  return Value::string(std::move(out));
}

// ---- xmlattr -----------------------------------------------------------------------------

Value filter_xmlattr(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("xmlattr", args, {"autospace"});
  const bool autospace = bound.get_or(0, Value::boolean(true)).truthy();
  if (!v.is_dict()) {
    throw_missing_method(v, "items");
  }
  std::string out;
  for (const auto& entry : v.as_dict().entries()) {
    if (entry.value.is_none() || entry.value.is_undefined()) continue;
    const std::string key = entry.key.str();
    // Characters that would end an HTML attribute name.
    if (key.find_first_of(" \t\n\r\f\v/>=") != std::string::npos) {
      throw Error(ErrorKind::Value, "Invalid character in attribute name: " + entry.key.repr());
    }
    if (!out.empty()) out += ' ';
    out +=
        escape_value(entry.key).as_string() + "=\"" + escape_value(entry.value).as_string() + "\"";
  }
  // Prefixing with a new string rather than out.insert(0, ...): GCC 12 at -O3 reports a
  // false -Wrestrict overlap for the insert, which -Werror turns into a failed build.
  if (autospace && !out.empty()) out = " " + out;
  return Value::string(std::move(out));
}

// ---- urlize ------------------------------------------------------------------------------

size_t count_of(std::string_view s, std::string_view needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string_view::npos; at = s.find(needle, at + 1))
    ++n;
  return n;
}

// Leading "(" "<" "&lt;" and trailing ") > . , \n &gt;" are not part of a link, except
// closers that balance an opener inside it.
void split_punctuation(std::string& head, std::string& middle, std::string& tail) {
  static const std::regex kLead(R"(^([(<]|&lt;)+)");
  static const std::regex kTrail(R"(([)>.,\n]|&gt;)+$)");
  std::smatch m;
  if (std::regex_search(middle, m, kLead)) {
    head = m.str();
    middle = middle.substr(m.length());
  }
  if (std::regex_search(middle, m, kTrail)) {
    tail = m.str();
    middle.resize(m.position());
  }
  static const std::pair<std::string_view, std::string_view> kPairs[] = {
      {"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
  for (const auto& [open, close] : kPairs) {
    const size_t opens = count_of(middle, open);
    if (opens <= count_of(middle, close)) continue;
    for (size_t moves = std::min(opens, count_of(tail, close)); moves > 0; --moves) {
      const size_t end = tail.find(close) + close.size();
      middle += tail.substr(0, end);
      tail.erase(0, end);
    }
  }
}

struct UrlizeOptions {
  std::optional<int64_t> trim_limit;
  std::string rel_attr;
  std::string target_attr;
  std::vector<std::string> extra_schemes;
};

std::string linkify(const std::string& middle, const UrlizeOptions& opt) {
  static const std::regex kHttp(
      R"(^((https?://|www\.)(([\w%-]+\.)+)?([a-z]{2,63}|xn--[\w%]{2,59})|([\w%-]{2,63}\.)+)"
      R"((com|net|int|edu|gov|org|info|mil)|(https?://)((([\d]{1,3})(\.[\d]{1,3}){3})|)"
      R"((\[([\da-f]{0,4}:){2}([\da-f]{0,4}:?){1,6}\])))(?::[\d]{1,5})?(?:[/?#]\S*)?$)",
      std::regex::icase);
  static const std::regex kEmail(R"(^\S+@\w[\w.-]*\.\w+$)");
  auto shown = [&](const std::string& url) {
    if (opt.trim_limit && static_cast<int64_t>(utf8::length(url)) > *opt.trim_limit) {
      return url.substr(0, utf8::offset_of(url, static_cast<size_t>(*opt.trim_limit))) + "...";
    }
    return url;
  };
  if (std::regex_match(middle, kHttp)) {
    const bool has_scheme = middle.starts_with("https://") || middle.starts_with("http://");
    return fmt::format(R"(<a href="{}{}"{}{}>{}</a>)", has_scheme ? "" : "https://", middle,
                       opt.rel_attr, opt.target_attr, shown(middle));
  }
  if (middle.starts_with("mailto:") && std::regex_match(middle.substr(7), kEmail)) {
    return fmt::format(R"(<a href="{}">{}</a>)", middle, middle.substr(7));
  }
  if (middle.find('@') != std::string::npos && !middle.starts_with("www.") &&
      !middle.starts_with("@") && middle.find(':') == std::string::npos &&
      std::regex_match(middle, kEmail)) {
    return fmt::format(R"(<a href="mailto:{}">{}</a>)", middle, middle);
  }
  std::string out = middle;
  for (const std::string& scheme : opt.extra_schemes) {
    if (out != scheme && out.starts_with(scheme)) {
      out = fmt::format(R"(<a href="{}"{}{}>{}</a>)", out, opt.rel_attr, opt.target_attr, out);
    }
  }
  return out;
}

UrlizeOptions urlize_options(BoundArgs& bound) {
  UrlizeOptions opt;
  const Value limit = bound.get_or(0, Value::none());
  if (!limit.is_none()) opt.trim_limit = python_index(limit);
  // rel: the given words plus "nofollow" when asked, plus the policy's "noopener", sorted.
  std::vector<std::string> rel_words = {"noopener"};
  const Value rel = bound.get_or(3, Value::none());
  if (rel.truthy()) {
    const Value words = call_method_or_throw(Value::string(rel.str()), "split");
    for (const Value& word : words.as_list()) {
      rel_words.push_back(word.as_string());
    }
  }
  if (bound.get_or(1, Value::boolean(false)).truthy()) rel_words.push_back("nofollow");
  std::sort(rel_words.begin(), rel_words.end());
  rel_words.erase(std::unique(rel_words.begin(), rel_words.end()), rel_words.end());
  std::string rel_text;
  for (const std::string& word : rel_words)
    rel_text += (rel_text.empty() ? "" : " ") + word;
  opt.rel_attr = " rel=\"" + html_escape(rel_text) + "\"";
  const Value target = bound.get_or(2, Value::none());
  if (target.truthy()) opt.target_attr = " target=\"" + html_escape(target.str()) + "\"";
  const Value schemes = bound.get_or(4, Value::none());
  if (!schemes.is_none()) {
    static const std::regex kScheme(R"(^([\w.+-]{2,}:(/){0,2})$)");
    for (const Value& scheme : iterate(schemes)) {
      std::string text = scheme.str();
      if (!std::regex_match(text, kScheme)) {
        throw Error(ErrorKind::Runtime,
                    fmt::format("{} is not a valid URI scheme prefix.", scheme.repr()));
      }
      opt.extra_schemes.push_back(std::move(text));
    }
  }
  return opt;
}

Value filter_urlize(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("urlize", args, {"trim_url_limit", "nofollow", "target", "rel", "extra_schemes"});
  const UrlizeOptions opt = urlize_options(bound);
  const std::string text = escape_value(v).as_string();
  // re.split(r"(\s+)"): words and the whitespace between them, both kept.
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    const bool space = std::isspace(static_cast<unsigned char>(text[i])) != 0;
    while (end < text.size() &&
           (std::isspace(static_cast<unsigned char>(text[end])) != 0) == space) {
      ++end;
    }
    std::string word = text.substr(i, end - i);
    if (space) {
      out += word;
    } else {
      std::string head, tail;
      split_punctuation(head, word, tail);
      out += head + linkify(word, opt) + tail;
    }
    i = end;
  }
  return Value::string(std::move(out));
}

}  // namespace

void add_html_filters(FilterList& out) {
  out.insert(out.end(), {
                            {"e", filter_escape},
                            {"escape", filter_escape},
                            {"forceescape", filter_forceescape},
                            {"safe", filter_safe},
                            {"striptags", filter_striptags},
                            {"urlencode", filter_urlencode},
                            {"urlize", filter_urlize},
                            {"xmlattr", filter_xmlattr},
                        });
}

}  // namespace kiln::jinja
