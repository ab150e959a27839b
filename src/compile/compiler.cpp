#include "compile/compiler.h"

#include <algorithm>
#include <set>

#include "compile/builtin_macros.h"
#include "compile/config_object.h"
#include "compile/cte_injection.h"
#include "compile/dbt_environment.h"
#include "compile/descriptions.h"
#include "compile/graph_object.h"
#include "compile/json_value.h"
#include "compile/materializations.h"
#include "compile/node_object.h"
#include "compile/ref_resolution.h"
#include "compile/relation_object.h"
#include "compile/warehouse_values.h"
#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/template.h"
#include "project/project_config.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

namespace {

std::string join_problems(const std::vector<std::string>& problems) {
  std::string out;
  for (const std::string& p : problems)
    out += (out.empty() ? "" : "\n") + p;
  return out;
}

std::string trim(std::string s) {
  size_t start = s.find_first_not_of(" \t\r\n");
  size_t end = s.find_last_not_of(" \t\r\n");
  return start == std::string::npos ? std::string() : s.substr(start, end - start + 1);
}

// A test argument like "ref('customers')" or "source('raw', 'orders')": dbt evaluates it.
bool is_relation_expression(const std::string& text) {
  size_t start = text.find_first_not_of(" \t");
  if (start == std::string::npos) return false;
  std::string_view rest(text.c_str() + start);
  bool call = rest.rfind("ref(", 0) == 0 || rest.rfind("source(", 0) == 0;
  size_t end = text.find_last_not_of(" \t");
  return call && text[end] == ')';
}

std::vector<MacroFile> all_macro_files(const project::Project& project) {
  std::vector<MacroFile> files = builtin_macros();
  for (const project::MacroFile& f : project.macro_files) {
    files.push_back({f.package_name, f.original_file_path, f.contents});
  }
  return files;
}

// Where an error in a node's code points: the user's file, and the line Jinja reports.
std::string locate(const project::NodeCommon& node, const std::exception& e) {
  std::string what = e.what();
  if (what.rfind(node.original_file_path, 0) == 0) return what;
  return node.original_file_path + ": " + what;
}

}  // namespace

// What a parse-phase render records about the node.
struct ParseCapture {
  std::vector<RefCall> refs;
  std::vector<SourceCall> sources;
  std::shared_ptr<ConfigCalls> config = std::make_shared<ConfigCalls>();
};

CompileError::CompileError(std::vector<std::string> problems)
    : std::runtime_error(join_problems(problems)), problems_(std::move(problems)) {}

Compiler::Compiler(const project::Project& project, const project::Target& target,
                   CompileOptions options)
    : project_(project), target_(target), options_(std::move(options)) {
  jinja_ = std::make_unique<jinja::Environment>(make_dbt_environment());
  macros_ = std::make_unique<MacroIndex>(*jinja_, all_macro_files(project), project.root.name);
  docs_ = std::make_unique<DocsIndex>(*jinja_, project.docs_files);
  auto env = std::make_shared<RenderEnvironment>();
  env->jinja = jinja_.get();
  env->macros = macros_.get();
  env->adapter_type = options_.adapter_type;
  env->dispatch = project.root.dispatch;
  env->invocation_values = make_invocation_values(options_.invocation);
  render_env_ = std::move(env);
}

Compiler::~Compiler() = default;

// ---------------------------------------------------------------------------------------
// Node values: what a template sees of the node being rendered.

Value Compiler::node_values(const Manifest* manifest, const ParsedNode& node,
                            const warehouse::Adapter* adapter, warehouse::Connection* connection,
                            std::shared_ptr<ParseCapture> capture) const {
  bool execute = connection != nullptr;
  Value values = Value::dict();
  jinja::Dict& d = values.as_dict();
  char q = options_.invocation.quote_character;
  d.set("execute", Value::boolean(execute));

  warehouse::Relation self;
  self.database = node.database.empty() ? options_.target_database : node.database;
  self.schema = node.schema.empty() ? target_.schema.value_or("main") : node.schema;
  self.identifier = node.alias.empty() ? node.name() : node.alias;
  d.set("this", RelationObject::make(self, q));
  Value model = make_node_object(node);
  d.set("model", model);
  d.set("node", model);
  d.set("graph", make_graph_object(manifest));
  d.set("config", make_config_object(node.config, capture ? capture->config : nullptr));

  std::string package = node.package();
  const project::Project* project = &project_;
  CompileOptions const* options = &options_;

  d.set("ref",
        Value::function("ref", [manifest, capture, package, self, q](CallContext&, CallArgs& args) {
          RefCall call = parse_ref_args(args);
          if (capture) {
            capture->refs.push_back(call);
            warehouse::Relation placeholder = self;
            placeholder.identifier = call.name;
            return RelationObject::make(placeholder, q);
          }
          const ParsedNode* target = resolve_ref(*manifest, package, call);
          if (!target) throw_ref_not_found(call);
          return RelationObject::make(relation_of(*target), q);
        }));
  d.set("source",
        Value::function("source", [project, manifest, capture, q](CallContext&, CallArgs& args) {
          BoundArgs bound("source", args, {"source_name", "table_name"}, 2, false);
          SourceCall call{bound.get(0).str(), bound.get(1).str()};
          if (capture) capture->sources.push_back(call);
          const project::Source* source = find_source(*project, call);
          if (!source) throw_source_not_found(call);
          if (manifest) {
            if (const ParsedNode* parsed = manifest->find(source->unique_id)) {
              return RelationObject::make(relation_of(*parsed), q);
            }
          }
          warehouse::Relation r;
          r.database = source->database.value_or("");
          r.schema = source->schema;
          r.identifier = source->identifier;
          return RelationObject::make(r, q);
        }));

  nlohmann::ordered_json vars = vars_for_node(*project, package, options->cli_vars);
  d.set("var", make_var_function(std::move(vars), node.unique_id));

  bool full_refresh = options_.full_refresh;
  if (node.config.contains("full_refresh") && node.config["full_refresh"].is_boolean()) {
    full_refresh = node.config["full_refresh"].get<bool>();
  }
  bool incremental = false;
  if (execute && node.materialized() == "incremental" && !full_refresh && adapter) {
    std::optional<warehouse::Relation> existing =
        const_cast<warehouse::Adapter*>(adapter)->get_relation(*connection, self);
    incremental = existing && existing->type == warehouse::RelationType::Table;
  }
  d.set("is_incremental", Value::function("is_incremental", [incremental](CallContext&, CallArgs&) {
          return Value::boolean(incremental);
        }));
  d.set("should_full_refresh_flag", Value::boolean(full_refresh));

  WarehouseAccess access;
  access.adapter = const_cast<warehouse::Adapter*>(adapter);
  access.connection = connection;
  access.adapter_type = options_.adapter_type;
  access.quote_character = q;
  add_warehouse_values(values, access);

  if (node.generic_test) {
    d.set("_dbt_generic_test_kwargs", Value::dict());  // filled by render_node
  }
  return values;
}

std::string Compiler::render_node(const Manifest* manifest, const ParsedNode& node,
                                  const std::string& code, warehouse::Adapter* adapter,
                                  warehouse::Connection* connection,
                                  std::shared_ptr<ParseCapture> capture) const {
  Value values = node_values(manifest, node, adapter, connection, capture);
  Value scope = RenderScope::make(render_env_, node.package(), values);
  if (node.generic_test) {
    // The test's arguments are themselves Jinja ("{{ get_where_subquery(ref('orders')) }}"),
    // rendered in the test's own context before the test macro sees them.
    Value kwargs = values.as_dict().find("_dbt_generic_test_kwargs")
                       ? *values.as_dict().find("_dbt_generic_test_kwargs")
                       : Value::dict();
    for (const auto& [key, value] : node.generic_test->kwargs.items()) {
      std::string text = value.is_string() ? value.get<std::string>() : std::string();
      if (text.find("{{") != std::string::npos || is_relation_expression(text)) {
        // `to: ref('customers')` is written without braces, yet names a relation.
        std::string code = is_relation_expression(text) ? "{{ " + text + " }}" : text;
        auto tpl = jinja_->parse(code, node.node->original_file_path);
        kwargs.as_dict().set(key, Value::string(jinja_->render(*tpl, scope)));
      } else {
        kwargs.as_dict().set(key, to_value(value));
      }
    }
  }
  auto tpl = jinja_->parse(code, node.node->original_file_path);
  return jinja_->render(*tpl, scope);
}

// ---------------------------------------------------------------------------------------
// Parse phase.

namespace {

std::string generic_test_code(const project::GenericTest& test) {
  return "{{ " + test.macro_name + "(**_dbt_generic_test_kwargs) }}";
}

ParsedNode initial_node(const project::NodeCommon& common) {
  ParsedNode node;
  node.unique_id = common.unique_id;
  node.resource_type = common.resource_type;
  node.node = &common;
  node.config = common.config.is_object() ? common.config : nlohmann::ordered_json::object();
  return node;
}

}  // namespace

Manifest Compiler::parse() {
  std::vector<std::string> problems = macros_->errors();
  problems.insert(problems.end(), docs_->errors().begin(), docs_->errors().end());
  Manifest manifest;
  manifest.root_package = project_.root.name;
  auto add = [&](ParsedNode node) {
    manifest.index[node.unique_id] = manifest.nodes.size();
    manifest.nodes.push_back(std::move(node));
  };

  auto parse_rendered = [&](const project::NodeCommon& common, const project::GenericTest* generic,
                            const project::Model* model) {
    ParsedNode node = initial_node(common);
    node.generic_test = generic;
    node.model = model;
    std::string code = generic ? generic_test_code(*generic) : common.raw_code;
    auto capture = std::make_shared<ParseCapture>();
    try {
      render_node(nullptr, node, code, nullptr, nullptr, capture);
    } catch (const jinja::Error& e) {
      problems.push_back("Compilation Error in " +
                         std::string(project::to_string(common.resource_type)) + " " + common.name +
                         " (" + common.original_file_path + ")\n  " + locate(common, e));
      return;
    } catch (const jinja::MacroReturn&) {
      // return() at the top level of a node ends its render; nothing more to capture.
    }
    try {
      node.config = project_.configs.resolve(common.resource_type, common.package_name, common.fqn,
                                             common.patch_config, capture->config->merged);
    } catch (const std::exception& e) {
      problems.push_back(common.original_file_path + ": " + e.what());
      return;
    }
    if (node.config.contains("enabled") && node.config["enabled"] == false) return;
    node.refs = std::move(capture->refs);
    node.sources = std::move(capture->sources);
    add(std::move(node));
  };

  for (const auto& model : project_.models)
    parse_rendered(model, nullptr, &model);
  for (const auto& snapshot : project_.snapshots)
    parse_rendered(snapshot, nullptr, nullptr);
  for (const auto& analysis : project_.analyses)
    parse_rendered(analysis, nullptr, nullptr);
  for (const auto& test : project_.singular_tests)
    parse_rendered(test, nullptr, nullptr);
  for (const auto& test : project_.generic_tests)
    parse_rendered(test, &test, nullptr);
  for (const auto& seed : project_.seeds)
    add(initial_node(seed));
  for (const auto& source : project_.sources) {
    ParsedNode node = initial_node(source);
    node.source = &source;
    add(std::move(node));
  }

  for (ParsedNode& node : manifest.nodes) {
    if (node.is_refable())
      manifest.refable_by_name[node.name()].push_back(manifest.index[node.unique_id]);
  }
  resolve_dependencies(manifest, problems);
  for (ParsedNode& node : manifest.nodes) {
    try {
      name_relation(node);
    } catch (const std::exception& e) {
      problems.push_back("Compilation Error in " + node.unique_id + " (" +
                         node.node->original_file_path +
                         ")\n  while naming its relation: " + e.what());
    }
  }
  DescriptionInputs description_inputs{jinja_.get(), docs_.get(), &project_, options_.cli_vars};
  for (ParsedNode& node : manifest.nodes)
    render_descriptions(node, description_inputs, problems);
  if (!problems.empty()) throw CompileError(std::move(problems));
  return manifest;
}

void Compiler::resolve_dependencies(Manifest& manifest, std::vector<std::string>& problems) const {
  for (ParsedNode& node : manifest.nodes) {
    std::set<std::string> seen;
    auto depend = [&](const std::string& id) {
      if (seen.insert(id).second) node.depends_on.push_back(id);
    };
    for (const RefCall& ref : node.refs) {
      const ParsedNode* target = resolve_ref(manifest, node.package(), ref);
      if (!target) {
        problems.push_back(ref_not_found_message(node, ref));
        continue;
      }
      depend(target->unique_id);
    }
    for (const SourceCall& call : node.sources) {
      const project::Source* source = find_source(project_, call);
      if (!source) {
        problems.push_back(source_not_found_message(node, call));
        continue;
      }
      depend(source->unique_id);
    }
  }
}

void Compiler::name_relation(ParsedNode& node) const {
  using project::ResourceType;
  if (node.resource_type == ResourceType::Source) {
    node.database = node.source->database.value_or(options_.target_database);
    node.schema = node.source->schema;
    node.alias = node.source->identifier;
    node.relation_name = relation_of(node).render(options_.invocation.quote_character);
    return;
  }
  if (node.resource_type == ResourceType::Test || node.resource_type == ResourceType::Analysis) {
    node.database = options_.target_database;
    node.schema = target_.schema.value_or("main");
    node.alias = node.name();
    return;
  }
  Value values = node_values(nullptr, node, nullptr, nullptr, nullptr);
  Value scope = RenderScope::make(render_env_, node.package(), values);
  Value model = *values.as_dict().find("model");
  auto call_naming_macro = [&](const char* macro, const char* config_key) {
    Value custom = node.config.contains(config_key) && !node.config[config_key].is_null()
                       ? to_value(node.config[config_key])
                       : Value::none();
    Value fn = scope.as_object().get_attr(macro);
    CallArgs args;
    args.positional = {custom, model};
    return trim(jinja_->call(fn, std::move(args)).str());
  };
  node.database = call_naming_macro("generate_database_name", "database");
  node.schema = call_naming_macro("generate_schema_name", "schema");
  node.alias = call_naming_macro("generate_alias_name", "alias");
  if (!node.is_ephemeral()) {
    node.relation_name = relation_of(node).render(options_.invocation.quote_character);
  }
}

// ---------------------------------------------------------------------------------------
// Compile phase.

std::string Compiler::compile(const Manifest& manifest, const ParsedNode& node,
                              warehouse::Adapter& adapter,
                              warehouse::Connection& connection) const {
  check_materialization_supported(node, *macros_, options_.adapter_type);
  std::string code =
      node.generic_test ? generic_test_code(*node.generic_test) : node.node->raw_code;
  std::string sql = render_node(&manifest, node, code, &adapter, &connection, nullptr);
  return inject_ephemeral_ctes(manifest, node, sql, adapter, connection);
}

std::string Compiler::inject_ephemeral_ctes(const Manifest& manifest, const ParsedNode& node,
                                            const std::string& sql, warehouse::Adapter& adapter,
                                            warehouse::Connection& connection) const {
  // Every ephemeral model this node reaches through other ephemerals, deepest first, each
  // once, as dbt orders its extra_ctes.
  std::vector<const ParsedNode*> ordered;
  std::set<std::string> visited;
  std::function<void(const ParsedNode&)> visit = [&](const ParsedNode& from) {
    for (const std::string& id : from.depends_on) {
      const ParsedNode* parent = manifest.find(id);
      if (!parent || !parent->is_ephemeral() || !visited.insert(id).second) continue;
      visit(*parent);
      ordered.push_back(parent);
    }
  };
  visit(node);
  if (ordered.empty()) return sql;
  std::vector<Cte> ctes;
  for (const ParsedNode* ephemeral : ordered) {
    std::string body = render_node(&manifest, *ephemeral, ephemeral->node->raw_code, &adapter,
                                   &connection, nullptr);
    ctes.push_back({ephemeral_cte_name(ephemeral->name()), body});
  }
  return inject_ctes(sql, ctes);
}

std::string Compiler::render_hook(const Manifest& manifest, const ParsedNode* node,
                                  const std::string& sql, warehouse::Adapter& adapter,
                                  warehouse::Connection& connection) const {
  if (node) return render_node(&manifest, *node, sql, &adapter, &connection, nullptr);
  ParsedNode project_node;
  project::NodeCommon common;
  common.name = project_.root.name;
  common.package_name = project_.root.name;
  common.original_file_path = "dbt_project.yml";
  common.resource_type = project::ResourceType::Model;
  project_node.node = &common;
  project_node.unique_id = "operation." + project_.root.name + ".hook";
  return render_node(&manifest, project_node, sql, &adapter, &connection, nullptr);
}

Value Compiler::call_macro(const Manifest& manifest, const std::string& name,
                           const nlohmann::ordered_json& args, warehouse::Adapter& adapter,
                           warehouse::Connection& connection) const {
  project::NodeCommon common;
  common.name = name;
  common.package_name = project_.root.name;
  common.original_file_path = "<run-operation " + name + ">";
  ParsedNode operation;
  operation.node = &common;
  operation.unique_id = "operation." + project_.root.name + "." + name;
  Value values = node_values(&manifest, operation, &adapter, &connection, nullptr);
  Value scope = RenderScope::make(render_env_, project_.root.name, values);
  const MacroDefinition* def = nullptr;
  size_t dot = name.find('.');
  if (dot != std::string::npos) {
    def = macros_->find(name.substr(0, dot), name.substr(dot + 1));
  } else {
    def = macros_->resolve(project_.root.name, name);
  }
  if (!def) {
    throw jinja::Error(jinja::ErrorKind::Runtime,
                       "Runtime Error: dbt could not find a macro with the name '" + name +
                           "' in any package. Check its spelling, or that the file defining it "
                           "is under a macro-paths folder.");
  }
  CallArgs call_args;
  for (const auto& [key, value] : args.items())
    call_args.keyword.emplace_back(key, to_value(value));
  Value fn = static_cast<const RenderScope&>(scope.as_object()).macro_value(*def);
  return jinja_->call(fn, std::move(call_args));
}

}  // namespace kiln::compile
