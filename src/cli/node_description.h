#pragma once
// How dbt names a node in its console lines: "sql view model main.stg_wizards",
// "seed file main.wand_woods", "test not_null_stg_wizards_wizard_id".

#include <string>

#include "compile/parsed_node.h"

namespace kiln::cli {

std::string node_description(const compile::ParsedNode& node);

}  // namespace kiln::cli
