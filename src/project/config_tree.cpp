#include "project/config_tree.h"

#include "project/config_defaults.h"
#include "project/config_merge.h"

namespace kiln::project {

using Json = nlohmann::ordered_json;

const Json& ConfigTrees::for_type(ResourceType type) const {
  switch (type) {
    case ResourceType::Seed:
      return seeds;
    case ResourceType::Snapshot:
      return snapshots;
    case ResourceType::Test:
      return data_tests;
    case ResourceType::Source:
      return sources;
    case ResourceType::Exposure:
      return exposures;
    default:
      return models;
  }
}

namespace {

// Python's str.strip() of the characters dbt strips ("+ " via [1:].strip()).
std::string stripped_config_key(const std::string& key) {
  std::string rest = key.substr(1);
  size_t begin = rest.find_first_not_of(" \t\n\r");
  if (begin == std::string::npos) return "";
  size_t end = rest.find_last_not_of(" \t\n\r");
  return rest.substr(begin, end - begin + 1);
}

Json configs_of_level(const Json& level) {
  Json result = Json::object();
  for (const auto& item : level.items()) {
    const std::string& key = item.key();
    if (!key.empty() && key[0] == '+') {
      result[stripped_config_key(key)] = item.value();
    } else if (!item.value().is_object()) {
      result[key] = item.value();
    }
  }
  return result;
}

}  // namespace

void finalize_config(ResourceType type, Json& config) {
  if (type == ResourceType::Test) {
    // TestConfig.finalize_and_validate: store_failures_as, when set, decides
    // store_failures; otherwise store_failures decides store_failures_as.
    const Json& as = config["store_failures_as"];
    if (as.is_null()) {
      const Json& store = config["store_failures"];
      config["store_failures_as"] =
          store.is_boolean() ? Json(store.get<bool>() ? "table" : "ephemeral") : Json();
    } else {
      config["store_failures"] = !(as.is_string() && as.get<std::string>() == "ephemeral");
    }
  }
  if (type == ResourceType::Model && config.contains("freshness")) {
    // ModelConfig keeps `freshness` only when it has a build_after.
    const Json& freshness = config["freshness"];
    if (!freshness.is_object() || !freshness.contains("build_after")) config.erase("freshness");
  }
}

std::vector<Json> project_config_layers(const Json& tree, const std::vector<std::string>& fqn) {
  std::vector<Json> layers;
  if (!tree.is_object()) return layers;
  layers.push_back(configs_of_level(tree));
  const Json* level = &tree;
  for (const auto& part : fqn) {
    auto it = level->find(part);
    if (it == level->end() || !it->is_object()) break;
    level = &*it;
    layers.push_back(configs_of_level(*level));
  }
  return layers;
}

ConfigResolver::ConfigResolver(std::string root_project_name)
    : root_project_name_(std::move(root_project_name)) {}

void ConfigResolver::add_project(const std::string& project_name, ConfigTrees trees) {
  trees_[project_name] = std::move(trees);
}

void ConfigResolver::apply_tree(Json& config, ResourceType type, const std::string& project_name,
                                const std::vector<std::string>& fqn) const {
  auto it = trees_.find(project_name);
  if (it == trees_.end()) return;
  for (const auto& layer : project_config_layers(it->second.for_type(type), fqn))
    merge_config(config, layer);
}

Json ConfigResolver::resolve(ResourceType type, const std::string& package_name,
                             const std::vector<std::string>& fqn, const Json& patch_config,
                             const Json& config_call) const {
  Json config = default_config(type);
  apply_tree(config, type, package_name, fqn);
  merge_config(config, patch_config);
  merge_config(config, config_call);
  if (package_name != root_project_name_) apply_tree(config, type, root_project_name_, fqn);
  finalize_config(type, config);
  return config;
}

}  // namespace kiln::project
