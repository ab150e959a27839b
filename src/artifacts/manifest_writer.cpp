#include "artifacts/manifest_writer.h"

#include "artifacts/atomic_file.h"
#include "artifacts/dependency_maps.h"
#include "artifacts/json_fields.h"
#include "artifacts/manifest_node_json.h"
#include "artifacts/manifest_resource_json.h"
#include "artifacts/python_json.h"

namespace kiln::artifacts {
namespace {

Json manifest_metadata_json(const ManifestMetadata& metadata) {
  Json out = metadata_json(kManifestSchema, metadata.invocation);
  out["project_name"] = metadata.project_name;
  out["project_id"] = metadata.project_id;
  // Kiln sends no usage statistics, so there is no user to identify.
  out["user_id"] = nullptr;
  out["send_anonymous_usage_stats"] = false;
  out["adapter_type"] = metadata.adapter_type;
  out["quoting"] = quoting_json(metadata.quoting);
  out["run_started_at"] =
      metadata.run_started_at ? Json(format_utc_offset(*metadata.run_started_at)) : Json(nullptr);
  return out;
}

// A map keyed by unique_id, in input order.
template <typename Resource, typename ToJson>
Json keyed_by_unique_id(const std::vector<Resource>& resources, ToJson to_json) {
  Json out = object_with_capacity(resources.size());
  for (const Resource& resource : resources) {
    append_member(out, resource.unique_id, to_json(resource));
  }
  return out;
}

Json disabled_json(const std::vector<DisabledEntry>& disabled) {
  Json out = object_with_capacity(disabled.size());
  for (const DisabledEntry& entry : disabled) {
    Json copies = Json::array();
    for (const ManifestNode& node : entry.nodes)
      copies.push_back(manifest_node_json(node));
    for (const ManifestSource& source : entry.sources) {
      copies.push_back(manifest_source_json(source));
    }
    append_member(out, entry.unique_id, std::move(copies));
  }
  return out;
}

}  // namespace

Json manifest_json(const Manifest& manifest) {
  DependencyMaps maps = build_dependency_maps(edge_members(manifest));
  Json out = object_with_capacity(17);
  out["metadata"] = manifest_metadata_json(manifest.metadata);
  out["nodes"] = keyed_by_unique_id(manifest.nodes, manifest_node_json);
  out["sources"] = keyed_by_unique_id(manifest.sources, manifest_source_json);
  out["macros"] = keyed_by_unique_id(manifest.macros, manifest_macro_json);
  out["docs"] = keyed_by_unique_id(manifest.docs, manifest_doc_json);
  out["exposures"] = keyed_by_unique_id(manifest.exposures, manifest_exposure_json);
  out["metrics"] = Json::object();
  out["groups"] = keyed_by_unique_id(manifest.groups, manifest_group_json);
  out["selectors"] = manifest.selectors;
  out["disabled"] = disabled_json(manifest.disabled);
  out["parent_map"] = std::move(maps.parent_map);
  out["child_map"] = std::move(maps.child_map);
  out["group_map"] = build_group_map(manifest);
  out["saved_queries"] = Json::object();
  out["semantic_models"] = Json::object();
  out["unit_tests"] = Json::object();
  out["functions"] = Json::object();
  return out;
}

std::string serialize_manifest(const Manifest& manifest) {
  return dump_like_python(manifest_json(manifest));
}

void write_manifest(const std::filesystem::path& path, const Manifest& manifest) {
  write_file_atomically(path, serialize_manifest(manifest));
}

}  // namespace kiln::artifacts
