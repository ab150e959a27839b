#include "compile/python_args.h"
#include "compile/python_re_objects.h"
#include "compile/python_re_translate.h"
#include "jinja/dict.h"
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

// Python's lastindex: the group that closed last. A group ending later closed later; of
// groups ending together, one starting later is a sibling that came after, and one
// starting at the same place encloses the other, so the lower number (the outer) wins.
std::optional<size_t> last_closed_group(const GroupSpans& spans) {
  std::optional<size_t> best;
  for (size_t i = 1; i < spans.size(); ++i) {
    if (spans[i].first < 0) continue;
    if (!best || spans[i].second > spans[*best].second ||
        (spans[i].second == spans[*best].second && spans[i].first > spans[*best].first)) {
      best = i;
    }
  }
  return best;
}

Value span_tuple(const std::pair<long, long>& span) {
  return Value::tuple({Value::integer(span.first), Value::integer(span.second)});
}

}  // namespace

size_t MatchObject::group_number(const Value& which) const {
  if (which.is_string()) {
    if (auto number = regex_->group_number(which.as_string())) return *number;
  } else if ((which.is_int() && which.int_fits_int64()) || which.is_bool()) {
    int64_t n = int_argument(which);
    if (n >= 0 && static_cast<size_t>(n) <= regex_->group_count) return static_cast<size_t>(n);
  }
  throw Error(ErrorKind::Index, "no such group");
}

Value MatchObject::group(size_t number, const Value& fallback) const {
  auto [start, end] = spans_[number];
  if (start < 0) return fallback;
  return Value::string(narrow(std::wstring_view(subject_->wide).substr(start, end - start)));
}

Value MatchObject::get_item(const Value& key) const {
  return group(group_number(key), Value::none());
}

std::string MatchObject::repr() const {
  return "<re.Match object; span=(" + std::to_string(spans_[0].first) + ", " +
         std::to_string(spans_[0].second) + "), match=" + group(0, Value::none()).repr() + ">";
}

Value MatchObject::get_attr(std::string_view name) const {
  if (name == "string") return Value::string(subject_->text);
  if (name == "re") return Value::object(new PatternObject(regex_));
  if (name == "pos") return Value::integer(static_cast<int64_t>(pos_));
  if (name == "endpos") return Value::integer(static_cast<int64_t>(endpos_));
  if (name == "lastindex" || name == "lastgroup") {
    auto last = last_closed_group(spans_);
    if (!last) return Value::none();
    if (name == "lastindex") return Value::integer(static_cast<int64_t>(*last));
    for (const auto& [group_name, number] : regex_->group_names) {
      if (number == *last) return Value::string(group_name);
    }
    return Value::none();
  }
  return method(name);
}

Value MatchObject::method(std::string_view name) const {
  // The methods keep the match alive through a Value of it.
  Value held = Value::object(const_cast<MatchObject*>(this));
  auto self = [held]() -> const MatchObject& {
    return static_cast<const MatchObject&>(held.as_object());
  };
  if (name == "group") {
    return Value::function("group", [self](CallContext&, CallArgs& args) {
      if (!args.keyword.empty()) throw Error(ErrorKind::Type, "group() takes no keyword arguments");
      if (args.positional.empty()) return self().group(0, Value::none());
      std::vector<Value> groups;
      for (const Value& which : args.positional) {
        groups.push_back(self().group(self().group_number(which), Value::none()));
      }
      return groups.size() == 1 ? groups[0] : Value::tuple(std::move(groups));
    });
  }
  if (name == "groups") {
    return Value::function("groups", [self](CallContext&, CallArgs& args) {
      BoundArgs bound("groups", args, {"default"});
      Value fallback = bound.get_or(0, Value::none());
      std::vector<Value> groups;
      for (size_t i = 1; i <= self().regex().group_count; ++i)
        groups.push_back(self().group(i, fallback));
      return Value::tuple(std::move(groups));
    });
  }
  if (name == "groupdict") {
    return Value::function("groupdict", [self](CallContext&, CallArgs& args) {
      BoundArgs bound("groupdict", args, {"default"});
      Value fallback = bound.get_or(0, Value::none());
      Value dict = Value::dict();
      for (const auto& [group_name, number] : self().regex().group_names) {
        dict.as_dict().set(group_name, self().group(number, fallback));
      }
      return dict;
    });
  }
  if (name == "start" || name == "end" || name == "span") {
    std::string which(name);
    return Value::function(which, [self, which](CallContext&, CallArgs& args) {
      BoundArgs bound(which, args, {"group"});
      size_t number = bound.has(0) ? self().group_number(bound.get(0)) : 0;
      const auto& span = self().spans_[number];
      if (which == "span") return span_tuple(span);
      return Value::integer(which == "start" ? span.first : span.second);
    });
  }
  if (name == "expand") {
    return Value::function("expand", [self](CallContext&, CallArgs& args) {
      BoundArgs bound("expand", args, {"template"}, 1);
      return Value::string(expand_template(string_argument(bound.get(0), "expand"), self()));
    });
  }
  return Value::undefined();
}

}  // namespace kiln::compile
