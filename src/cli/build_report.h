#pragma once
// What `kiln build | run | seed | test` reports once nodes have run: run_results.json entries,
// and dbt's end-of-run messages (task/printer.py): "Finished running ...", the summary, a
// recap of each error and warning, and the stats line.

#include <string>
#include <vector>

#include "artifacts/run_results.h"
#include "cli/console.h"
#include "compile/parsed_node.h"
#include "run/node_result.h"

namespace kiln::cli {

struct FinishedNode {
  const compile::ParsedNode* node;
  run::NodeResult result;
};

artifacts::RunResult artifact_result(const compile::ParsedNode& node, const run::NodeResult& r);

// dbt's get_counts: "1 seed, 2 table models, 4 data tests", sorted by kind.
std::string stat_line(const std::vector<const compile::ParsedNode*>& nodes);

// print_run_end_messages: the summary line, each error (and warning) with its message and
// compiled path, then "Done. PASS=...". Returns whether any node errored or failed.
bool print_run_end_messages(Console& console, const std::vector<FinishedNode>& finished,
                            bool keyboard_interrupt, const std::string& target_path);

}  // namespace kiln::cli
