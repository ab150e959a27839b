#include "compile/python_args.h"
#include "compile/python_re_objects.h"
#include "compile/python_re_translate.h"
#include "jinja/dict.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

namespace {

struct SearchRange {
  size_t pos;
  size_t endpos;
};

// pos and endpos as Python clamps them: negative is 0, past the end is the end.
SearchRange search_range(const BoundArgs& bound, size_t pos_index, size_t length) {
  auto clamp = [length](int64_t n) {
    return static_cast<size_t>(std::max<int64_t>(0, std::min<int64_t>(n, length)));
  };
  size_t pos = bound.has(pos_index) ? clamp(int_argument(bound.get(pos_index))) : 0;
  size_t endpos = bound.has(pos_index + 1) && !bound.get(pos_index + 1).is_none()
                      ? clamp(int_argument(bound.get(pos_index + 1)))
                      : length;
  return {pos, endpos};
}

Value text_of(const std::wstring& wide, const std::pair<long, long>& span, const Value& fallback) {
  if (span.first < 0) return fallback;
  return Value::string(
      narrow(std::wstring_view(wide).substr(span.first, span.second - span.first)));
}

// findall's item: the whole match, the one group, or a tuple of all groups ('' if unmatched).
Value findall_item(const CompiledRegex& regex, const std::wstring& wide, const GroupSpans& spans) {
  Value empty = Value::string("");
  if (regex.group_count == 0) return text_of(wide, spans[0], empty);
  if (regex.group_count == 1) return text_of(wide, spans[1], empty);
  std::vector<Value> groups;
  for (size_t i = 1; i < spans.size(); ++i)
    groups.push_back(text_of(wide, spans[i], empty));
  return Value::tuple(std::move(groups));
}

Value pattern_method(const std::shared_ptr<const CompiledRegex>& regex, std::string_view name) {
  auto searcher = [regex](std::string function, MatchMode mode) {
    return Value::function(function, [regex, function, mode](CallContext&, CallArgs& args) {
      BoundArgs bound(function, args, {"string", "pos", "endpos"}, 1);
      std::string subject = string_argument(bound.get(0), function);
      SearchRange range = search_range(bound, 1, widen(subject).size());
      return regex_match(regex, std::move(subject), mode, range.pos, range.endpos);
    });
  };
  if (name == "search") return searcher("search", MatchMode::Search);
  if (name == "match") return searcher("match", MatchMode::Prefix);
  if (name == "fullmatch") return searcher("fullmatch", MatchMode::Full);
  if (name == "findall" || name == "finditer") {
    std::string function(name);
    return Value::function(function, [regex, function](CallContext&, CallArgs& args) {
      BoundArgs bound(function, args, {"string", "pos", "endpos"}, 1);
      std::string subject = string_argument(bound.get(0), function);
      SearchRange range = search_range(bound, 1, widen(subject).size());
      return function == "findall"
                 ? regex_findall(regex, std::move(subject), range.pos, range.endpos)
                 : regex_finditer(regex, std::move(subject), range.pos, range.endpos);
    });
  }
  if (name == "sub" || name == "subn") {
    bool with_count = name == "subn";
    std::string function(name);
    return Value::function(
        function, [regex, function, with_count](CallContext& ctx, CallArgs& args) {
          BoundArgs bound(function, args, {"repl", "string", "count"}, 2);
          int64_t count = bound.has(2) ? int_argument(bound.get(2)) : 0;
          return regex_sub(ctx, regex, bound.get(0), string_argument(bound.get(1), function),
                           static_cast<size_t>(std::max<int64_t>(count, 0)), with_count);
        });
  }
  if (name == "split") {
    return Value::function("split", [regex](CallContext&, CallArgs& args) {
      BoundArgs bound("split", args, {"string", "maxsplit"}, 1);
      int64_t maxsplit = bound.has(1) ? int_argument(bound.get(1)) : 0;
      return regex_split(regex, string_argument(bound.get(0), "split"),
                         static_cast<size_t>(std::max<int64_t>(maxsplit, 0)));
    });
  }
  return Value::undefined();
}

}  // namespace

Value PatternObject::get_attr(std::string_view name) const {
  if (name == "pattern") return Value::string(regex_->pattern);
  if (name == "flags") return Value::integer(regex_->flags);
  if (name == "groups") return Value::integer(static_cast<int64_t>(regex_->group_count));
  if (name == "groupindex") {
    Value index = Value::dict();
    for (const auto& [group_name, number] : regex_->group_names) {
      index.as_dict().set(group_name, Value::integer(static_cast<int64_t>(number)));
    }
    return index;
  }
  return pattern_method(regex_, name);
}

std::string PatternObject::repr() const {
  std::string flags = flags_repr(regex_->flags & ~re_flags::kUnicode);
  return "re.compile(" + Value::string(regex_->pattern).repr() +
         (flags.empty() ? "" : ", " + flags) + ")";
}

bool PatternObject::equals(const jinja::Object& other) const {
  auto* that = dynamic_cast<const PatternObject*>(&other);
  return that && that->regex_->pattern == regex_->pattern && that->regex_->flags == regex_->flags;
}

std::string flags_repr(int flags) {
  static const std::pair<int, const char*> kNames[] = {{re_flags::kIgnoreCase, "re.IGNORECASE"},
                                                       {re_flags::kLocale, "re.LOCALE"},
                                                       {re_flags::kMultiline, "re.MULTILINE"},
                                                       {re_flags::kDotAll, "re.DOTALL"},
                                                       {re_flags::kUnicode, "re.UNICODE"},
                                                       {re_flags::kVerbose, "re.VERBOSE"},
                                                       {re_flags::kAscii, "re.ASCII"}};
  std::string out;
  for (const auto& [bit, flag_name] : kNames) {
    if (!(flags & bit)) continue;
    if (!out.empty()) out += '|';
    out += flag_name;
  }
  return out;
}

Value regex_match(const std::shared_ptr<const CompiledRegex>& regex, std::string subject,
                  MatchMode mode, size_t pos, size_t endpos) {
  auto text = make_subject(std::move(subject));
  auto spans = find_match(*regex, text->wide, pos, endpos, mode);
  if (!spans) return Value::none();
  return Value::object(new MatchObject(regex, text, std::move(*spans), pos, endpos));
}

Value regex_findall(const std::shared_ptr<const CompiledRegex>& regex, std::string subject,
                    size_t pos, size_t endpos) {
  auto text = make_subject(std::move(subject));
  std::vector<Value> found;
  for_each_match(*regex, text->wide, pos, endpos, 0, [&](const GroupSpans& spans) {
    found.push_back(findall_item(*regex, text->wide, spans));
  });
  return Value::list(std::move(found));
}

Value regex_finditer(const std::shared_ptr<const CompiledRegex>& regex, std::string subject,
                     size_t pos, size_t endpos) {
  auto text = make_subject(std::move(subject));
  std::vector<Value> found;
  for_each_match(*regex, text->wide, pos, endpos, 0, [&](const GroupSpans& spans) {
    found.push_back(Value::object(new MatchObject(regex, text, spans, pos, endpos)));
  });
  return Value::list(std::move(found));
}

Value regex_split(const std::shared_ptr<const CompiledRegex>& regex, std::string subject,
                  size_t maxsplit) {
  auto text = make_subject(std::move(subject));
  const std::wstring& wide = text->wide;
  std::vector<Value> parts;
  long last = 0;
  for_each_match(*regex, wide, 0, wide.size(), maxsplit, [&](const GroupSpans& spans) {
    parts.push_back(text_of(wide, {last, spans[0].first}, Value::none()));
    for (size_t i = 1; i < spans.size(); ++i)
      parts.push_back(text_of(wide, spans[i], Value::none()));
    last = spans[0].second;
  });
  parts.push_back(text_of(wide, {last, static_cast<long>(wide.size())}, Value::none()));
  return Value::list(std::move(parts));
}

}  // namespace kiln::compile
