#pragma once
// Which resource types a command acts on is the caller's business (dbt filters after
// selecting, so `dbt run -s +orders` still walks through seeds and sources but runs only the
// models). These helpers give dbt 1.10's defaults and apply --resource-type and
// --exclude-resource-type as dbt does.

#include <string>
#include <string_view>
#include <vector>

#include "graph/dag.h"

namespace kiln::graph {

// dbt's defaults: run -> model; test -> test, unit_test; seed -> seed; snapshot -> snapshot;
// build -> model, seed, snapshot, test, unit_test, saved_query, exposure; list/ls -> model,
// snapshot, seed, test, source, exposure, metric, saved_query, semantic_model, unit_test;
// compile and docs generate -> the executable types; source freshness -> source. Throws
// SelectionError for another command.
std::vector<std::string> default_resource_types(std::string_view command);

// --resource-type values ("all" and "default" expand as in dbt) minus --exclude-resource-type,
// sorted. An empty `include` means the command's defaults. Throws SelectionError for an
// unknown type.
std::vector<std::string> resource_types_from_flags(std::string_view command,
                                                   const std::vector<std::string>& include,
                                                   const std::vector<std::string>& exclude);

NodeSet only_resource_types(const Dag& dag, const NodeSet& selected,
                            const std::vector<std::string>& resource_types);

}  // namespace kiln::graph
