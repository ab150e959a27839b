#include "state/code_fingerprint.h"

#include <algorithm>

#include "analyze/normalized_sql.h"
#include "state/hash.h"

namespace kiln::state {

const std::vector<std::string_view> kFingerprintedConfigs = {
    // what a model is and how it is written
    "materialized", "incremental_strategy", "unique_key", "on_schema_change", "contract",
    "incremental_predicates", "merge_update_columns", "merge_exclude_columns", "sql_header",
    // statements run around the build
    "pre-hook", "post-hook", "pre_hook", "post_hook", "grants",
    // physical layout
    "partition_by", "cluster_by", "indexes", "persist_docs",
    // seeds: how the CSV becomes a table
    "column_types", "quote_columns", "delimiter",
    // snapshots
    "strategy", "updated_at", "check_cols", "invalidate_hard_deletes", "hard_deletes",
    // tests: what counts as failing
    "severity", "warn_if", "error_if", "fail_calc", "limit", "where", "store_failures"};

std::map<std::string, std::string> fingerprinted_configs(const nlohmann::ordered_json& config) {
  std::map<std::string, std::string> picked;
  if (!config.is_object()) return picked;
  for (std::string_view key : kFingerprintedConfigs) {
    auto it = config.find(std::string(key));
    if (it == config.end() || it->is_null()) continue;
    // nlohmann::json (not ordered_json) sorts object keys, so {a,b} and {b,a} hash alike.
    picked.emplace(std::string(key), nlohmann::json(*it).dump());
  }
  return picked;
}

namespace {

std::string config_part(const std::map<std::string, std::string>& configs) {
  FieldHasher hasher;
  for (const auto& [name, value] : configs) {
    hasher.add(name);
    hasher.add(value);
  }
  return hasher.hex();
}

std::string upstream_part(std::vector<ParentSchema> parents) {
  std::sort(parents.begin(), parents.end(),
            [](const auto& a, const auto& b) { return a.unique_id < b.unique_id; });
  FieldHasher hasher;
  for (const auto& parent : parents) {
    hasher.add(parent.unique_id);
    hasher.add(std::to_string(parent.columns.size()));
    for (const auto& column : parent.columns) {
      hasher.add(column.name);
      hasher.add(column.type);
    }
  }
  return hasher.hex();
}

// The three 32-digit parts of a fingerprint, or nothing when it is not in this format.
bool split(std::string_view fingerprint, std::string_view parts[3]) {
  if (fingerprint.size() != 3 * 32 + 2 || fingerprint[32] != '.' || fingerprint[65] != '.') {
    return false;
  }
  for (int i = 0; i < 3; ++i)
    parts[i] = fingerprint.substr(static_cast<size_t>(i) * 33, 32);
  return true;
}

}  // namespace

std::string code_fingerprint(const CodeInputs& inputs) {
  return hash_hex(analyze::normalized_sql(inputs.compiled_sql)) + "." +
         config_part(inputs.configs) + "." + upstream_part(inputs.parent_schemas);
}

std::vector<std::string> code_changes(std::string_view before, std::string_view after) {
  static const char* const kNames[3] = {"SQL", "config", "upstream columns"};
  std::string_view a[3], b[3];
  std::vector<std::string> changes;
  if (!split(before, a) || !split(after, b)) return changes;
  for (int i = 0; i < 3; ++i) {
    if (a[i] != b[i]) changes.emplace_back(kNames[i]);
  }
  return changes;
}

}  // namespace kiln::state
