#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/yaml_tree.h"

namespace kiln::project {

// Small readers for typed fields of a YAML mapping. Each names the file, the line and
// the expected shape when the value has the wrong one.

// Throws unless `node` is a mapping; `what` reads like "dbt_project.yml".
void require_map(const YamlNode& node, std::string_view what);

// The string at `key`, or nullopt when the key is absent or null.
std::optional<std::string> optional_string(const YamlNode& map, std::string_view key);

// The string at `key`; throws when absent.
std::string required_string(const YamlNode& map, std::string_view key, std::string_view what);

// A list of strings at `key` (a single string is accepted as a one-item list when
// `allow_single` is true); nullopt when the key is absent or null.
std::optional<std::vector<std::string>> optional_string_list(const YamlNode& map,
                                                             std::string_view key,
                                                             bool allow_single);

// The JSON at `key`, or `fallback` when absent.
nlohmann::ordered_json json_or(const YamlNode& map, std::string_view key,
                               nlohmann::ordered_json fallback);

// The mapping at `key` as JSON (an empty object when absent or null); throws when it
// is something else.
nlohmann::ordered_json optional_dict(const YamlNode& map, std::string_view key);

// `tags:` as dbt accepts it: a string or a list of strings.
std::vector<std::string> tags_at(const YamlNode& map, std::string_view key);

}  // namespace kiln::project
