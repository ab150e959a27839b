// kiln: the command-line entry point. It parses flags and hands over to one command
// function; the commands read like the pipeline in ARCHITECTURE.md.
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/flags.h"
#include "cli/run_events.h"
#include "cli/session.h"
#include "compile/compiler.h"

namespace {

using namespace kiln::cli;

constexpr const char* kVersion = "0.1.0";

// dbt's precedence (events/logging.py): --quiet, then --debug, then --log-level.
ConsoleOptions console_options(const Flags& flags) {
  ConsoleOptions options;
  options.format = flags.log_format == "json"    ? LineFormat::Json
                   : flags.log_format == "debug" ? LineFormat::Debug
                                                 : LineFormat::Text;
  if (flags.quiet) {
    options.level = LogLevel::Error;
  } else if (flags.debug) {
    options.level = LogLevel::Debug;
  } else if (flags.log_level == "none") {
    options.level = std::nullopt;
  } else {
    options.level = parse_level(flags.log_level);
  }
  options.progress = options.format == LineFormat::Text && is_progress_terminal(stdout);
  options.width = options.progress ? terminal_width(stdout) : 80;
  return options;
}

int run_command(const Flags& flags, Console& console) {
  const std::string& c = flags.command;
  if (c == "build" || c == "run" || c == "seed" || c == "test")
    return command_build(flags, console);
  if (c == "compile" || c == "parse") return command_compile(flags, console);
  if (c == "ls") return command_ls(flags, console);
  if (c == "show") return command_show(flags, console);
  if (c == "run-operation") return command_run_operation(flags, console);
  if (c == "debug") return command_debug(flags, console);
  if (c == "clean") return command_clean(flags, console);
  if (c == "state") return command_state(flags, console);
  if (c == "source freshness") return command_source_freshness(flags, console);
  console.error("kiln: unknown command '" + c + "'");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int exit_code = 0;
  std::optional<Flags> flags = parse_flags(argc, argv, exit_code);
  if (!flags) return exit_code;
  Console console(console_options(*flags));
  console.set_invocation_id(new_invocation_id());
  console.fire(main_report_version(kVersion));
  try {
    return run_command(*flags, console);
  } catch (const kiln::compile::CompileError& e) {
    for (const auto& problem : e.problems())
      console.error(problem);
    console.error("Encountered " + std::to_string(e.problems().size()) +
                  (e.problems().size() == 1 ? " error" : " errors") +
                  " while parsing the project.");
    return 2;
  } catch (const std::exception& e) {
    // dbt's MainEncounteredError (Z002).
    console.fire({"MainEncounteredError",
                  "Z002",
                  LogLevel::Error,
                  std::string("Encountered an error:\n") + e.what(),
                  {{"exc", e.what()}}});
    return 2;
  }
}
