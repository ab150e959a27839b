#pragma once
// ref(), source() and var() as dbt resolves them.
//
// ref('name') looks in the root project, then the calling node's package, then any package;
// ref('package', 'name') only in that package; a version (ref('m', v=2)) picks that version,
// else the latest. source('src', 'table') finds the source table in any package, root first.

#include <string>

#include <nlohmann/json.hpp>

#include "compile/parsed_node.h"
#include "jinja/value.h"
#include "project/project.h"
#include "warehouse/relation.h"

namespace kiln::compile {

// ref's arguments: ('name'), ('package', 'name'), with v= / version= keywords.
RefCall parse_ref_args(jinja::CallArgs& args);

const ParsedNode* resolve_ref(const Manifest& manifest, const std::string& calling_package,
                              const RefCall& ref);
const project::Source* find_source(const project::Project& project, const SourceCall& call);

std::string ref_not_found_message(const ParsedNode& node, const RefCall& ref);
std::string source_not_found_message(const ParsedNode& node, const SourceCall& call);
[[noreturn]] void throw_ref_not_found(const RefCall& ref);
[[noreturn]] void throw_source_not_found(const SourceCall& call);

// The relation a node is built as (or a source is read from). Ephemeral models are CTEs:
// __dbt__cte__<name>, unquoted and without database or schema.
warehouse::Relation relation_of(const ParsedNode& node);
std::string ephemeral_cte_name(const std::string& model_name);

// The vars a node of `package` sees (project vars, package blocks, --vars).
nlohmann::ordered_json vars_for_node(const project::Project& project, const std::string& package,
                                     const nlohmann::ordered_json& cli_vars);
// var(name, default): dbt's error when neither exists names the var and the node.
jinja::Value make_var_function(nlohmann::ordered_json vars, std::string node_id);

}  // namespace kiln::compile
