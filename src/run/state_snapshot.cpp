#include "run/state_snapshot.h"

#include <set>

#include "compile/ref_resolution.h"
#include "state/data_versions.h"

namespace kiln::run {

using compile::ParsedNode;
using project::ResourceType;

namespace {

// Sources whose version the run may need: those the nodes read directly, and those read by
// views and ephemeral models anywhere (their versions are derived from their inputs).
std::vector<const ParsedNode*> sources_read(const compile::Manifest& manifest,
                                            const std::vector<const ParsedNode*>& nodes) {
  std::set<std::string> ids;
  auto add_parents = [&](const ParsedNode& node) {
    for (const std::string& id : node.depends_on) {
      const ParsedNode* parent = manifest.find(id);
      if (parent && parent->resource_type == ResourceType::Source) ids.insert(id);
    }
  };
  for (const ParsedNode* node : nodes)
    add_parents(*node);
  for (const ParsedNode& node : manifest.nodes) {
    bool derived = node.resource_type == ResourceType::Model &&
                   (node.materialized() == "view" || node.is_ephemeral());
    if (derived) add_parents(node);
  }
  std::vector<const ParsedNode*> out;
  for (const std::string& id : ids)
    out.push_back(manifest.find(id));
  return out;
}

std::vector<warehouse::SchemaName> schemas_of(const std::vector<const ParsedNode*>& nodes,
                                              const std::vector<const ParsedNode*>& sources,
                                              const std::string& default_database,
                                              const std::string& store_schema) {
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<warehouse::SchemaName> out;
  auto add = [&](const std::string& database, const std::string& schema) {
    std::string db = database.empty() ? default_database : database;
    if (seen.insert({db, schema}).second) out.push_back({db, schema});
  };
  for (const auto* list : {&nodes, &sources}) {
    for (const ParsedNode* node : *list) {
      if (node->resource_type == ResourceType::Test || node->is_ephemeral()) continue;
      warehouse::Relation relation = compile::relation_of(*node);
      add(relation.database, relation.schema);
    }
  }
  add(default_database, store_schema);
  return out;
}

state::SourceVersionRequest version_request(const compile::Compiler& compiler,
                                            const compile::Manifest& manifest,
                                            warehouse::Adapter& adapter,
                                            warehouse::Connection& connection,
                                            const ParsedNode& source) {
  state::SourceVersionRequest request{source.unique_id, compile::relation_of(source), {}, {}};
  if (source.source->loaded_at_query) {
    request.loaded_at_query = compiler.render_hook(
        manifest, &source, *source.source->loaded_at_query, adapter, connection);
  } else if (source.source->loaded_at_field) {
    request.loaded_at_field = source.source->loaded_at_field;
  }
  return request;
}

}  // namespace

StateSnapshot load_snapshot(const compile::Compiler& compiler, const compile::Manifest& manifest,
                            warehouse::Adapter& adapter, warehouse::Connection& connection,
                            state::StateStore& store, const std::vector<const ParsedNode*>& nodes) {
  StateSnapshot snapshot;
  std::vector<const ParsedNode*> sources = sources_read(manifest, nodes);
  const std::string database = adapter.database();
  bool store_exists = false;
  for (const auto& relation :
       adapter.catalog(connection, schemas_of(nodes, sources, database, store.schema()))) {
    snapshot.existing_relations.insert(relation_key(relation.relation, database));
    if (relation.relation.schema == store.schema() && relation.relation.identifier == "node_state")
      store_exists = true;
  }
  if (store_exists) snapshot.records = store.load_all(connection);

  std::vector<state::SourceVersionRequest> requests;
  for (const ParsedNode* source : sources) {
    warehouse::Relation relation = compile::relation_of(*source);
    // A missing source is left out: the nodes reading it see an unmeasured input.
    if (!snapshot.existing_relations.count(relation_key(relation, database))) continue;
    requests.push_back(version_request(compiler, manifest, adapter, connection, *source));
  }
  snapshot.source_versions = state::source_data_versions(adapter, connection, requests);
  return snapshot;
}

std::map<std::string, state::NodeRecord> load_records(warehouse::Adapter& adapter,
                                                      warehouse::Connection& connection,
                                                      state::StateStore& store) {
  for (const auto& relation : adapter.catalog(connection, {{adapter.database(), store.schema()}})) {
    if (relation.relation.identifier == "node_state") return store.load_all(connection);
  }
  return {};
}

}  // namespace kiln::run
