#include "jinja/loop.h"

#include "jinja/error.h"

namespace kiln::jinja {

namespace {

// A bound method of a loop: holding the loop Value keeps the loop alive.
Value loop_method(const LoopObject& loop, std::string name) {
  Value self = Value::object(const_cast<LoopObject*>(&loop));
  if (name == "cycle") {
    return Value::function(std::move(name), [self](CallContext&, CallArgs& args) {
      return static_cast<const LoopObject&>(self.as_object()).cycle(args);
    });
  }
  return Value::function(std::move(name), [self](CallContext&, CallArgs& args) {
    return Value::boolean(static_cast<const LoopObject&>(self.as_object()).changed(args));
  });
}

int64_t as_int(size_t n) {
  return static_cast<int64_t>(n);
}

}  // namespace

// The interpreter may walk past items_ when the body appends to the list it loops over;
// counts stay signed and item lookups stay in range.
Value LoopObject::get_attr(std::string_view name) const {
  size_t length = items_.size();
  if (name == "index") return Value::integer(as_int(index_ + 1));
  if (name == "index0") return Value::integer(as_int(index_));
  if (name == "revindex") return Value::integer(as_int(length) - as_int(index_));
  if (name == "revindex0") return Value::integer(as_int(length) - as_int(index_) - 1);
  if (name == "first") return Value::boolean(index_ == 0);
  if (name == "last") return Value::boolean(index_ + 1 == length);
  if (name == "length") return Value::integer(as_int(length));
  if (name == "depth") return Value::integer(as_int(depth_));
  if (name == "depth0") return Value::integer(as_int(depth_ - 1));
  if (name == "previtem") {
    if (index_ == 0 || index_ > length) {
      return Value::undefined_with_hint("previtem", "there is no previous item");
    }
    return items_[index_ - 1];
  }
  if (name == "nextitem") {
    if (index_ + 1 >= length)
      return Value::undefined_with_hint("nextitem", "there is no next item");
    return items_[index_ + 1];
  }
  if (name == "cycle" || name == "changed") return loop_method(*this, std::string(name));
  return Value::undefined_with_hint(
      name, "'LoopContext object' has no attribute '" + std::string(name) + "'");
}

Value LoopObject::call(CallContext& ctx, CallArgs args) const {
  if (!recurse_) {
    throw Error(ErrorKind::Type,
                "The loop must have the 'recursive' marker to be called recursively.");
  }
  if (args.positional.size() != 1 || !args.keyword.empty()) {
    throw Error(ErrorKind::Type, "loop() takes exactly one argument, the items to loop over");
  }
  return recurse_(ctx, args.positional.front(), depth_ + 1);
}

std::string LoopObject::repr() const {
  return "<LoopContext " + std::to_string(index_ + 1) + "/" + std::to_string(items_.size()) + ">";
}

Value LoopObject::cycle(const CallArgs& args) const {
  if (args.positional.empty()) throw Error(ErrorKind::Type, "no items for cycling given");
  return args.positional[index_ % args.positional.size()];
}

bool LoopObject::changed(const CallArgs& args) const {
  const std::vector<Value>& now = args.positional;
  bool same = has_last_changed_ && now.size() == last_changed_.size();
  for (size_t i = 0; same && i < now.size(); ++i)
    same = now[i].equals(last_changed_[i]);
  if (same) return false;
  last_changed_ = now;
  has_last_changed_ = true;
  return true;
}

}  // namespace kiln::jinja
