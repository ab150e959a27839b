#pragma once
// The compile stage's front door. Two phases, as in dbt:
//
//   parse():   renders every node's Jinja with execute = False and no warehouse, to learn
//              what it refs, which sources it reads and what its config() calls say; then
//              resolves refs into dependencies, finalises configs and names each node's
//              relation (generate_database_name / generate_schema_name / generate_alias_name).
//   compile(): renders one node with execute = True against a warehouse connection, giving
//              the SQL to run, with ephemeral models injected as CTEs.
//
// A Compiler is built once per invocation and is safe to use from several threads at once
// (compile() of different nodes in parallel), as the run stage does.

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compile/docs_index.h"
#include "compile/invocation_values.h"
#include "compile/macro_index.h"
#include "compile/parsed_node.h"
#include "compile/render_scope.h"
#include "jinja/environment.h"
#include "project/profile.h"
#include "project/project.h"
#include "warehouse/adapter.h"

namespace kiln::compile {

// Every problem the parse phase found, each "file:line: message" as the user reads it.
class CompileError : public std::runtime_error {
 public:
  explicit CompileError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

struct CompileOptions {
  nlohmann::ordered_json cli_vars = nlohmann::ordered_json::object();  // --vars
  bool full_refresh = false;
  std::string adapter_type = "duckdb";
  std::string target_database;  // the adapter's database (target.database)
  InvocationInfo invocation;
};

class Compiler {
 public:
  Compiler(const project::Project& project, const project::Target& target, CompileOptions options);
  ~Compiler();

  Manifest parse();

  // The SQL to run for `node`, rendered against `connection` (is_incremental, run_query
  // and adapter calls see the warehouse). Throws jinja::Error (located) on failure, and
  // for a model whose materialization only a project macro implements (materializations.h).
  std::string compile(const Manifest& manifest, const ParsedNode& node, warehouse::Adapter& adapter,
                      warehouse::Connection& connection) const;

  // Renders `sql` (a hook) in the context of `node` (or the project when null).
  std::string render_hook(const Manifest& manifest, const ParsedNode* node, const std::string& sql,
                          warehouse::Adapter& adapter, warehouse::Connection& connection) const;

  // run-operation: calls macro `name` (optionally "package.name") with keyword `args`.
  jinja::Value call_macro(const Manifest& manifest, const std::string& name,
                          const nlohmann::ordered_json& args, warehouse::Adapter& adapter,
                          warehouse::Connection& connection) const;

  const MacroIndex& macros() const { return *macros_; }
  const DocsIndex& docs() const { return *docs_; }
  const jinja::Environment& jinja() const { return *jinja_; }

 private:
  struct Render;  // one render's state (node_values.cpp)
  class NodeParser;

  jinja::Value node_values(const Manifest* manifest, const ParsedNode& node,
                           const warehouse::Adapter* adapter, warehouse::Connection* connection,
                           std::shared_ptr<struct ParseCapture> capture) const;
  std::string render_node(const Manifest* manifest, const ParsedNode& node, const std::string& code,
                          warehouse::Adapter* adapter, warehouse::Connection* connection,
                          std::shared_ptr<struct ParseCapture> capture) const;
  void name_relation(ParsedNode& node) const;
  void resolve_dependencies(Manifest& manifest, std::vector<std::string>& problems) const;
  std::string inject_ephemeral_ctes(const Manifest& manifest, const ParsedNode& node,
                                    const std::string& sql, warehouse::Adapter& adapter,
                                    warehouse::Connection& connection) const;

  const project::Project& project_;
  const project::Target& target_;
  CompileOptions options_;
  std::unique_ptr<jinja::Environment> jinja_;
  std::unique_ptr<MacroIndex> macros_;
  std::unique_ptr<DocsIndex> docs_;
  std::shared_ptr<RenderEnvironment> render_env_;
};

}  // namespace kiln::compile
