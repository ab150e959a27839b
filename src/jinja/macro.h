#pragma once
// A macro as a callable Value: `{% macro m(a, b=1) %}` and the `caller` of a call block.
// Calling it binds arguments as Jinja2 does, renders the body in a fresh scope and returns
// the text (a plain str: dbt's environment does not autoescape). A native function that
// throws MacroReturn (dbt's `return()`) ends the call with that value instead.
//
// A macro keeps alive what it needs after the render that made it: its template (the AST
// and the source its names point into) and the render's root scope, where it resolves free
// names when called, as Jinja2 resolves them in the template's context.

#include <memory>
#include <string>

#include "jinja/ast.h"
#include "jinja/scope.h"
#include "jinja/value.h"

namespace kiln::jinja {

class Interpreter;
class Template;

class Macro final : public Object {
 public:
  // `defined_in` is the scope the definition ran in; nullptr at the template's top level,
  // where names resolve at call time in the root. Otherwise the macro reads that scope
  // while it exists (so it sees variables set after the definition, as in Jinja2), and a
  // copy of what was visible there once it is gone.
  Macro(std::shared_ptr<const Template> tpl, const ast::MacroDefinition& definition,
        std::shared_ptr<RootScope> root, const Scope* defined_in);

  std::string_view type_name() const override { return "Macro"; }
  Value get_attr(std::string_view name) const override;
  bool is_callable() const override { return true; }
  Value call(CallContext& ctx, CallArgs args) const override;
  std::string repr() const override { return "<Macro '" + std::string(definition_.name) + "'>"; }

 private:
  void bind_arguments(Interpreter& interpreter, Scope& frame, CallArgs& args) const;
  void bind_extra_arguments(Scope& frame, CallArgs& args, bool found_caller) const;

  std::shared_ptr<const Template> template_;
  const ast::MacroDefinition& definition_;
  std::shared_ptr<RootScope> root_;
  const Scope* defined_in_;                       // nullptr at the top level
  std::shared_ptr<const bool> defined_in_alive_;  // whether defined_in_ still exists
  Scope closure_;  // the variables visible where it was defined, for after that scope ends
};

}  // namespace kiln::jinja
