#include "compile/render_scope.h"

#include "jinja/dict.h"
#include "jinja/error.h"

namespace kiln::compile {

using jinja::Value;

namespace {

// `dbt_utils.` and `dbt.`: a package's macros by name. Names starting with '_' are reached
// here as items too (the sandbox hides such attributes), since dbt's own macros call
// private helpers like dbt._split_part_negative.
class PackageNamespace : public jinja::Object {
 public:
  PackageNamespace(const RenderScope& scope, std::string package)
      : scope_(scope.environment(), scope.package(), scope.node_values()),
        package_(std::move(package)) {
    scope_.retain();  // lives inside this object, never owned by a Value
  }
  std::string_view type_name() const override { return "namespace"; }
  Value get_attr(std::string_view name) const override {
    const MacroDefinition* def = scope_.environment()->macros->find(package_, name);
    return def ? scope_.macro_value(*def) : Value::undefined();
  }
  Value get_item(const Value& key) const override {
    return key.is_string() ? get_attr(key.as_string()) : Value::undefined();
  }
  std::string repr() const override { return "<namespace " + package_ + ">"; }

 private:
  RenderScope scope_;
  std::string package_;
};

// `builtins`: the node's and the invocation's values without macros in front of them.
class BuiltinsObject : public jinja::Object {
 public:
  BuiltinsObject(Value node_values, Value invocation_values)
      : node_values_(std::move(node_values)), invocation_values_(std::move(invocation_values)) {}
  std::string_view type_name() const override { return "dict"; }
  Value get_attr(std::string_view name) const override {
    if (const Value* v = node_values_.as_dict().find(name)) return *v;
    if (const Value* v = invocation_values_.as_dict().find(name)) return *v;
    return Value::undefined(name);
  }
  Value get_item(const Value& key) const override {
    return key.is_string() ? get_attr(key.as_string()) : Value::undefined();
  }

 private:
  Value node_values_;
  Value invocation_values_;
};

std::vector<std::string> search_packages(const RenderEnvironment& env,
                                         const std::string& calling_package,
                                         const Value& macro_namespace) {
  if (!macro_namespace.is_string()) return {calling_package};
  const std::string& ns = macro_namespace.as_string();
  for (const auto& entry : env.dispatch) {
    if (entry.value("macro_namespace", "") == ns && entry.contains("search_order")) {
      std::vector<std::string> order;
      for (const auto& p : entry["search_order"])
        order.push_back(p.get<std::string>());
      return order;
    }
  }
  // dbt searches the root project first, so a project overrides any package's
  // dispatched implementation, then the namespace itself.
  std::vector<std::string> order{env.macros->root_package()};
  if (ns != env.macros->root_package()) order.push_back(ns);
  return order;
}

}  // namespace

RenderScope::RenderScope(std::shared_ptr<const RenderEnvironment> env, std::string package,
                         Value node_values)
    : env_(std::move(env)), package_(std::move(package)), node_values_(std::move(node_values)) {}

Value RenderScope::make(std::shared_ptr<const RenderEnvironment> env, std::string package,
                        Value node_values) {
  return Value::object(new RenderScope(std::move(env), std::move(package), std::move(node_values)));
}

Value RenderScope::macro_value(const MacroDefinition& definition) const {
  Value scope = definition.package == package_
                    ? Value::object(new RenderScope(env_, package_, node_values_))
                    : make(env_, definition.package, node_values_);
  return env_->jinja->macro(definition.file, definition.name, scope);
}

Value RenderScope::get_attr(std::string_view name) const {
  if (const MacroDefinition* def = env_->macros->resolve(package_, name)) {
    return macro_value(*def);
  }
  return value_named(name);
}

Value RenderScope::get_item(const Value& key) const {
  return key.is_string() ? get_attr(key.as_string()) : Value::undefined();
}

Value RenderScope::value_named(std::string_view name) const {
  if (const Value* v = node_values_.as_dict().find(name)) return *v;
  if (const Value* v = env_->invocation_values.as_dict().find(name)) return *v;
  if (env_->macros->has_package(name)) {
    return Value::object(new PackageNamespace(*this, std::string(name)));
  }
  if (name == "__kiln_scope__") {  // how adapter.dispatch finds the calling package
    return Value::object(const_cast<RenderScope*>(this));
  }
  if (name == "builtins") {
    return Value::object(new BuiltinsObject(node_values_, env_->invocation_values));
  }
  return Value::undefined(name);
}

Value RenderScope::dispatch(std::string_view macro_name, const Value& macro_namespace) const {
  std::vector<std::string> searched;
  const std::string prefixes[] = {env_->adapter_type, "default"};
  for (const std::string& package : search_packages(*env_, package_, macro_namespace)) {
    for (const std::string& prefix : prefixes) {
      std::string candidate = prefix + "__" + std::string(macro_name);
      const MacroDefinition* def = macro_namespace.is_string()
                                       ? env_->macros->find(package, candidate)
                                       : env_->macros->resolve(package, candidate);
      if (def) return macro_value(*def);
      searched.push_back("'" + (macro_namespace.is_string() ? package + "." : "") + candidate +
                         "'");
    }
  }
  std::string list;
  for (size_t i = 0; i < searched.size(); ++i)
    list += (i ? ", " : "") + searched[i];
  throw jinja::Error(jinja::ErrorKind::Runtime,
                     "In dispatch: No macro named '" + std::string(macro_name) +
                         "' found within namespace: '" +
                         (macro_namespace.is_string() ? macro_namespace.as_string() : package_) +
                         "'\n    Searched for: " + list);
}

}  // namespace kiln::compile
