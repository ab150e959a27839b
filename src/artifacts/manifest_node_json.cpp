#include "artifacts/manifest_node_json.h"

#include "artifacts/json_fields.h"

namespace kiln::artifacts {
namespace {

// A model, the widest node type, has 44 fields; a generic test 41.
constexpr std::size_t kMostNodeFields = 44;

// The fields every node type shares (dbt's ParsedResource), up to doc_blocks.
void add_parsed_fields(Json& out, const ManifestNode& node) {
  out["database"] = optional_json(node.database);
  out["schema"] = node.schema;
  out["name"] = node.name;
  out["resource_type"] = node_type_name(node.resource_type);
  out["package_name"] = node.package_name;
  out["path"] = node.path;
  out["original_file_path"] = node.original_file_path;
  out["unique_id"] = node.unique_id;
  out["fqn"] = node.fqn;
  out["alias"] = node.alias;
  out["checksum"] = Json{{"name", node.checksum.name}, {"checksum", node.checksum.checksum}};
  out["config"] = node.config;
  out["tags"] = node.tags;
  out["description"] = node.description;
  out["columns"] = columns_json(node.columns);
  out["meta"] = node.meta;
  out["group"] = optional_json(node.group);
  out["docs"] = docs_json(node.docs);
  out["patch_path"] = optional_json(node.patch_path);
  out["build_path"] = optional_json(node.build_path);
  out["unrendered_config"] = node.unrendered_config;
  out["created_at"] = node.created_at;
  out["relation_name"] = optional_json(node.relation_name);
  out["raw_code"] = node.raw_code;
  out["doc_blocks"] = node.doc_blocks;
}

Json contract_json(const Contract& contract) {
  Json out = Json::object();
  out["enforced"] = contract.enforced;
  out["alias_types"] = contract.alias_types;
  out["checksum"] = optional_json(contract.checksum);
  return out;
}

Json extra_ctes_json(const std::vector<InjectedCte>& ctes) {
  Json out = Json::array();
  for (const InjectedCte& cte : ctes)
    out.push_back(Json{{"id", cte.id}, {"sql", cte.sql}});
  return out;
}

// dbt's CompiledResource: every node type but seeds.
void add_compiled_fields(Json& out, const ManifestNode& node) {
  out["language"] = node.language;
  out["refs"] = refs_json(node.refs);
  out["sources"] = source_refs_json(node.sources);
  out["metrics"] = node.metrics;
  out["functions"] = node.functions;
  out["depends_on"] = depends_on_json(node.depends_on);
  out["compiled_path"] = optional_json(node.compiled_path);
  if (node.compiled) {
    out["compiled"] = true;
    out["compiled_code"] = optional_json(node.compiled_code);
    out["extra_ctes_injected"] = node.extra_ctes_injected;
    out["extra_ctes"] = extra_ctes_json(node.extra_ctes);
  }
  out["contract"] = contract_json(node.contract);
}

void add_model_fields(Json& out, const ManifestNode& node) {
  out["access"] = node.access;
  out["constraints"] = node.constraints;
  out["version"] = node.version;
  out["latest_version"] = node.latest_version;
  out["deprecation_date"] = optional_json(node.deprecation_date);
  out["primary_key"] = node.primary_key;
  out["time_spine"] = node.time_spine;
}

void add_generic_test_fields(Json& out, const ManifestNode& node) {
  const TestMetadata& metadata = *node.test_metadata;
  out["column_name"] = optional_json(node.column_name);
  out["file_key_name"] = optional_json(node.file_key_name);
  out["attached_node"] = optional_json(node.attached_node);
  Json test_metadata = Json::object();
  test_metadata["name"] = metadata.name;
  test_metadata["kwargs"] = metadata.kwargs;
  test_metadata["namespace"] = optional_json(metadata.namespace_name);
  out["test_metadata"] = std::move(test_metadata);
}

// A seed has no SQL to compile: it depends on macros only.
void add_seed_fields(Json& out, const ManifestNode& node) {
  out["root_path"] = node.root_path;
  out["depends_on"] = Json{{"macros", node.depends_on.macros}};
}

}  // namespace

Json manifest_node_json(const ManifestNode& node) {
  Json out = object_with_capacity(kMostNodeFields);
  add_parsed_fields(out, node);
  if (node.resource_type == NodeType::kSeed) {
    add_seed_fields(out, node);
    return out;
  }
  add_compiled_fields(out, node);
  if (node.resource_type == NodeType::kModel) add_model_fields(out, node);
  if (node.resource_type == NodeType::kTest && node.test_metadata) {
    add_generic_test_fields(out, node);
  }
  if (node.resource_type == NodeType::kOperation) out["index"] = optional_json(node.index);
  return out;
}

}  // namespace kiln::artifacts
