#include "artifacts/json_fields.h"

namespace kiln::artifacts {
namespace {

Json column_json(const ColumnInfo& column) {
  Json out = object_with_capacity(10);
  out["name"] = column.name;
  out["description"] = column.description;
  out["meta"] = column.meta;
  out["data_type"] = optional_json(column.data_type);
  out["constraints"] = column.constraints;
  out["quote"] = optional_json(column.quote);
  out["config"] = column.config;
  out["tags"] = column.tags;
  out["granularity"] = optional_json(column.granularity);
  out["doc_blocks"] = column.doc_blocks;
  return out;
}

Json freshness_time_json(const FreshnessTime& time) {
  Json out = Json::object();
  out["count"] = optional_json(time.count);
  out["period"] = optional_json(time.period);
  return out;
}

}  // namespace

void append_member(Json& object, std::string key, Json value) {
  if (!object.is_object()) object = Json::object();
  object.get_ref<Json::object_t&>().emplace_back(std::move(key), std::move(value));
}

Json object_with_capacity(std::size_t capacity) {
  Json out = Json::object();
  out.get_ref<Json::object_t&>().reserve(capacity);
  return out;
}

Json refs_json(const std::vector<RefArgs>& refs) {
  Json out = Json::array();
  for (const RefArgs& ref : refs) {
    Json entry = Json::object();
    entry["name"] = ref.name;
    entry["package"] = optional_json(ref.package);
    entry["version"] = ref.version;
    out.push_back(std::move(entry));
  }
  return out;
}

Json source_refs_json(const std::vector<std::pair<std::string, std::string>>& sources) {
  Json out = Json::array();
  for (const auto& [source_name, table_name] : sources) {
    out.push_back(Json::array({source_name, table_name}));
  }
  return out;
}

// dbt writes columns as an object keyed by column name, in declaration order.
Json columns_json(const std::vector<ColumnInfo>& columns) {
  Json out = object_with_capacity(columns.size());
  for (const ColumnInfo& column : columns)
    out[column.name] = column_json(column);
  return out;
}

Json docs_json(const Docs& docs) {
  Json out = Json::object();
  out["show"] = docs.show;
  out["node_color"] = optional_json(docs.node_color);
  return out;
}

Json depends_on_json(const DependsOn& depends_on) {
  Json out = Json::object();
  out["macros"] = depends_on.macros;
  out["nodes"] = depends_on.nodes;
  return out;
}

Json owner_json(const Owner& owner) {
  Json out = Json::object();
  out["email"] = optional_json(owner.email);
  out["name"] = optional_json(owner.name);
  return out;
}

Json quoting_json(const Quoting& quoting) {
  Json out = Json::object();
  out["database"] = optional_json(quoting.database);
  out["schema"] = optional_json(quoting.schema);
  out["identifier"] = optional_json(quoting.identifier);
  out["column"] = optional_json(quoting.column);
  return out;
}

Json freshness_threshold_json(const FreshnessThreshold& threshold) {
  Json out = Json::object();
  out["warn_after"] = freshness_time_json(threshold.warn_after);
  out["error_after"] = freshness_time_json(threshold.error_after);
  out["filter"] = optional_json(threshold.filter);
  return out;
}

}  // namespace kiln::artifacts
