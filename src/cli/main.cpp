// kiln: the command-line entry point. It parses flags and hands over to one command
// function; the commands read like the pipeline in ARCHITECTURE.md.
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/flags.h"
#include "compile/compiler.h"

int main(int argc, char** argv) {
  using namespace kiln::cli;
  int exit_code = 0;
  std::optional<Flags> flags = parse_flags(argc, argv, exit_code);
  if (!flags) return exit_code;
  Console console(flags->log_format == "json");
  try {
    const std::string& c = flags->command;
    if (c == "build" || c == "run" || c == "seed" || c == "test")
      return command_build(*flags, console);
    if (c == "compile" || c == "parse") return command_compile(*flags, console);
    if (c == "ls") return command_ls(*flags, console);
    if (c == "show") return command_show(*flags, console);
    if (c == "run-operation") return command_run_operation(*flags, console);
    if (c == "debug") return command_debug(*flags, console);
    if (c == "clean") return command_clean(*flags, console);
    console.error("kiln: unknown command '" + c + "'");
    return 2;
  } catch (const kiln::compile::CompileError& e) {
    for (const auto& problem : e.problems())
      console.error(problem);
    console.error("Encountered " + std::to_string(e.problems().size()) +
                  (e.problems().size() == 1 ? " error" : " errors") +
                  " while parsing the project.");
    return 2;
  } catch (const std::exception& e) {
    console.error(e.what());
    return 2;
  }
}
