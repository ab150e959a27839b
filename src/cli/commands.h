#pragma once
// One function per command; each returns the process exit code as dbt does: 0 success,
// 1 a node failed, 2 a usage, project or compilation error.

#include "cli/console.h"
#include "cli/flags.h"

namespace kiln::cli {

int command_build(const Flags& flags, Console& console);    // build, run, seed, test
int command_compile(const Flags& flags, Console& console);  // compile, parse
int command_ls(const Flags& flags, Console& console);
int command_show(const Flags& flags, Console& console);
int command_run_operation(const Flags& flags, Console& console);
int command_debug(const Flags& flags, Console& console);
int command_clean(const Flags& flags, Console& console);
int command_state(const Flags& flags, Console& console);             // the state store's records
int command_source_freshness(const Flags& flags, Console& console);  // sources.json

}  // namespace kiln::cli
