#include "project/project_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "project/yaml_fields.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

const std::set<std::string>& known_top_level_keys() {
  static const std::set<std::string> keys = {"name",
                                             "version",
                                             "config-version",
                                             "profile",
                                             "model-paths",
                                             "source-paths",
                                             "seed-paths",
                                             "data-paths",
                                             "test-paths",
                                             "analysis-paths",
                                             "macro-paths",
                                             "snapshot-paths",
                                             "docs-paths",
                                             "asset-paths",
                                             "target-path",
                                             "log-path",
                                             "packages-install-path",
                                             "clean-targets",
                                             "query-comment",
                                             "require-dbt-version",
                                             "on-run-start",
                                             "on-run-end",
                                             "dispatch",
                                             "models",
                                             "seeds",
                                             "snapshots",
                                             "sources",
                                             "tests",
                                             "data_tests",
                                             "unit_tests",
                                             "metrics",
                                             "semantic-models",
                                             "semantic_models",
                                             "saved-queries",
                                             "saved_queries",
                                             "exposures",
                                             "vars",
                                             "quoting",
                                             "restrict-access",
                                             "dbt-cloud",
                                             "flags",
                                             "functions"};
  return keys;
}

std::string lstrip_plus_space(const std::string& key) {
  size_t start = key.find_first_not_of("+ ");
  return start == std::string::npos ? "" : key.substr(start);
}

// DbtProjectYamlRenderer.should_render_keypath.
bool should_render(const std::vector<std::string>& keypath) {
  if (keypath.empty()) return true;
  const std::string& first = keypath[0];
  if (first == "on-run-start" || first == "on-run-end" || first == "query-comment" ||
      first == "vars")
    return false;
  if (first == "seeds" || first == "models" || first == "snapshots" || first == "tests" ||
      first == "data_tests") {
    for (const auto& part : keypath) {
      std::string key = lstrip_plus_space(part);
      if (key == "pre-hook" || key == "post-hook" || key == "pre_hook" || key == "post_hook")
        return false;
    }
  }
  return true;
}

void read_paths(const YamlNode& doc, const char* key, std::vector<std::string>& out) {
  if (auto paths = optional_string_list(doc, key, false)) {
    out = *paths;
    // dbt strips trailing slashes so "models/" and "models" name the same folder.
    for (auto& path : out)
      while (path.size() > 1 && path.back() == '/')
        path.pop_back();
  }
}

// A deprecated spelling (source-paths, data-paths) is used when the new one is absent.
void read_deprecated_paths(const YamlNode& doc, const char* old_key, const char* new_key,
                           std::vector<std::string>& out, std::vector<Warning>& warnings) {
  const YamlNode* old_value = doc.find(old_key);
  if (old_value == nullptr) return;
  if (doc.find(new_key) != nullptr)
    throw ProjectError(old_value->pos, fmt::format("'{}' and '{}' are both set; '{}' is the old "
                                                   "name: remove it",
                                                   old_key, new_key, old_key));
  warnings.push_back(Warning{
      old_value->pos, fmt::format("'{}' is deprecated: rename it to '{}'", old_key, new_key)});
  read_paths(doc, old_key, out);
}

std::vector<std::string> run_hooks(const YamlNode& doc, const char* key) {
  auto hooks = optional_string_list(doc, key, true);
  return hooks ? *hooks : std::vector<std::string>{};
}

Json config_tree(const YamlNode& doc, const char* key) {
  return optional_dict(doc, key);
}

void read_identity(const YamlNode& doc, ProjectConfig& config) {
  const YamlNode* name = doc.find("name");
  if (name == nullptr || name->is_null())
    throw ProjectError(doc.pos, "dbt_project.yml needs a 'name': add `name: my_project`");
  config.name = name->as_string("'name'");
  static const std::regex identifier("^[A-Za-z_][A-Za-z0-9_]*$");
  if (!std::regex_match(config.name, identifier))
    throw ProjectError(name->pos, fmt::format("project name '{}' is not a valid identifier: use "
                                              "letters, digits and underscores, not starting "
                                              "with a digit",
                                              config.name));
  config.version = optional_string(doc, "version");
  if (const YamlNode* cv = doc.find("config-version"); cv != nullptr && !cv->is_null()) {
    if (!cv->is_scalar() || !cv->scalar.is_number_integer() || cv->scalar.get<int>() != 2)
      throw ProjectError(cv->pos,
                         "config-version must be 2 (dbt 1.x projects); remove it or "
                         "set `config-version: 2`");
  }
  config.profile = optional_string(doc, "profile");
}

void read_all_paths(const YamlNode& doc, ProjectConfig& config) {
  read_paths(doc, "model-paths", config.model_paths);
  read_deprecated_paths(doc, "source-paths", "model-paths", config.model_paths, config.warnings);
  read_paths(doc, "seed-paths", config.seed_paths);
  read_deprecated_paths(doc, "data-paths", "seed-paths", config.seed_paths, config.warnings);
  read_paths(doc, "test-paths", config.test_paths);
  read_paths(doc, "macro-paths", config.macro_paths);
  read_paths(doc, "snapshot-paths", config.snapshot_paths);
  read_paths(doc, "analysis-paths", config.analysis_paths);
  config.docs_paths = config.all_source_paths();
  read_paths(doc, "docs-paths", config.docs_paths);
  read_paths(doc, "asset-paths", config.asset_paths);
  if (auto target = optional_string(doc, "target-path")) config.target_path = *target;
  config.clean_targets = {config.target_path};
  if (auto clean = optional_string_list(doc, "clean-targets", false)) config.clean_targets = *clean;
  if (auto install = optional_string(doc, "packages-install-path"))
    config.packages_install_path = *install;
}

void read_config_trees(const YamlNode& doc, ProjectConfig& config) {
  config.configs.models = config_tree(doc, "models");
  config.configs.seeds = config_tree(doc, "seeds");
  config.configs.snapshots = config_tree(doc, "snapshots");
  // `tests:` is the old name of `data_tests:`; dbt uses it only when data_tests is absent.
  if (doc.find("data_tests") != nullptr) {
    config.configs.data_tests = config_tree(doc, "data_tests");
  } else {
    config.configs.data_tests = config_tree(doc, "tests");
  }
  config.configs.sources = config_tree(doc, "sources");
  config.configs.exposures = config_tree(doc, "exposures");
  config.configs.unit_tests = config_tree(doc, "unit_tests");
}

void read_dispatch(const YamlNode& doc, ProjectConfig& config) {
  const YamlNode* dispatch = doc.find("dispatch");
  if (dispatch == nullptr || dispatch->is_null()) return;
  if (!dispatch->is_sequence())
    throw ProjectError(dispatch->pos,
                       "'dispatch' must be a list of {macro_namespace, "
                       "search_order} entries");
  for (const auto& entry : dispatch->items) {
    require_map(entry, "a dispatch entry");
    std::string ns = required_string(entry, "macro_namespace", "a dispatch entry");
    auto order = optional_string_list(entry, "search_order", false);
    if (!order)
      throw ProjectError(entry.pos, "a dispatch entry needs 'search_order': a list of packages");
    config.dispatch.push_back(Json{{"macro_namespace", ns}, {"search_order", *order}});
  }
}

void warn_unknown_keys(const YamlNode& doc, ProjectConfig& config) {
  for (const auto& [key, value] : doc.entries)
    if (!known_top_level_keys().count(key))
      config.warnings.push_back(
          Warning{value.pos, fmt::format("unknown key '{}' in dbt_project.yml is ignored", key)});
}

}  // namespace

std::vector<std::string> ProjectConfig::all_source_paths() const {
  std::vector<std::string> out;
  for (const auto* paths :
       {&model_paths, &seed_paths, &snapshot_paths, &analysis_paths, &macro_paths, &test_paths})
    for (const auto& path : *paths)
      if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
  return out;
}

ProjectConfig parse_project_config(std::string_view text, const std::filesystem::path& root,
                                   const std::string& display_path, const RenderValue& render) {
  YamlDocument parsed = parse_yaml(text, display_path);
  YamlNode& doc = parsed.root;
  if (doc.is_null())
    throw ProjectError(doc.pos,
                       "dbt_project.yml is empty: it needs at least "
                       "`name:` and `version:`");
  require_map(doc, "dbt_project.yml");
  if (render) render_yaml(doc, render, should_render);

  ProjectConfig config;
  config.root = root;
  config.warnings = std::move(parsed.warnings);
  read_identity(doc, config);
  read_all_paths(doc, config);
  config.vars = optional_dict(doc, "vars");
  config.on_run_start = run_hooks(doc, "on-run-start");
  config.on_run_end = run_hooks(doc, "on-run-end");
  config.quoting = optional_dict(doc, "quoting");
  read_dispatch(doc, config);
  config.query_comment = json_or(doc, "query-comment", nullptr);
  config.require_dbt_version = json_or(doc, "require-dbt-version", nullptr);
  config.flags = optional_dict(doc, "flags");
  read_config_trees(doc, config);
  warn_unknown_keys(doc, config);
  config.raw = doc.to_json();
  return config;
}

ProjectConfig load_project_config(const std::filesystem::path& project_dir,
                                  const RenderValue& render, const std::string& display_prefix) {
  std::filesystem::path file = project_dir / kProjectFileName;
  std::string display = display_prefix + kProjectFileName;
  if (!std::filesystem::exists(file))
    throw ProjectError(SourcePos{display},
                       fmt::format("no dbt_project.yml in {}: run Kiln from a dbt project "
                                   "folder or pass --project-dir",
                                   project_dir.string()));
  return parse_project_config(read_text_file(file, display), project_dir, display, render);
}

Json vars_for_package(const Json& package_vars, const Json& root_vars,
                      const std::string& package_name, const Json& cli_vars) {
  Json merged = Json::object();
  auto add = [&merged](const Json& layer) {
    if (!layer.is_object()) return;
    for (const auto& item : layer.items())
      merged[item.key()] = item.value();
  };
  auto add_project = [&](const Json& vars) {
    if (!vars.is_object()) return;
    add(vars);
    auto scoped = vars.find(package_name);
    if (scoped != vars.end()) add(*scoped);
  };
  add_project(package_vars);
  add_project(root_vars);
  add(cli_vars);
  return merged;
}

}  // namespace kiln::project
