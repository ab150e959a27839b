#include "compile/python_re.h"

#include "compile/python_args.h"
#include "compile/python_namespace_objects.h"
#include "compile/python_re_objects.h"
#include "compile/python_re_translate.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

namespace {

using Members = std::map<std::string, Value, std::less<>>;

// re's functions take a pattern string or a compiled Pattern.
std::shared_ptr<const CompiledRegex> pattern_argument(const Value& pattern, const Value& flags) {
  int flag_bits = flags.is_undefined() ? 0 : static_cast<int>(int_argument(flags));
  if (pattern.is_object()) {
    if (auto* compiled = dynamic_cast<const PatternObject*>(&pattern.as_object())) {
      if (flag_bits != 0) {
        throw Error(ErrorKind::Value, "cannot process flags argument with a compiled pattern");
      }
      return compiled->regex();
    }
  }
  if (!pattern.is_string()) {
    throw Error(ErrorKind::Type, "first argument must be string or compiled pattern");
  }
  return compile_regex(pattern.as_string(), flag_bits);
}

// Python 3.7+'s re.escape: only characters special in a pattern get a backslash.
std::string escape(std::string_view text) {
  static constexpr std::string_view kSpecial = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  std::string out;
  for (char c : text) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

void add_searchers(Members& m) {
  auto searcher = [](std::string function, MatchMode mode) {
    return Value::function(function, [function, mode](CallContext&, CallArgs& args) {
      BoundArgs bound(function, args, {"pattern", "string", "flags"}, 2, false);
      auto regex = pattern_argument(bound.get(0), bound.get_or(2, Value()));
      std::string subject = string_argument(bound.get(1), function);
      size_t length = widen(subject).size();
      return regex_match(regex, std::move(subject), mode, 0, length);
    });
  };
  m["search"] = searcher("search", MatchMode::Search);
  m["match"] = searcher("match", MatchMode::Prefix);
  m["fullmatch"] = searcher("fullmatch", MatchMode::Full);
  for (std::string function : {"findall", "finditer"}) {
    m[function] = Value::function(function, [function](CallContext&, CallArgs& args) {
      BoundArgs bound(function, args, {"pattern", "string", "flags"}, 2, false);
      auto regex = pattern_argument(bound.get(0), bound.get_or(2, Value()));
      std::string subject = string_argument(bound.get(1), function);
      size_t length = widen(subject).size();
      return function == "findall" ? regex_findall(regex, std::move(subject), 0, length)
                                   : regex_finditer(regex, std::move(subject), 0, length);
    });
  }
}

void add_rewriters(Members& m) {
  for (std::string function : {"sub", "subn"}) {
    bool with_count = function == "subn";
    m[function] = Value::function(function, [function, with_count](CallContext& ctx,
                                                                   CallArgs& args) {
      BoundArgs bound(function, args, {"pattern", "repl", "string", "count", "flags"}, 3, false);
      auto regex = pattern_argument(bound.get(0), bound.get_or(4, Value()));
      int64_t count = bound.has(3) ? int_argument(bound.get(3)) : 0;
      return regex_sub(ctx, regex, bound.get(1), string_argument(bound.get(2), function),
                       static_cast<size_t>(std::max<int64_t>(count, 0)), with_count);
    });
  }
  m["split"] = Value::function("split", [](CallContext&, CallArgs& args) {
    BoundArgs bound("split", args, {"pattern", "string", "maxsplit", "flags"}, 2, false);
    auto regex = pattern_argument(bound.get(0), bound.get_or(3, Value()));
    int64_t maxsplit = bound.has(2) ? int_argument(bound.get(2)) : 0;
    return regex_split(regex, string_argument(bound.get(1), "split"),
                       static_cast<size_t>(std::max<int64_t>(maxsplit, 0)));
  });
  m["escape"] = Value::function("escape", [](CallContext&, CallArgs& args) {
    BoundArgs bound("escape", args, {"pattern"}, 1, false);
    return Value::string(escape(string_argument(bound.get(0), "escape")));
  });
  m["compile"] = Value::function("compile", [](CallContext&, CallArgs& args) {
    BoundArgs bound("compile", args, {"pattern", "flags"}, 1, false);
    if (bound.get(0).is_object() && dynamic_cast<const PatternObject*>(&bound.get(0).as_object())) {
      pattern_argument(bound.get(0), bound.get_or(1, Value()));  // refuses flags, as Python
      return bound.get(0);
    }
    return Value::object(
        new PatternObject(pattern_argument(bound.get(0), bound.get_or(1, Value()))));
  });
  m["purge"] = Value::function("purge", [](CallContext&, CallArgs&) { return Value::none(); });
}

void add_flags(Members& m) {
  const std::pair<const char*, int> kFlags[] = {{"IGNORECASE", re_flags::kIgnoreCase},
                                                {"I", re_flags::kIgnoreCase},
                                                {"LOCALE", re_flags::kLocale},
                                                {"L", re_flags::kLocale},
                                                {"MULTILINE", re_flags::kMultiline},
                                                {"M", re_flags::kMultiline},
                                                {"DOTALL", re_flags::kDotAll},
                                                {"S", re_flags::kDotAll},
                                                {"UNICODE", re_flags::kUnicode},
                                                {"U", re_flags::kUnicode},
                                                {"VERBOSE", re_flags::kVerbose},
                                                {"X", re_flags::kVerbose},
                                                {"ASCII", re_flags::kAscii},
                                                {"A", re_flags::kAscii},
                                                {"NOFLAG", 0}};
  for (const auto& [name, value] : kFlags)
    m[name] = Value::integer(value);
}

}  // namespace

Value make_re_module() {
  Members members;
  add_searchers(members);
  add_rewriters(members);
  add_flags(members);
  return Value::object(new PythonModule("re", std::move(members)));
}

}  // namespace kiln::compile
