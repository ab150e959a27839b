#pragma once
// on-run-start / on-run-end: the project's hooks, run in order on one connection, each
// reported with dbt's hook start and end lines ("1 of 1 START hook: proj.on-run-start.0").

#include <string>
#include <vector>

#include "cli/session.h"

namespace kiln::cli {

// Throws the first failing hook's error, after reporting it.
void run_project_hooks(Session& s, const std::vector<std::string>& hooks,
                       const std::string& hook_type);

}  // namespace kiln::cli
