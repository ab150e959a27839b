#pragma once
// The values every render of one invocation shares (dbt's base context): env_var, log,
// print, return, exceptions, fromjson/tojson, fromyaml/toyaml, zip, set, local_md5,
// invocation_id, run_started_at, dbt_version, target, api, modules, flags.

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "jinja/value.h"

namespace kiln::compile {

// Where `log()` and `print()` go: info=true messages are shown on the console, the rest
// only in the debug log.
using LogSink = std::function<void(std::string_view message, bool info)>;

struct InvocationInfo {
  std::string invocation_id;
  std::string run_started_at;  // ISO-8601 UTC
  std::string dbt_version = "1.10.0";
  std::string project_name;
  nlohmann::ordered_json target = nlohmann::ordered_json::object();  // the `target` variable
  nlohmann::ordered_json flags = nlohmann::ordered_json::object();   // FULL_REFRESH, WHICH, ...
  char quote_character = '"';
  LogSink log;
};

// A Dict of the shared values.
jinja::Value make_invocation_values(const InvocationInfo& info);

// env_var(name, default): the process environment, as dbt reads it. Exposed for YAML
// rendering, which uses the same function.
jinja::Value make_env_var_function();

// exceptions.raise_compiler_error(msg) and friends throw this kind of error, so callers
// can tell a user's raised error from an engine error.
inline constexpr std::string_view kCompilerErrorPrefix = "Compilation Error";

}  // namespace kiln::compile
