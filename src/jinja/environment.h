#pragma once
// The embedding API: what the dbt stages use to parse and render templates.
//
//   Environment env;                       // Jinja2's built-ins, configured as dbt does
//   env.add_filter("as_bool", ...);         // embedder additions
//   auto tpl = env.parse(source, "models/orders.sql");   // immutable, thread-safe to share
//   std::string sql = env.render(*tpl, context);         // context: a Dict or an Object
//
// Configuration as dbt uses Jinja2: a sandboxed environment with the `do` and `loopcontrols`
// extensions, default delimiters, no trim_blocks/lstrip_blocks, keep_trailing_newline=False,
// default Undefined, no autoescape.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "jinja/error.h"
#include "jinja/macro_tags.h"
#include "jinja/value.h"

namespace kiln::jinja {

class Template;  // parsed, immutable (template.h)

// What native functions, filters and tests see of the render in progress.
class CallContext {
 public:
  virtual ~CallContext() = default;
  // Calls any callable Value (a native function, a macro, an Object with call()).
  virtual Value call(const Value& callable, CallArgs args) = 0;
  virtual Value apply_filter(std::string_view name, const Value& subject, CallArgs args) = 0;
  virtual bool apply_test(std::string_view name, const Value& subject, CallArgs args) = 0;
  // A variable as the template sees it at this point (locals, then template, then globals).
  virtual Value lookup(std::string_view name) = 0;
  // Where the call happens, for error messages.
  virtual SourceLocation location() const = 0;
  // The environment rendering (for filters that need other filters or settings).
  virtual const class Environment& environment() const = 0;
};

using FilterFn = Value (*)(CallContext& ctx, const Value& subject, CallArgs& args);
using TestFn = bool (*)(CallContext& ctx, const Value& subject, CallArgs& args);

// Thrown by a native function to end the innermost macro call with a value: dbt's
// `{{ return(x) }}`. A macro call catches it and returns `value`; at the top level of a
// render it ends the render and `Environment::render_value` returns it.
struct MacroReturn {
  Value value;
};

class Environment {
 public:
  Environment();  // all of Jinja2's built-in filters, tests and globals

  void add_filter(std::string name, FilterFn fn);
  void add_test(std::string name, TestFn fn);
  void add_global(std::string name, Value value);
  // A block tag that defines a macro (macro_tags.h), for templates with the embedder's
  // own block syntax. Jinja2's own tags cannot be replaced.
  void add_macro_tag(std::string tag, MacroTag definition);

  const FilterFn* find_filter(std::string_view name) const;
  const TestFn* find_test(std::string_view name) const;
  const Value* find_global(std::string_view name) const;

  // Lexes and parses; throws Error(ErrorKind::Syntax) naming `name`, line and column.
  std::shared_ptr<const Template> parse(std::string_view source, std::string name) const;

  // Renders to text. `context` is a Dict or an Object whose get_attr/get_item answer
  // variable lookups; the environment's globals come after it. Throws Error.
  // A MacroReturn escaping to the top level (dbt's `return()` outside any macro) ends the
  // render: the text rendered so far is discarded and the result is str(value).
  std::string render(const Template& tpl, const Value& context) const;
  // Like render, but a top-level MacroReturn's value comes back as it is (a dict stays a
  // dict); without one, the rendered text as a str Value.
  Value render_value(const Template& tpl, const Value& context) const;

  // The callable Value of the top-level macro `name` of `tpl`. When called, the macro
  // body resolves free variables in `context` (dbt: the macro's package namespace and the
  // node's context). Undefined when the template has no such macro.
  Value macro(std::shared_ptr<const Template> tpl, std::string_view name,
              const Value& context) const;

  // Calls a callable outside of any render (e.g. a dbt materialization macro).
  Value call(const Value& callable, CallArgs args) const;

 private:
  std::unordered_map<std::string, FilterFn> filters_;
  std::unordered_map<std::string, TestFn> tests_;
  std::unordered_map<std::string, Value> globals_;
  MacroTags macro_tags_;
};

}  // namespace kiln::jinja
