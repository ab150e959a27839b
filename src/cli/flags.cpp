#include "cli/flags.h"

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

namespace kiln::cli {

namespace {

constexpr const char* kVersion = "0.1.0";

void from_environment(Flags& flags) {
  if (const char* dir = std::getenv("DBT_PROJECT_DIR")) flags.project_dir = dir;
  if (const char* dir = std::getenv("DBT_PROFILES_DIR")) flags.profiles_dir = dir;
  if (const char* path = std::getenv("DBT_TARGET_PATH")) flags.target_path = path;
}

// How kiln logs; dbt takes these before or after the command name.
void add_logging(CLI::App& cmd, Flags& flags) {
  cmd.add_option("--log-format", flags.log_format, "text, json or debug")
      ->check(CLI::IsMember({"text", "json", "default", "debug"}));
  cmd.add_option("--log-level", flags.log_level, "The least severe events printed")
      ->check(CLI::IsMember({"debug", "info", "warn", "error", "none"}));
  cmd.add_flag("-d,--debug", flags.debug, "Print debug events too (--log-level debug)");
  cmd.add_flag("-q,--quiet", flags.quiet, "Print only errors and the command's output");
}

// Flags every command takes: where the project is and how to talk about it.
void add_common(CLI::App& cmd, Flags& flags) {
  cmd.add_option("--project-dir", flags.project_dir, "The folder that holds dbt_project.yml");
  cmd.add_option("--profiles-dir", flags.profiles_dir, "The folder that holds profiles.yml");
  cmd.add_option("-t,--target", flags.target, "The profile output to use");
  cmd.add_option("--target-path", flags.target_path, "Where artifacts are written (target/)");
  cmd.add_option("--vars", flags.vars, "Variables as a YAML dict, e.g. '{my_var: 1}'");
  add_logging(cmd, flags);
  cmd.add_option("--threads", flags.threads, "Models built at once");
}

void add_selection(CLI::App& cmd, Flags& flags) {
  cmd.add_option("-s,--select,-m,--models", flags.select, "Nodes to include")->expected(1, -1);
  cmd.add_option("--exclude", flags.exclude, "Nodes to leave out")->expected(1, -1);
  cmd.add_option("--selector", flags.selector, "A selector from selectors.yml");
  cmd.add_option("--resource-type,--resource-types", flags.resource_types)->expected(1, -1);
  cmd.add_option("--exclude-resource-type,--exclude-resource-types", flags.exclude_resource_types)
      ->expected(1, -1);
  cmd.add_option("--indirect-selection", flags.indirect_selection)
      ->check(CLI::IsMember({"eager", "cautious", "buildable", "empty"}));
}

void add_execution(CLI::App& cmd, Flags& flags) {
  cmd.add_flag("--full-refresh,-f", flags.full_refresh, "Rebuild incremental models from scratch");
  cmd.add_flag("--fail-fast,-x", flags.fail_fast, "Stop at the first failure");
  cmd.add_flag("--state-agnostic", flags.state_agnostic,
               "Run every selected node, changed or not (the state is still recorded)");
  cmd.add_flag("--dry-run", flags.dry_run,
               "Print what would be built or reused, and why, without running anything");
}

}  // namespace

std::optional<Flags> parse_flags(int argc, char** argv, int& exit_code) {
  Flags flags;
  from_environment(flags);
  CLI::App app{"kiln: runs dbt projects, building only what changed", "kiln"};
  app.set_version_flag("--version", std::string("kiln ") + kVersion);
  app.require_subcommand(1);
  add_logging(app, flags);

  struct Command {
    const char* name;
    const char* help;
    bool selects;
    bool executes;
  };
  const Command commands[] = {
      {"build", "Seed, run, snapshot and test the selected nodes in DAG order", true, true},
      {"run", "Build the selected models", true, true},
      {"seed", "Load the selected seeds", true, true},
      {"test", "Run the selected data tests", true, true},
      {"compile", "Write the compiled SQL of the selected nodes to target/", true, false},
      {"parse", "Read the project and write target/manifest.json", false, false},
      {"ls", "List the selected nodes", true, false},
      {"show", "Run a node's (or inline) query and print its first rows", true, false},
      {"run-operation", "Run a macro", false, false},
      {"debug", "Check the project, the profile and the connection", false, false},
      {"clean", "Delete the folders listed in clean-targets", false, false},
      {"state", "Show what the state store recorded for the selected nodes", true, false},
  };
  for (const Command& c : commands) {
    CLI::App* cmd = app.add_subcommand(c.name, c.help);
    add_common(*cmd, flags);
    if (c.selects) add_selection(*cmd, flags);
    if (c.executes) add_execution(*cmd, flags);
    std::string name = c.name;
    cmd->callback([&flags, name] { flags.command = name; });
    if (name == "state") {
      cmd->add_option("--output,-o", flags.output)->check(CLI::IsMember({"text", "json"}));
    }
    if (name == "ls") {
      cmd->add_option("--output,-o", flags.output)
          ->check(CLI::IsMember({"text", "json", "name", "path", "selector"}));
    }
    if (name == "run-operation") {
      cmd->add_option("macro", flags.macro, "The macro to run")->required();
      cmd->add_option("--args", flags.args, "Keyword arguments as a YAML dict");
    }
    if (name == "show") {
      cmd->add_option("--inline", flags.inline_sql, "A query to run instead of a node");
      cmd->add_option("--limit", flags.limit, "Rows to show");
    }
  }
  app.get_subcommand("ls")->alias("list");
  CLI::App* source = app.add_subcommand("source", "Commands about sources");
  source->require_subcommand(1);
  CLI::App* freshness = source->add_subcommand(
      "freshness", "Check how recently the selected sources were loaded (target/sources.json)");
  add_common(*freshness, flags);
  add_selection(*freshness, flags);
  freshness->add_option("--output,-o", flags.output_path, "Where to write sources.json");
  freshness->callback([&flags] { flags.command = "source freshness"; });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    exit_code = app.exit(e) == 0 ? 0 : 2;
    return std::nullopt;
  }
  exit_code = 0;
  return flags;
}

}  // namespace kiln::cli
