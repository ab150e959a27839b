#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/error.h"
#include "project/render.h"

namespace kiln::project {

struct ProjectConfig;

// One output of a profile: the warehouse connection a run uses. `fields` keeps every
// key of the output as rendered (adapters read their own); the typed members are the
// ones Kiln's adapters and the `target` Jinja variable use.
struct Target {
  std::string profile_name;
  std::string target_name;
  std::string type;  // "duckdb", "postgres", ...
  int threads = 1;   // dbt's default when an output does not say
  std::optional<std::string> schema;
  std::optional<std::string> database;
  std::optional<std::string> path;  // DuckDB file
  std::optional<std::string> host;
  std::optional<int> port;
  std::optional<std::string> user;
  std::optional<std::string> password;
  std::optional<std::string> dbname;
  nlohmann::ordered_json extensions = nlohmann::ordered_json::array();
  nlohmann::ordered_json settings = nlohmann::ordered_json::object();
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();

  std::filesystem::path profiles_file;  // empty for Kiln's default target
  bool is_default = false;              // true when no profiles.yml was found
};

// Where to look for profiles.yml, in dbt's order: --profiles-dir, then
// DBT_PROFILES_DIR, then the project folder, then the current directory (dbt's own
// default), then ~/.dbt.
struct ProfileSearch {
  std::optional<std::filesystem::path> profiles_dir_flag;
  std::optional<std::filesystem::path> profiles_dir_env;  // DBT_PROFILES_DIR
  std::filesystem::path project_dir;
  std::filesystem::path current_dir;
  std::optional<std::filesystem::path> home_dir;

  // Fills the env and home fields from the process environment.
  static ProfileSearch from_environment(std::filesystem::path project_dir,
                                        std::optional<std::filesystem::path> flag);
};

// The profiles.yml to read, or nullopt when there is none in the implicit places.
// A --profiles-dir or DBT_PROFILES_DIR that holds no profiles.yml is an error: the
// user named that folder.
std::optional<std::filesystem::path> find_profiles_yml(const ProfileSearch& search);

// Reads the target the project runs against. `profile_name` is dbt_project.yml's
// `profile:`; `target_override` is --target. The target name comes from the override,
// else the profile's `target:` (rendered), else "default"; only the chosen output is
// rendered, so env vars used by other outputs need not be set (as in dbt).
Target load_target(const std::filesystem::path& profiles_file, const std::string& profile_name,
                   const std::optional<std::string>& target_override, const RenderValue& render);

// Kiln's target when there is no profiles.yml (or the project names no profile): a
// DuckDB file `<project name>.duckdb` in the project folder, schema "main", target
// "dev", 1 thread.
Target default_duckdb_target(const ProjectConfig& project);

// The whole lookup: finds profiles.yml and reads the project's target, or falls back
// to default_duckdb_target when there is no profiles.yml or no `profile:` in the project.
Target resolve_target(const ProjectConfig& project, const ProfileSearch& search,
                      const std::optional<std::string>& target_override, const RenderValue& render);

}  // namespace kiln::project
