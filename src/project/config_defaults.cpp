#include "project/config_defaults.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

// NodeAndTestConfig: shared by every node with SQL.
Json node_and_test_config() {
  Json c = Json::object();
  c["enabled"] = true;
  c["alias"] = nullptr;
  c["schema"] = nullptr;
  c["database"] = nullptr;
  c["tags"] = Json::array();
  c["meta"] = Json::object();
  c["group"] = nullptr;
  return c;
}

// NodeConfig: models, seeds, snapshots and analyses.
Json node_config(const char* materialized) {
  Json c = node_and_test_config();
  c["materialized"] = materialized;
  c["incremental_strategy"] = nullptr;
  c["batch_size"] = nullptr;
  c["lookback"] = 1;
  c["begin"] = nullptr;
  c["persist_docs"] = Json::object();
  c["post-hook"] = Json::array();
  c["pre-hook"] = Json::array();
  c["quoting"] = Json::object();
  c["column_types"] = Json::object();
  c["full_refresh"] = nullptr;
  c["unique_key"] = nullptr;
  c["on_schema_change"] = "ignore";
  c["on_configuration_change"] = "apply";
  c["grants"] = Json::object();
  c["packages"] = Json::array();
  c["docs"] = Json{{"show", true}, {"node_color", nullptr}};
  c["contract"] = Json{{"enforced", false}, {"alias_types", true}};
  c["event_time"] = nullptr;
  c["concurrent_batches"] = nullptr;
  return c;
}

Json model_config() {
  Json c = node_config("view");
  c["access"] = "protected";
  return c;
}

Json seed_config() {
  Json c = node_config("seed");
  c["delimiter"] = ",";
  c["quote_columns"] = nullptr;
  return c;
}

Json snapshot_config() {
  Json c = node_config("snapshot");
  c["strategy"] = nullptr;
  c["target_schema"] = nullptr;
  c["target_database"] = nullptr;
  c["updated_at"] = nullptr;
  c["check_cols"] = nullptr;
  c["snapshot_meta_column_names"] = Json{{"dbt_valid_to", nullptr},
                                         {"dbt_valid_from", nullptr},
                                         {"dbt_scd_id", nullptr},
                                         {"dbt_updated_at", nullptr},
                                         {"dbt_is_deleted", nullptr}};
  c["dbt_valid_to_current"] = nullptr;
  return c;
}

Json test_config() {
  Json c = node_and_test_config();
  c["schema"] = "dbt_test__audit";
  c["materialized"] = "test";
  c["severity"] = "ERROR";
  c["store_failures"] = nullptr;
  c["store_failures_as"] = nullptr;
  c["where"] = nullptr;
  c["limit"] = nullptr;
  c["fail_calc"] = "count(*)";
  c["warn_if"] = "!= 0";
  c["error_if"] = "!= 0";
  return c;
}

Json source_config() {
  Json c = Json::object();
  c["enabled"] = true;
  c["event_time"] = nullptr;
  c["freshness"] = Json{{"warn_after", Json{{"count", nullptr}, {"period", nullptr}}},
                        {"error_after", Json{{"count", nullptr}, {"period", nullptr}}},
                        {"filter", nullptr}};
  c["loaded_at_field"] = nullptr;
  c["loaded_at_query"] = nullptr;
  c["meta"] = Json::object();
  c["tags"] = Json::array();
  return c;
}

// Exposures, macros and docs carry only `enabled` (ExposureConfig has meta and tags
// too, which dbt merges like any node's).
Json minimal_config() {
  Json c = Json::object();
  c["enabled"] = true;
  return c;
}

}  // namespace

nlohmann::ordered_json default_config(ResourceType type) {
  switch (type) {
    case ResourceType::Model:
      return model_config();
    case ResourceType::Seed:
      return seed_config();
    case ResourceType::Snapshot:
      return snapshot_config();
    case ResourceType::Test:
      return test_config();
    case ResourceType::Source:
      return source_config();
    case ResourceType::Analysis:
      return node_config("view");
    case ResourceType::Exposure: {
      Json c = minimal_config();
      c["tags"] = Json::array();
      c["meta"] = Json::object();
      return c;
    }
    case ResourceType::Macro:
    case ResourceType::Doc:
      return minimal_config();
  }
  return minimal_config();
}

}  // namespace kiln::project
