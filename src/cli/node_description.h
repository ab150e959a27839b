#pragma once
// How dbt names a node in its console lines: "sql view model main.stg_wizards",
// "seed file main.wand_woods", "test not_null_stg_wizards_wizard_id".

#include <string>

#include "compile/parsed_node.h"
#include "run/node_result.h"

namespace kiln::cli {

std::string node_description(const compile::ParsedNode& node);
// "OK created sql view model main.x", "PASS not_null_x", "ERROR creating sql table model ..."
std::string result_message(const compile::ParsedNode& node, const run::NodeResult& result);
// "[OK in 0.02s]", "[PASS in 0.01s]", "[FAIL 2 in 0.01s]", "[INSERT 5 in 0.04s]"
std::string result_status(const run::NodeResult& result);

}  // namespace kiln::cli
