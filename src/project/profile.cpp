#include "project/profile.h"

#include <fmt/format.h>

#include <cstdlib>

#include "project/project_config.h"
#include "project/yaml_fields.h"

namespace kiln::project {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr const char* kProfilesFile = "profiles.yml";

std::optional<int> integer_field(const YamlNode& output, const char* key) {
  const YamlNode* value = output.find(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (value->is_scalar() && value->scalar.is_number_integer()) return value->scalar.get<int>();
  // env_var() renders to a string; dbt's native rendering turns "5432" into 5432.
  if (value->is_string()) {
    const std::string text = value->scalar.get<std::string>();
    try {
      size_t used = 0;
      int number = std::stoi(text, &used);
      if (used == text.size()) return number;
    } catch (const std::exception&) {
    }
  }
  throw ProjectError(value->pos,
                     fmt::format("'{}' must be a whole number, not {}", key, value->kind_name()));
}

const YamlNode& find_profile(const YamlNode& doc, const std::string& profile_name,
                             const std::string& display) {
  const YamlNode* profile = doc.find(profile_name);
  if (profile == nullptr || profile_name == "config") {
    std::string names;
    for (const auto& [key, value] : doc.entries)
      if (key != "config") names += fmt::format("\n - {}", key);
    throw ProjectError(SourcePos{display}, fmt::format("could not find profile named '{}'; the "
                                                       "profiles in this file are:{}",
                                                       profile_name, names));
  }
  require_map(*profile, fmt::format("profile '{}'", profile_name));
  return *profile;
}

std::string choose_target_name(const YamlNode& profile,
                               const std::optional<std::string>& target_override,
                               const RenderValue& render) {
  if (target_override) return *target_override;
  const YamlNode* target = profile.find("target");
  if (target == nullptr || target->is_null()) return "default";
  YamlNode rendered = *target;
  if (render) render_yaml(rendered, render, nullptr);
  return rendered.as_string("'target'");
}

const YamlNode& find_output(const YamlNode& profile, const std::string& profile_name,
                            const std::string& target_name) {
  const YamlNode* outputs = profile.find("outputs");
  if (outputs == nullptr || outputs->is_null())
    throw ProjectError(profile.pos, fmt::format("outputs not specified in profile '{}': add an "
                                                "`outputs:` mapping of targets",
                                                profile_name));
  require_map(*outputs, "'outputs'");
  const YamlNode* output = outputs->find(target_name);
  if (output == nullptr) {
    std::string names;
    for (const auto& [key, value] : outputs->entries)
      names += fmt::format("\n - {}", key);
    throw ProjectError(outputs->pos, fmt::format("the profile '{}' does not have a target named "
                                                 "'{}'; the valid target names are:{}",
                                                 profile_name, target_name, names));
  }
  require_map(*output, fmt::format("target '{}'", target_name));
  return *output;
}

Target typed_target(const YamlNode& output) {
  Target target;
  auto type = optional_string(output, "type");
  if (!type) throw ProjectError(output.pos, "this target has no 'type': add e.g. `type: duckdb`");
  target.type = *type;
  target.threads = integer_field(output, "threads").value_or(1);
  target.schema = optional_string(output, "schema");
  target.database = optional_string(output, "database");
  target.path = optional_string(output, "path");
  target.host = optional_string(output, "host");
  target.port = integer_field(output, "port");
  target.user = optional_string(output, "user");
  target.password = optional_string(output, "password");
  target.dbname = optional_string(output, "dbname");
  if (const YamlNode* ext = output.find("extensions"); ext != nullptr && !ext->is_null())
    target.extensions = ext->to_json();
  if (const YamlNode* settings = output.find("settings");
      settings != nullptr && !settings->is_null())
    target.settings = settings->to_json();
  target.fields = output.to_json();
  return target;
}

}  // namespace

ProfileSearch ProfileSearch::from_environment(fs::path project_dir, std::optional<fs::path> flag) {
  ProfileSearch search;
  search.profiles_dir_flag = std::move(flag);
  if (const char* env = std::getenv("DBT_PROFILES_DIR"); env != nullptr && *env)
    search.profiles_dir_env = fs::path(env);
  search.project_dir = std::move(project_dir);
  search.current_dir = fs::current_path();
  if (const char* home = std::getenv("HOME"); home != nullptr && *home) search.home_dir = home;
  return search;
}

std::optional<fs::path> find_profiles_yml(const ProfileSearch& search) {
  for (const auto* named : {&search.profiles_dir_flag, &search.profiles_dir_env}) {
    if (!*named) continue;
    fs::path file = **named / kProfilesFile;
    if (!fs::exists(file))
      throw ProjectError(SourcePos{file.string()},
                         fmt::format("no profiles.yml in the profiles folder {} that was asked "
                                     "for: create it or point --profiles-dir/DBT_PROFILES_DIR "
                                     "elsewhere",
                                     (*named)->string()));
    return file;
  }
  std::vector<fs::path> places = {search.project_dir, search.current_dir};
  if (search.home_dir) places.push_back(*search.home_dir / ".dbt");
  for (const auto& place : places) {
    if (place.empty()) continue;
    fs::path file = place / kProfilesFile;
    if (fs::exists(file)) return file;
  }
  return std::nullopt;
}

Target load_target(const fs::path& profiles_file, const std::string& profile_name,
                   const std::optional<std::string>& target_override, const RenderValue& render) {
  const std::string display = profiles_file.string();
  YamlDocument parsed = read_yaml_file(profiles_file, display);
  if (parsed.root.is_null())
    throw ProjectError(SourcePos{display}, "profiles.yml is empty: add a profile");
  require_map(parsed.root, "profiles.yml");
  const YamlNode& profile = find_profile(parsed.root, profile_name, display);
  std::string target_name = choose_target_name(profile, target_override, render);
  YamlNode output = find_output(profile, profile_name, target_name);
  if (render) render_yaml(output, render, nullptr);
  Target target = typed_target(output);
  target.profile_name = profile_name;
  target.target_name = target_name;
  target.profiles_file = profiles_file;
  return target;
}

Target default_duckdb_target(const ProjectConfig& project) {
  Target target;
  target.profile_name = project.profile.value_or(project.name);
  target.target_name = "dev";
  target.type = "duckdb";
  target.threads = 1;
  target.schema = "main";
  target.database = project.name;
  target.path = (project.root / (project.name + ".duckdb")).string();
  target.fields =
      Json{{"type", "duckdb"}, {"path", *target.path}, {"schema", "main"}, {"threads", 1}};
  target.is_default = true;
  return target;
}

Target resolve_target(const ProjectConfig& project, const ProfileSearch& search,
                      const std::optional<std::string>& target_override,
                      const RenderValue& render) {
  std::optional<fs::path> file = find_profiles_yml(search);
  if (!file || !project.profile) return default_duckdb_target(project);
  return load_target(*file, *project.profile, target_override, render);
}

}  // namespace kiln::project
