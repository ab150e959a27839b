#pragma once
// What a template can name while one node (or one run-operation) renders: dbt's context.
//
// Names resolve as in dbt. First macros: the package of the code being rendered, then the
// root project, then the internal `dbt` package (so a project's own `ref` or
// `generate_schema_name` macro wins over the built-in one). Then package names as namespaces
// (`dbt_utils.star`, `dbt.type_string`). Then the node's values (this, model, ref, source,
// config, is_incremental, ...), then the invocation's values (target, var, env_var, adapter,
// run_query, log, return, exceptions, modules, ...). `builtins` holds the last two, for
// projects that override `ref` and still call the original.
//
// A macro defined in package P renders with a RenderScope for P and the same values, which
// is how dbt gives each package its own macro namespace.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "compile/macro_index.h"
#include "jinja/environment.h"
#include "jinja/value.h"

namespace kiln::compile {

// Shared by every render of one invocation.
struct RenderEnvironment {
  const jinja::Environment* jinja = nullptr;
  const MacroIndex* macros = nullptr;
  std::string adapter_type;  // "duckdb": the first prefix adapter.dispatch tries
  // dbt_project.yml `dispatch:` [{macro_namespace, search_order}]
  nlohmann::ordered_json dispatch = nlohmann::ordered_json::array();
  jinja::Value invocation_values;  // Dict: target, var, env_var, log, ...
};

class RenderScope : public jinja::Object {
 public:
  // `node_values` is a Dict of the values particular to this render.
  RenderScope(std::shared_ptr<const RenderEnvironment> env, std::string package,
              jinja::Value node_values);

  static jinja::Value make(std::shared_ptr<const RenderEnvironment> env, std::string package,
                           jinja::Value node_values);

  std::string_view type_name() const override { return "context"; }
  jinja::Value get_attr(std::string_view name) const override;
  jinja::Value get_item(const jinja::Value& key) const override;

  // The callable for a macro definition, rendering in its own package's scope.
  jinja::Value macro_value(const MacroDefinition& definition) const;
  // adapter.dispatch(name, macro_namespace): the macro to call, searching
  // <adapter>__name then default__name in the packages dbt searches; throws
  // a compilation error naming every candidate when none exists.
  jinja::Value dispatch(std::string_view macro_name, const jinja::Value& macro_namespace) const;

  const std::string& package() const { return package_; }
  const jinja::Value& node_values() const { return node_values_; }
  const std::shared_ptr<const RenderEnvironment>& environment() const { return env_; }

 private:
  jinja::Value value_named(std::string_view name) const;

  std::shared_ptr<const RenderEnvironment> env_;
  std::string package_;
  jinja::Value node_values_;
};

}  // namespace kiln::compile
