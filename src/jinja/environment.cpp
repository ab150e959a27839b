#include "jinja/environment.h"

#include "jinja/filters.h"
#include "jinja/globals.h"
#include "jinja/interpreter.h"
#include "jinja/macro.h"
#include "jinja/scope.h"
#include "jinja/template.h"
#include "jinja/tests.h"

namespace kiln::jinja {

namespace {

// The CallContext of calls made outside any render (Environment::call): no template,
// no variables but the globals.
class DetachedContext final : public CallContext {
 public:
  explicit DetachedContext(const Environment& env) : env_(env) {}

  Value call(const Value& callable, CallArgs args) override {
    if (callable.is_object() && callable.as_object().is_callable()) {
      return callable.as_object().call(*this, std::move(args));
    }
    throw Error(ErrorKind::Type,
                "'" + std::string(callable.type_name()) + "' object is not callable");
  }
  Value apply_filter(std::string_view name, const Value& subject, CallArgs args) override {
    const FilterFn* filter = env_.find_filter(name);
    if (!filter) throw Error(ErrorKind::Syntax, "No filter named '" + std::string(name) + "'.");
    return (*filter)(*this, subject, args);
  }
  bool apply_test(std::string_view name, const Value& subject, CallArgs args) override {
    const TestFn* test = env_.find_test(name);
    if (!test) throw Error(ErrorKind::Syntax, "No test named '" + std::string(name) + "'.");
    return (*test)(*this, subject, args);
  }
  Value lookup(std::string_view name) override {
    const Value* global = env_.find_global(name);
    return global ? *global : Value::undefined(name);
  }
  SourceLocation location() const override { return {}; }
  const Environment& environment() const override { return env_; }

 private:
  const Environment& env_;
};

// Runs the top level of `tpl` in `root`. Macros the render defines live in the root's
// variables and hold the root themselves; clearing the variables at the end breaks that
// cycle, so a render frees everything it made (a macro that escaped the render still
// resolves names in the context and globals).
void run_template(const Template& tpl, RootScope& root, std::string& out) {
  struct ClearVars {
    RootScope& root;
    ~ClearVars() { root.vars().clear(); }
  } clear{root};
  Interpreter interpreter(root, tpl, out);
  interpreter.execute(tpl.body(), root.vars());
}

}  // namespace

Environment::Environment() {
  for (const auto& [name, fn] : builtin_filters())
    filters_.emplace(std::string(name), fn);
  for (const auto& [name, fn] : builtin_tests())
    tests_.emplace(std::string(name), fn);
  for (auto& [name, value] : builtin_globals())
    globals_.emplace(name, std::move(value));
}

void Environment::add_filter(std::string name, FilterFn fn) {
  filters_.insert_or_assign(std::move(name), fn);
}

void Environment::add_macro_tag(std::string tag, MacroTag definition) {
  macro_tags_.insert_or_assign(std::move(tag), std::move(definition));
}

void Environment::add_test(std::string name, TestFn fn) {
  tests_.insert_or_assign(std::move(name), fn);
}

void Environment::add_global(std::string name, Value value) {
  globals_.insert_or_assign(std::move(name), std::move(value));
}

const FilterFn* Environment::find_filter(std::string_view name) const {
  auto it = filters_.find(std::string(name));
  return it == filters_.end() ? nullptr : &it->second;
}

const TestFn* Environment::find_test(std::string_view name) const {
  auto it = tests_.find(std::string(name));
  return it == tests_.end() ? nullptr : &it->second;
}

const Value* Environment::find_global(std::string_view name) const {
  auto it = globals_.find(std::string(name));
  return it == globals_.end() ? nullptr : &it->second;
}

std::shared_ptr<const Template> Environment::parse(std::string_view source,
                                                   std::string name) const {
  return Template::parse(source, std::move(name), macro_tags_.empty() ? nullptr : &macro_tags_);
}

std::string Environment::render(const Template& tpl, const Value& context) const {
  auto root = std::make_shared<RootScope>(*this, context);
  std::string out;
  out.reserve(tpl.source().size());
  try {
    run_template(tpl, *root, out);
  } catch (MacroReturn& returned) {
    return returned.value.str();
  }
  return out;
}

Value Environment::render_value(const Template& tpl, const Value& context) const {
  auto root = std::make_shared<RootScope>(*this, context);
  std::string out;
  try {
    run_template(tpl, *root, out);
  } catch (MacroReturn& returned) {
    return std::move(returned.value);
  }
  return Value::string(std::move(out));
}

Value Environment::macro(std::shared_ptr<const Template> tpl, std::string_view name,
                         const Value& context) const {
  const ast::MacroDefinition* definition = tpl->find_macro(name);
  if (!definition) return Value::undefined(name);
  auto root = std::make_shared<RootScope>(*this, context);
  return Value::object(new Macro(std::move(tpl), *definition, std::move(root), nullptr));
}

Value Environment::call(const Value& callable, CallArgs args) const {
  DetachedContext context(*this);
  return context.call(callable, std::move(args));
}

}  // namespace kiln::jinja
