#include "cli/manifest_input.h"

#include "cli/session.h"
#include "compile/ref_resolution.h"
#include "project/md5.h"

namespace kiln::cli {

namespace {

using artifacts::Json;

artifacts::NodeType node_type(project::ResourceType type) {
  switch (type) {
    case project::ResourceType::Seed:
      return artifacts::NodeType::kSeed;
    case project::ResourceType::Snapshot:
      return artifacts::NodeType::kSnapshot;
    case project::ResourceType::Test:
      return artifacts::NodeType::kTest;
    case project::ResourceType::Analysis:
      return artifacts::NodeType::kAnalysis;
    default:
      return artifacts::NodeType::kModel;
  }
}

// Columns with their descriptions as the compile stage rendered them (doc() resolved).
std::vector<artifacts::ColumnInfo> columns_of(const compile::ParsedNode& node) {
  std::vector<artifacts::ColumnInfo> out;
  const std::vector<project::Column>& columns = node.node->columns;
  for (size_t i = 0; i < columns.size(); ++i) {
    const project::Column& c = columns[i];
    artifacts::ColumnInfo info;
    info.name = c.name;
    info.description =
        i < node.column_descriptions.size() ? node.column_descriptions[i] : c.description;
    if (i < node.column_doc_blocks.size()) info.doc_blocks = node.column_doc_blocks[i];
    info.meta = c.meta;
    info.data_type = c.data_type;
    info.constraints = c.constraints;
    info.quote = c.quote;
    info.tags = c.tags;
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<std::string> tags_of(const compile::ParsedNode& node) {
  std::vector<std::string> tags;
  if (node.config.contains("tags") && node.config["tags"].is_array()) {
    for (const auto& t : node.config["tags"]) {
      if (t.is_string()) tags.push_back(t.get<std::string>());
    }
  }
  return tags.empty() ? node.node->tags : tags;
}

artifacts::ManifestNode manifest_node(const compile::ParsedNode& node,
                                      const std::map<std::string, std::string>& compiled) {
  const project::NodeCommon& common = *node.node;
  artifacts::ManifestNode out;
  out.resource_type = node_type(node.resource_type);
  out.database = node.database;
  out.schema = node.schema;
  out.name = common.name;
  out.package_name = common.package_name;
  out.path = common.path;
  out.original_file_path = common.original_file_path;
  out.unique_id = node.unique_id;
  out.fqn = common.fqn;
  out.alias = node.alias;
  out.checksum.checksum = project::md5_hex(common.raw_code);
  out.config = node.config;
  out.tags = tags_of(node);
  out.description = node.description;
  out.doc_blocks = node.doc_blocks;
  out.columns = columns_of(node);
  out.meta = common.meta;
  if (!common.patch_path.empty()) out.patch_path = common.patch_path;
  if (!node.relation_name.empty()) out.relation_name = node.relation_name;
  out.raw_code = common.raw_code;
  out.language = common.language;
  for (const auto& ref : node.refs) {
    artifacts::RefArgs r;
    r.name = ref.name;
    if (!ref.package.empty()) r.package = ref.package;
    r.version = ref.version;
    out.refs.push_back(std::move(r));
  }
  for (const auto& s : node.sources)
    out.sources.emplace_back(s.source_name, s.table_name);
  out.depends_on.nodes = node.depends_on;
  out.depends_on.macros = node.depends_on_macros;
  auto it = compiled.find(node.unique_id);
  if (it != compiled.end()) {
    out.compiled = true;
    out.compiled_code = it->second;
  }
  if (node.model) {
    out.access = node.model->access;
    out.constraints = node.model->constraints;
    out.version = node.model->version;
    out.latest_version = node.model->latest_version;
    out.group = node.model->group;
  }
  if (node.resource_type == project::ResourceType::Seed) out.root_path = common.root_path;
  if (node.generic_test) {
    artifacts::TestMetadata metadata;
    metadata.name = node.generic_test->test_name;
    metadata.kwargs = node.generic_test->kwargs;
    metadata.namespace_name = node.generic_test->test_namespace;
    out.test_metadata = metadata;
    out.column_name = node.generic_test->column_name;
    out.file_key_name = node.generic_test->file_key_name;
    if (!node.depends_on.empty()) out.attached_node = node.depends_on.front();
  }
  return out;
}

artifacts::ManifestSource manifest_source(const compile::ParsedNode& node) {
  const project::Source& source = *node.source;
  artifacts::ManifestSource out;
  out.database = node.database;
  out.schema = node.schema;
  out.name = source.name;
  out.package_name = source.package_name;
  out.path = source.path;
  out.original_file_path = source.original_file_path;
  out.unique_id = source.unique_id;
  out.fqn = source.fqn;
  out.source_name = source.source_name;
  out.source_description = node.source_description;
  out.loader = source.loader.value_or("");
  out.identifier = source.identifier;
  out.loaded_at_field = source.loaded_at_field;
  out.loaded_at_query = source.loaded_at_query;
  out.external = source.external;
  out.description = node.description;
  out.doc_blocks = node.doc_blocks;
  out.columns = columns_of(node);
  out.meta = source.meta;
  out.source_meta = source.source_meta;
  out.tags = source.tags;
  out.config = node.config;
  out.relation_name = node.relation_name;
  return out;
}

}  // namespace

artifacts::Manifest manifest_input(const Session& session,
                                   const std::map<std::string, std::string>& compiled_code) {
  artifacts::Manifest manifest;
  manifest.metadata.invocation.invocation_id = session.invocation_id;
  manifest.metadata.invocation.generated_at = artifacts::now_micros();
  manifest.metadata.project_name = session.project.root.name;
  manifest.metadata.project_id = project::md5_hex(session.project.root.name);
  manifest.metadata.adapter_type = session.target.type;
  for (const compile::ParsedNode& node : session.manifest.nodes) {
    if (node.resource_type == project::ResourceType::Source) {
      manifest.sources.push_back(manifest_source(node));
    } else {
      manifest.nodes.push_back(manifest_node(node, compiled_code));
    }
  }
  for (const compile::MacroDefinition* macro : session.compiler->macros().all()) {
    artifacts::ManifestMacro out;
    out.name = macro->name;
    out.package_name = macro->package;
    out.path = macro->path;
    out.original_file_path = macro->path;
    out.unique_id = "macro." + macro->package + "." + macro->name;
    out.macro_sql = std::string(macro->sql);
    out.supported_languages = macro->supported_languages;
    manifest.macros.push_back(std::move(out));
  }
  for (const compile::DocBlock& doc : session.compiler->docs().all()) {
    manifest.docs.push_back(artifacts::ManifestDoc{doc.name, doc.package, doc.path,
                                                   doc.original_file_path, doc.unique_id,
                                                   doc.block_contents});
  }
  return manifest;
}

}  // namespace kiln::cli
