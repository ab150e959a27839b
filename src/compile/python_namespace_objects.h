#pragma once
// The two kinds of namespace that the Python modules give templates: a module
// (`modules.re`) and a class (`modules.datetime.datetime`), which is also callable as its
// constructor. Both answer attributes from a fixed table of members.

#include <map>
#include <string>

#include "jinja/value.h"

namespace kiln::compile {

class PythonModule : public jinja::Object {
 public:
  PythonModule(std::string name, std::map<std::string, jinja::Value, std::less<>> members)
      : name_(std::move(name)), members_(std::move(members)) {}

  std::string_view type_name() const override { return "module"; }
  jinja::Value get_attr(std::string_view name) const override;
  std::string repr() const override { return "<module '" + name_ + "'>"; }

 private:
  std::string name_;
  std::map<std::string, jinja::Value, std::less<>> members_;
};

class PythonClass : public jinja::Object {
 public:
  // `qualified_name` is what repr shows ("datetime.datetime"); calling the class calls
  // `constructor`.
  PythonClass(std::string qualified_name, jinja::NativeFn constructor,
              std::map<std::string, jinja::Value, std::less<>> members)
      : qualified_name_(std::move(qualified_name)),
        constructor_(std::move(constructor)),
        members_(std::move(members)) {}

  std::string_view type_name() const override { return "type"; }
  jinja::Value get_attr(std::string_view name) const override;
  bool is_callable() const override { return true; }
  jinja::Value call(jinja::CallContext& ctx, jinja::CallArgs args) const override;
  std::string repr() const override { return "<class '" + qualified_name_ + "'>"; }

 private:
  std::string qualified_name_;
  jinja::NativeFn constructor_;
  std::map<std::string, jinja::Value, std::less<>> members_;
};

}  // namespace kiln::compile
