#pragma once
// dbt's config.<key>: method. The key path descends into the node's config (config.meta.owner
// reads config["meta"]["owner"]); a node without that key does not match. The value matches
// as Python's == would compare dbt's value with the selector: a string equal to the text
// (case-insensitively for config.severity), a list containing it, and "true"/"false" also
// match the booleans.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/selection_spec.h"

namespace kiln::graph {

bool config_matches(const nlohmann::json& config, const std::vector<std::string>& key_path,
                    const std::string& value, ValueKind value_kind);

}  // namespace kiln::graph
