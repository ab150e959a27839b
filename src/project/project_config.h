#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/config_tree.h"
#include "project/error.h"
#include "project/render.h"

namespace kiln::project {

// dbt_project.yml, read and rendered as dbt reads it. Paths are as written (relative to
// `root`), with dbt's defaults filled in.
struct ProjectConfig {
  std::filesystem::path root;  // the folder that holds dbt_project.yml
  std::string name;
  std::optional<std::string> version;
  int config_version = 2;
  std::optional<std::string> profile;

  std::vector<std::string> model_paths{"models"};
  std::vector<std::string> seed_paths{"seeds"};
  std::vector<std::string> test_paths{"tests"};
  std::vector<std::string> macro_paths{"macros"};
  std::vector<std::string> snapshot_paths{"snapshots"};
  std::vector<std::string> analysis_paths{"analyses"};
  // Default: every path above (dbt's docs-paths default is all source paths).
  std::vector<std::string> docs_paths;
  std::vector<std::string> asset_paths;
  std::string target_path = "target";
  std::vector<std::string> clean_targets;  // default: [target_path]
  std::string packages_install_path = "dbt_packages";

  // Not rendered here: dbt renders vars when var() reads them and run hooks at run time.
  nlohmann::ordered_json vars = nlohmann::ordered_json::object();
  std::vector<std::string> on_run_start;
  std::vector<std::string> on_run_end;

  nlohmann::ordered_json quoting = nlohmann::ordered_json::object();
  nlohmann::ordered_json dispatch =
      nlohmann::ordered_json::array();         // [{macro_namespace, search_order}]
  nlohmann::ordered_json query_comment;        // null when absent
  nlohmann::ordered_json require_dbt_version;  // null when absent
  nlohmann::ordered_json flags = nlohmann::ordered_json::object();

  ConfigTrees configs;

  // The whole file after rendering, for anything not typed above.
  nlohmann::ordered_json raw;
  std::vector<Warning> warnings;

  // Every folder dbt reads sources from (models, seeds, snapshots, analyses, macros,
  // tests), without duplicates, in that order.
  std::vector<std::string> all_source_paths() const;
};

// The file name dbt looks for.
inline constexpr const char* kProjectFileName = "dbt_project.yml";

// Reads `project_dir`/dbt_project.yml. Jinja in values is rendered through `render`
// except where dbt defers it: `vars`, `on-run-start`, `on-run-end`, `query-comment`,
// and hooks inside the `models`/`seeds`/`snapshots`/`tests`/`data_tests` trees.
// `display_prefix` is prepended to the file name in positions (e.g.
// "dbt_packages/dbt_utils/" for a package).
ProjectConfig load_project_config(const std::filesystem::path& project_dir,
                                  const RenderValue& render,
                                  const std::string& display_prefix = "");

// Parses dbt_project.yml text (for tests and for callers that already hold the text).
ProjectConfig parse_project_config(std::string_view text, const std::filesystem::path& root,
                                   const std::string& display_path, const RenderValue& render);

// The vars a node of `package_name` sees, as dbt's var() merges them (later wins): the
// package's own dbt_project.yml vars (global, then its `<package>:` block), then the
// root project's (global, then its `<package>:` block), then --vars from the command
// line. For a root project node pass the root's vars as `root_vars` and null as
// `package_vars`.
nlohmann::ordered_json vars_for_package(const nlohmann::ordered_json& package_vars,
                                        const nlohmann::ordered_json& root_vars,
                                        const std::string& package_name,
                                        const nlohmann::ordered_json& cli_vars);

}  // namespace kiln::project
