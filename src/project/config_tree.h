#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/resource_type.h"

namespace kiln::project {

// The per-resource config trees of one dbt_project.yml (`models:`, `seeds:`, ...).
struct ConfigTrees {
  nlohmann::ordered_json models = nlohmann::ordered_json::object();
  nlohmann::ordered_json seeds = nlohmann::ordered_json::object();
  nlohmann::ordered_json snapshots = nlohmann::ordered_json::object();
  nlohmann::ordered_json data_tests = nlohmann::ordered_json::object();  // or `tests:`
  nlohmann::ordered_json sources = nlohmann::ordered_json::object();
  nlohmann::ordered_json exposures = nlohmann::ordered_json::object();
  nlohmann::ordered_json unit_tests = nlohmann::ordered_json::object();

  // The tree dbt consults for a resource type; analyses use `models:`, as in dbt.
  const nlohmann::ordered_json& for_type(ResourceType type) const;
};

// The config layers a tree gives a node, most general first. dbt walks the tree along
// the node's fqn (package name, folders, node name), stopping at the first level that
// is missing or is not a dict, and yields the root and every level reached. At each
// level a key is a config if it starts with '+' (the '+' and surrounding spaces are
// stripped) or if its value is not a dict; a dict value without '+' is a deeper level
// (a folder), never a config; so `meta: {...}` needs `+meta:`.
std::vector<nlohmann::ordered_json> project_config_layers(const nlohmann::ordered_json& tree,
                                                          const std::vector<std::string>& fqn);

// dbt's last touches after merging: a test's store_failures/store_failures_as agree,
// and a model's `freshness` is dropped unless it has a `build_after`.
void finalize_config(ResourceType type, nlohmann::ordered_json& config);

// Computes a node's config from every layer in dbt's order of precedence (low to high):
// defaults, the node's own project tree, the YAML properties `config:` (patch), the
// `{{ config() }}` call of the file, and, for nodes of an installed package, the root
// project's tree last (the root project always has the final say).
class ConfigResolver {
 public:
  explicit ConfigResolver(std::string root_project_name);

  void add_project(const std::string& project_name, ConfigTrees trees);
  const std::string& root_project_name() const { return root_project_name_; }

  // Throws std::invalid_argument when a layer has a bad value for a dict-merged key
  // (callers know the file and wrap it).
  nlohmann::ordered_json resolve(ResourceType type, const std::string& package_name,
                                 const std::vector<std::string>& fqn,
                                 const nlohmann::ordered_json& patch_config,
                                 const nlohmann::ordered_json& config_call) const;

 private:
  void apply_tree(nlohmann::ordered_json& config, ResourceType type,
                  const std::string& project_name, const std::vector<std::string>& fqn) const;

  std::string root_project_name_;
  std::map<std::string, ConfigTrees> trees_;
};

}  // namespace kiln::project
