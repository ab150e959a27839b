#pragma once
// Jinja2's default globals: range, dict, namespace, cycler, joiner, lipsum.
// range is the sandbox's range: it refuses more than 100000 items, as dbt's sandboxed
// environment does.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jinja/value.h"

namespace kiln::jinja {

// Fresh callables each time: the Environment copies them into its globals once.
std::vector<std::pair<std::string, Value>> builtin_globals();

// What namespace(...) returns: the one object whose attributes templates may assign,
// `{% set ns.count = ns.count + 1 %}`, which is how a value escapes a for loop's scope.
// Used by one render at a time, like any mutable Value.
class Namespace : public Object {
 public:
  Namespace() = default;
  explicit Namespace(Value attrs) : attrs_(std::move(attrs)) {}  // attrs: a Dict

  std::string_view type_name() const override { return "Namespace"; }
  // ns.name; Undefined when the namespace has no such attribute.
  Value get_attr(std::string_view name) const override;
  // ns['name'] reads the same attributes (Jinja2 falls back from item to attribute).
  Value get_item(const Value& key) const override;
  // `{% set ns.name = value %}`: adds or replaces, keeping first-assignment order.
  void set_attr(std::string_view name, Value value);
  // "<Namespace {'a': 1}>", as Jinja2 prints it.
  std::string repr() const override;

  // A namespace can hold itself (`{% set ns.me = ns %}`): the cycle collector (gc.h) must see
  // its attributes to free such cycles.
  bool gc_tracked() const override { return true; }
  void gc_traverse(GcVisit visit, void* context) const override {
    Value::gc_visit(attrs_, visit, context);
  }
  void gc_clear() override { attrs_ = Value::dict(); }

 private:
  Value attrs_ = Value::dict();  // a Dict, so it prints and compares as Python's dict
};

}  // namespace kiln::jinja
