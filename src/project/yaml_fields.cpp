#include "project/yaml_fields.h"

#include <fmt/format.h>

namespace kiln::project {

void require_map(const YamlNode& node, std::string_view what) {
  if (!node.is_map())
    throw ProjectError(node.pos, fmt::format("{} must be a mapping of keys to values, not {}", what,
                                             node.kind_name()));
}

std::optional<std::string> optional_string(const YamlNode& map, std::string_view key) {
  const YamlNode* value = map.find(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_scalar())
    throw ProjectError(value->pos,
                       fmt::format("'{}' must be a string, not {}", key, value->kind_name()));
  return value->as_string(key);
}

std::string required_string(const YamlNode& map, std::string_view key, std::string_view what) {
  auto value = optional_string(map, key);
  if (!value)
    throw ProjectError(map.pos, fmt::format("{} needs a '{}': add `{}: ...`", what, key, key));
  return *value;
}

std::optional<std::vector<std::string>> optional_string_list(const YamlNode& map,
                                                             std::string_view key,
                                                             bool allow_single) {
  const YamlNode* value = map.find(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  std::vector<std::string> out;
  if (value->is_scalar() && allow_single) {
    out.push_back(value->as_string(key));
    return out;
  }
  if (!value->is_sequence())
    throw ProjectError(
        value->pos, fmt::format("'{}' must be a list of strings, not {}", key, value->kind_name()));
  for (const auto& item : value->items) {
    if (!item.is_scalar())
      throw ProjectError(item.pos, fmt::format("'{}' must be a list of strings; this item is {}",
                                               key, item.kind_name()));
    out.push_back(item.as_string(key));
  }
  return out;
}

nlohmann::ordered_json json_or(const YamlNode& map, std::string_view key,
                               nlohmann::ordered_json fallback) {
  const YamlNode* value = map.find(key);
  if (value == nullptr) return fallback;
  return value->to_json();
}

nlohmann::ordered_json optional_dict(const YamlNode& map, std::string_view key) {
  const YamlNode* value = map.find(key);
  if (value == nullptr || value->is_null()) return nlohmann::ordered_json::object();
  if (!value->is_map())
    throw ProjectError(value->pos,
                       fmt::format("'{}' must be a mapping, not {}", key, value->kind_name()));
  return value->to_json();
}

std::vector<std::string> tags_at(const YamlNode& map, std::string_view key) {
  auto tags = optional_string_list(map, key, true);
  return tags ? *tags : std::vector<std::string>{};
}

}  // namespace kiln::project
