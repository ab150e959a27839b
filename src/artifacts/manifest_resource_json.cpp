#include "artifacts/manifest_resource_json.h"

#include "artifacts/json_fields.h"

namespace kiln::artifacts {
namespace {

constexpr std::size_t kSourceFields = 31;
constexpr std::size_t kMostOtherFields = 22;  // an exposure's

// name .. unique_id: the head every non-node resource shares (dbt's BaseResource).
Json base_resource_json(std::string_view resource_type, const std::string& name,
                        const std::string& package_name, const std::string& path,
                        const std::string& original_file_path, const std::string& unique_id) {
  Json out = object_with_capacity(kMostOtherFields);
  out["name"] = name;
  out["resource_type"] = resource_type;
  out["package_name"] = package_name;
  out["path"] = path;
  out["original_file_path"] = original_file_path;
  out["unique_id"] = unique_id;
  return out;
}

Json macro_arguments_json(const std::vector<MacroArgument>& arguments) {
  Json out = Json::array();
  for (const MacroArgument& argument : arguments) {
    Json entry = Json::object();
    entry["name"] = argument.name;
    entry["type"] = optional_json(argument.type);
    entry["description"] = argument.description;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

Json manifest_source_json(const ManifestSource& source) {
  Json out = object_with_capacity(kSourceFields);
  out["database"] = optional_json(source.database);
  out["schema"] = source.schema;
  out["name"] = source.name;
  out["resource_type"] = "source";
  out["package_name"] = source.package_name;
  out["path"] = source.path;
  out["original_file_path"] = source.original_file_path;
  out["unique_id"] = source.unique_id;
  out["fqn"] = source.fqn;
  out["source_name"] = source.source_name;
  out["source_description"] = source.source_description;
  out["loader"] = source.loader;
  out["identifier"] = source.identifier;
  out["quoting"] = quoting_json(source.quoting);
  out["loaded_at_field"] = optional_json(source.loaded_at_field);
  out["loaded_at_query"] = optional_json(source.loaded_at_query);
  out["freshness"] = source.freshness ? freshness_threshold_json(*source.freshness) : Json(nullptr);
  out["external"] = source.external;
  out["description"] = source.description;
  out["columns"] = columns_json(source.columns);
  out["meta"] = source.meta;
  out["source_meta"] = source.source_meta;
  out["tags"] = source.tags;
  out["config"] = source.config;
  out["patch_path"] = optional_json(source.patch_path);
  out["unrendered_config"] = source.unrendered_config;
  out["relation_name"] = optional_json(source.relation_name);
  out["created_at"] = source.created_at;
  out["unrendered_database"] = optional_json(source.unrendered_database);
  out["unrendered_schema"] = optional_json(source.unrendered_schema);
  out["doc_blocks"] = source.doc_blocks;
  return out;
}

Json manifest_macro_json(const ManifestMacro& macro) {
  Json out = base_resource_json("macro", macro.name, macro.package_name, macro.path,
                                macro.original_file_path, macro.unique_id);
  out["macro_sql"] = macro.macro_sql;
  out["depends_on"] = Json{{"macros", macro.depends_on_macros}};
  out["description"] = macro.description;
  out["meta"] = macro.meta;
  out["docs"] = docs_json(macro.docs);
  out["patch_path"] = optional_json(macro.patch_path);
  out["arguments"] = macro_arguments_json(macro.arguments);
  out["created_at"] = macro.created_at;
  out["supported_languages"] = optional_json(macro.supported_languages);
  return out;
}

Json manifest_doc_json(const ManifestDoc& doc) {
  Json out = base_resource_json("doc", doc.name, doc.package_name, doc.path, doc.original_file_path,
                                doc.unique_id);
  out["block_contents"] = doc.block_contents;
  return out;
}

Json manifest_exposure_json(const ManifestExposure& exposure) {
  Json out = base_resource_json("exposure", exposure.name, exposure.package_name, exposure.path,
                                exposure.original_file_path, exposure.unique_id);
  out["fqn"] = exposure.fqn;
  out["type"] = exposure.type;
  out["owner"] = owner_json(exposure.owner);
  out["description"] = exposure.description;
  out["label"] = optional_json(exposure.label);
  out["maturity"] = optional_json(exposure.maturity);
  out["meta"] = exposure.meta;
  out["tags"] = exposure.tags;
  out["config"] = exposure.config;
  out["unrendered_config"] = exposure.unrendered_config;
  out["url"] = optional_json(exposure.url);
  out["depends_on"] = depends_on_json(exposure.depends_on);
  out["refs"] = refs_json(exposure.refs);
  out["sources"] = source_refs_json(exposure.sources);
  out["metrics"] = exposure.metrics;
  out["created_at"] = exposure.created_at;
  return out;
}

Json manifest_group_json(const ManifestGroup& group) {
  Json out = base_resource_json("group", group.name, group.package_name, group.path,
                                group.original_file_path, group.unique_id);
  out["owner"] = owner_json(group.owner);
  out["description"] = optional_json(group.description);
  out["config"] = group.config;
  return out;
}

}  // namespace kiln::artifacts
