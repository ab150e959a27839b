#pragma once
// The `loop` variable of a for loop: loop.index, loop.first, loop.cycle('a', 'b'),
// loop.changed(x), and, in a `recursive` loop, loop(children) to render the body again
// one level deeper.
//
// The interpreter owns the iteration and moves the index forward; the object owns the
// items, so a template that keeps `loop` around after the loop still reads valid data.

#include <functional>
#include <string>
#include <vector>

#include "jinja/value.h"

namespace kiln::jinja {

class LoopObject final : public Object {
 public:
  // Renders the loop body over `iterable` one level deeper; returns the text.
  using Recurse = std::function<Value(CallContext& ctx, const Value& iterable, size_t depth)>;

  LoopObject(std::vector<Value> items, size_t depth, Recurse recurse)
      : items_(std::move(items)), depth_(depth), recurse_(std::move(recurse)) {}

  const std::vector<Value>& items() const { return items_; }
  void set_index(size_t index0) { index_ = index0; }
  // After the loop ends a kept `loop` can no longer re-enter the interpreter's frame.
  void end() { recurse_ = nullptr; }

  std::string_view type_name() const override { return "LoopContext"; }
  Value get_attr(std::string_view name) const override;
  bool is_callable() const override { return true; }
  // loop(iterable): only in a `recursive` loop.
  Value call(CallContext& ctx, CallArgs args) const override;
  std::string repr() const override;

  // loop.cycle(*values): the value at this iteration's position, round robin.
  Value cycle(const CallArgs& args) const;
  // loop.changed(*values): true when the values differ from the previous call's.
  bool changed(const CallArgs& args) const;

 private:
  std::vector<Value> items_;
  size_t index_ = 0;
  size_t depth_;  // 1 for the outermost level of a recursive loop
  Recurse recurse_;
  mutable std::vector<Value> last_changed_;
  mutable bool has_last_changed_ = false;
};

}  // namespace kiln::jinja
