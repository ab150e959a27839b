#pragma once
// The command line, as dbt spells it: `kiln <command> [flags]`. Flags fall back to dbt's
// environment variables (DBT_PROJECT_DIR, DBT_PROFILES_DIR, DBT_TARGET_PATH).

#include <optional>
#include <string>
#include <vector>

namespace kiln::cli {

struct Flags {
  std::string command;  // build, run, seed, test, compile, parse, ls, show, run-operation, ...
  std::string project_dir = ".";
  std::optional<std::string> profiles_dir;
  std::optional<std::string> target;
  std::optional<std::string> target_path;
  std::vector<std::string> select;
  std::vector<std::string> exclude;
  std::string selector;
  std::vector<std::string> resource_types;
  std::vector<std::string> exclude_resource_types;
  std::string indirect_selection = "eager";
  std::optional<int> threads;
  std::string vars;  // YAML or JSON dict text
  bool full_refresh = false;
  bool fail_fast = false;
  bool state_agnostic = false;      // build every selected node (state is still recorded)
  bool dry_run = false;             // decide and print, build nothing
  std::string log_format = "text";  // text | default | json | debug
  std::string log_level = "info";   // debug | info | warn | error | none
  bool debug = false;               // --debug: log_level debug
  bool quiet = false;               // --quiet: errors and PrintEvent output only
  std::string output = "text";      // ls: text | json | name | path | selector; state: text | json
  std::string output_path;          // source freshness: sources.json's path
  std::string macro;                // run-operation
  std::string args;                 // run-operation --args (YAML dict)
  std::string inline_sql;           // show --inline
  int limit = 5;                    // show --limit
};

// Parses argv. On --help/--version prints and returns nullopt with `exit_code` 0; on a usage
// error prints the problem and returns nullopt with exit code 2.
std::optional<Flags> parse_flags(int argc, char** argv, int& exit_code);

}  // namespace kiln::cli
