#include "compile/ref_resolution.h"

#include "compile/invocation_values.h"
#include "compile/json_value.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

namespace {

[[noreturn]] void compilation_error(const std::string& message) {
  throw jinja::Error(jinja::ErrorKind::Runtime, std::string(kCompilerErrorPrefix) + ": " + message);
}

std::string version_text(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "";
  return v.is_string() ? v.get<std::string>() : v.dump();
}

bool version_matches(const ParsedNode& node, const RefCall& ref) {
  const project::Model* model = node.model;
  std::string node_version = model ? version_text(model->version) : "";
  if (!ref.version.is_null()) return node_version == version_text(ref.version);
  if (node_version.empty()) return true;
  return node_version == version_text(model->latest_version);
}

const ParsedNode* find_in(const Manifest& manifest, const std::vector<size_t>& candidates,
                          const std::string* package, const RefCall& ref) {
  for (size_t index : candidates) {
    const ParsedNode& node = manifest.nodes[index];
    if (package && node.package() != *package) continue;
    if (version_matches(node, ref)) return &node;
  }
  return nullptr;
}

}  // namespace

RefCall parse_ref_args(CallArgs& args) {
  RefCall call;
  nlohmann::ordered_json version;
  for (auto it = args.keyword.begin(); it != args.keyword.end();) {
    if (it->first == "v" || it->first == "version") {
      version = to_json(it->second);
      it = args.keyword.erase(it);
    } else {
      ++it;
    }
  }
  jinja::BoundArgs bound("ref", args, {"name", "model_name"}, 1, false);
  if (bound.has(1)) {
    call.package = bound.get(0).str();
    call.name = bound.get(1).str();
  } else {
    call.name = bound.get(0).str();
  }
  call.version = version;
  return call;
}

const ParsedNode* resolve_ref(const Manifest& manifest, const std::string& calling_package,
                              const RefCall& ref) {
  auto it = manifest.refable_by_name.find(ref.name);
  if (it == manifest.refable_by_name.end()) return nullptr;
  const std::vector<size_t>& candidates = it->second;
  if (!ref.package.empty()) return find_in(manifest, candidates, &ref.package, ref);
  // Root project first: it may shadow a package's model of the same name.
  if (const ParsedNode* root = find_in(manifest, candidates, &manifest.root_package, ref)) {
    return root;
  }
  if (const ParsedNode* local = find_in(manifest, candidates, &calling_package, ref)) return local;
  return find_in(manifest, candidates, nullptr, ref);
}

const project::Source* find_source(const project::Project& project, const SourceCall& call) {
  const project::Source* fallback = nullptr;
  for (const project::Source& source : project.sources) {
    if (source.source_name != call.source_name || source.name != call.table_name) continue;
    if (source.package_name == project.root.name) return &source;
    if (!fallback) fallback = &source;
  }
  return fallback;
}

std::string ref_not_found_message(const ParsedNode& node, const RefCall& ref) {
  std::string target =
      ref.package.empty() ? "'" + ref.name + "'" : "'" + ref.package + "." + ref.name + "'";
  return "Compilation Error\n  " + std::string(project::to_string(node.resource_type)) + " '" +
         node.unique_id + "' (" + node.node->original_file_path + ") depends on a node named " +
         target +
         (ref.version.is_null() ? "" : " with version '" + version_text(ref.version) + "'") +
         " which was not found";
}

std::string source_not_found_message(const ParsedNode& node, const SourceCall& call) {
  return "Compilation Error\n  " + std::string(project::to_string(node.resource_type)) + " '" +
         node.unique_id + "' (" + node.node->original_file_path + ") depends on a source named '" +
         call.source_name + "." + call.table_name + "' which was not found";
}

void throw_ref_not_found(const RefCall& ref) {
  compilation_error("ref('" + ref.name + "') names no model, seed or snapshot");
}

void throw_source_not_found(const SourceCall& call) {
  compilation_error("source('" + call.source_name + "', '" + call.table_name +
                    "') names no source table; declare it under `sources:` in a YAML file");
}

std::string ephemeral_cte_name(const std::string& model_name) {
  return "__dbt__cte__" + model_name;
}

warehouse::Relation relation_of(const ParsedNode& node) {
  warehouse::Relation r;
  if (node.is_ephemeral()) {
    r.identifier = ephemeral_cte_name(node.name());
    r.include_policy = {false, false, true};
    r.quote_policy = {false, false, false};
    return r;
  }
  r.database = node.database;
  r.schema = node.schema;
  r.identifier = node.alias;
  std::string m = node.materialized();
  if (node.resource_type == project::ResourceType::Source) {
    r.type = warehouse::RelationType::Table;
  } else if (m == "view") {
    r.type = warehouse::RelationType::View;
  } else if (!m.empty() || node.resource_type == project::ResourceType::Seed) {
    r.type = warehouse::RelationType::Table;
  }
  return r;
}

nlohmann::ordered_json vars_for_node(const project::Project& project, const std::string& package,
                                     const nlohmann::ordered_json& cli_vars) {
  if (package == project.root.name) {
    return project::vars_for_package(nullptr, project.root.vars, package, cli_vars);
  }
  const project::ProjectConfig* config = project.package(package);
  return project::vars_for_package(config ? config->vars : nlohmann::ordered_json(nullptr),
                                   project.root.vars, package, cli_vars);
}

Value make_var_function(nlohmann::ordered_json vars, std::string node_id) {
  return Value::function("var", [vars = std::move(vars), node_id](CallContext&, CallArgs& args) {
    jinja::BoundArgs bound("var", args, {"var_name", "default"}, 1, false);
    std::string name = bound.get(0).str();
    if (vars.is_object() && vars.contains(name)) return to_value(vars[name]);
    if (bound.has(1)) return bound.get(1);
    compilation_error("Required var '" + name + "' not found in config:\nVars supplied to " +
                      node_id + " = " + (vars.is_null() ? "{}" : vars.dump()) +
                      "\nSet it under `vars:` in dbt_project.yml or pass --vars '{" + name +
                      ": ...}'.");
  });
}

}  // namespace kiln::compile
