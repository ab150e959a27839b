#include "run/state_gate.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "compile/ref_resolution.h"
#include "state/data_versions.h"
#include "state/hash.h"

namespace kiln::run {

using compile::ParsedNode;
using project::ResourceType;

namespace {

using Clock = std::chrono::system_clock;

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// "raw.wizards" for a source, the node's name otherwise: how reasons name an input.
std::string display_name(const ParsedNode& node) {
  if (node.resource_type == ResourceType::Source && node.source) {
    return node.source->source_name + "." + node.name();
  }
  return node.name();
}

bool is_model(const ParsedNode& node, const char* materialized) {
  return node.resource_type == ResourceType::Model && node.materialized() == materialized;
}

// Nodes with a relation of their own, whose output schema a child's fingerprint includes.
bool has_relation(const ParsedNode& node) {
  if (node.resource_type == ResourceType::Source) return true;
  return node.is_refable() && !node.is_ephemeral();
}

}  // namespace

std::string relation_key(const warehouse::Relation& relation, const std::string& default_database) {
  std::string database = relation.database.empty() ? default_database : relation.database;
  return lower(database) + "." + lower(relation.schema) + "." + lower(relation.identifier);
}

StateGate::StateGate(const compile::Manifest& manifest, warehouse::Adapter& adapter,
                     state::StateStore& store, StateSnapshot snapshot, StateGateOptions options)
    : manifest_(manifest),
      adapter_(adapter),
      store_(store),
      snapshot_(std::move(snapshot)),
      options_(std::move(options)) {
  versions_.set_all(snapshot_.source_versions);
}

const state::NodeRecord* StateGate::prior_of(const std::string& unique_id) const {
  auto it = snapshot_.records.find(unique_id);
  return it == snapshot_.records.end() ? nullptr : &it->second;
}

std::optional<NodePlan> StateGate::plan(const ParsedNode& node, const std::string& sql,
                                        warehouse::Connection& connection) {
  std::optional<state::NodeKind> kind =
      state::node_kind_of(project::to_string(node.resource_type), node.materialized());
  if (!kind) return std::nullopt;
  NodePlan out;
  out.kind = *kind;
  out.prior = prior_of(node.unique_id);
  out.code_fingerprint = fingerprint(node, sql, connection);
  out.inputs = inputs_of(node);

  state::DecisionInput input;
  input.kind = *kind;
  input.prior = out.prior;
  input.relation_exists =
      *kind == state::NodeKind::Test || snapshot_.existing_relations.count(relation_key(
                                            compile::relation_of(node), adapter_.database())) > 0;
  input.code_fingerprint = out.code_fingerprint;
  input.inputs = out.inputs;
  input.freshness = state::freshness_from_config(node.config);
  input.now = Clock::now();
  input.mode = options_.mode;
  out.decision = state::decide(input);
  return out;
}

std::string StateGate::fingerprint(const ParsedNode& node, const std::string& sql,
                                   warehouse::Connection& connection) {
  state::CodeInputs inputs;
  if (node.resource_type == ResourceType::Seed) {
    // A seed's "code" is its data file: an edited CSV reloads it.
    inputs.compiled_sql = state::hash_hex(
        file_bytes(std::filesystem::path(node.node->root_path) / node.node->original_file_path));
  } else {
    inputs.compiled_sql = sql;
  }
  inputs.configs = state::fingerprinted_configs(node.config);
  inputs.parent_schemas = parent_schemas(node, connection);
  return state::code_fingerprint(inputs);
}

std::vector<state::ParentSchema> StateGate::parent_schemas(const ParsedNode& node,
                                                           warehouse::Connection& connection) {
  std::vector<state::ParentSchema> out;
  for (const std::string& id : node.depends_on) {
    const ParsedNode* parent = manifest_.find(id);
    if (!parent || !has_relation(*parent)) continue;
    warehouse::Relation relation = compile::relation_of(*parent);
    std::string key = relation_key(relation, adapter_.database());
    std::vector<state::ColumnSchema> columns;
    {
      std::lock_guard<std::mutex> lock(schemas_mutex_);
      auto it = schemas_.find(key);
      if (it != schemas_.end()) columns = it->second;
    }
    if (columns.empty()) {
      for (const auto& column : adapter_.get_columns_in_relation(connection, relation))
        columns.push_back({column.name, column.type});
      // A parent that does not exist is left out (its schema is unknown).
      if (columns.empty()) continue;
      std::lock_guard<std::mutex> lock(schemas_mutex_);
      schemas_[key] = columns;
    }
    out.push_back({id, std::move(columns)});
  }
  return out;
}

std::vector<state::InputVersion> StateGate::inputs_of(const ParsedNode& node) const {
  std::vector<state::InputVersion> out;
  for (const std::string& id : node.depends_on) {
    const ParsedNode* parent = manifest_.find(id);
    if (!parent) continue;
    out.push_back({id, display_name(*parent), version_of(id)});
  }
  return out;
}

// The version a node reading `unique_id` sees: this run's (a source measured at the start, a
// node built or reused in this run), else what its record says. Views and ephemeral models
// are derived from their own inputs, whose data they show live.
std::optional<std::string> StateGate::version_of(const std::string& unique_id) const {
  if (auto version = versions_.get(unique_id)) return version;
  const ParsedNode* node = manifest_.find(unique_id);
  if (!node || node->resource_type == ResourceType::Source) return std::nullopt;
  if (is_model(*node, "ephemeral")) return view_version("", inputs_of(*node));
  const state::NodeRecord* prior = prior_of(unique_id);
  if (!prior) return std::nullopt;
  if (is_model(*node, "view")) return view_version(prior->code_fingerprint, inputs_of(*node));
  if (prior->data_version.empty()) return std::nullopt;
  return prior->data_version;
}

// A view's data changes when an input's does, and when its own code does (a new filter shows
// other rows), so both go into its version.
std::string StateGate::view_version(const std::string& code_fingerprint,
                                    const std::vector<state::InputVersion>& inputs) const {
  state::DataVersions versions = state::recorded_versions(inputs);
  if (!code_fingerprint.empty()) versions["code"] = code_fingerprint;
  return state::view_data_version(versions);
}

state::NodeRecord StateGate::record_of(const ParsedNode& node, const NodePlan& plan,
                                       std::string status, double duration_s) const {
  state::NodeRecord record;
  record.unique_id = node.unique_id;
  record.relation_name = node.relation_name;
  record.code_fingerprint = plan.code_fingerprint;
  record.input_versions = state::recorded_versions(plan.inputs);
  record.status = std::move(status);
  record.built_at = Clock::now();
  record.duration_s = duration_s;
  record.run_id = options_.run_id;
  return record;
}

void StateGate::reused(const ParsedNode& node, const NodePlan& plan,
                       warehouse::Connection& connection) {
  if (plan.kind == state::NodeKind::Test) return;  // a test has no data version
  if (plan.kind != state::NodeKind::View) {
    if (plan.prior && !plan.prior->data_version.empty())
      versions_.set(node.unique_id, plan.prior->data_version);
    return;
  }
  std::string version = view_version(plan.code_fingerprint, plan.inputs);
  versions_.set(node.unique_id, version);
  if (options_.dry_run || !plan.prior || plan.prior->data_version == version) return;
  // Its data followed its inputs: the record says so, keeping when it was last built.
  state::NodeRecord record = record_of(node, plan, plan.prior->status, plan.prior->duration_s);
  record.built_at = plan.prior->built_at;
  record.data_version = version;
  store_.record_node(connection, record);
}

void StateGate::built(const ParsedNode& node, const NodePlan& plan,
                      warehouse::Connection& connection, double duration_s) {
  warehouse::Relation target = compile::relation_of(node);
  std::string version = plan.kind == state::NodeKind::View
                            ? view_version(plan.code_fingerprint, plan.inputs)
                            : state::table_data_versions(adapter_, connection, {target}).at(0);
  state::NodeRecord record = record_of(node, plan, "success", duration_s);
  record.data_version = version;
  store_.record_node(connection, record);
  versions_.set(node.unique_id, version);
  // Its columns may have changed: the nodes downstream read them again.
  std::lock_guard<std::mutex> lock(schemas_mutex_);
  schemas_.erase(relation_key(target, adapter_.database()));
}

void StateGate::failed(const ParsedNode& node, const std::optional<NodePlan>& plan,
                       warehouse::Connection& connection, double duration_s) {
  if (options_.dry_run) return;
  // Nodes run without state (custom materializations) have nothing to record.
  if (!state::node_kind_of(project::to_string(node.resource_type), node.materialized())) return;
  NodePlan known = plan.value_or(NodePlan{});
  state::NodeRecord record = record_of(node, known, "error", duration_s);
  const state::NodeRecord* prior = prior_of(node.unique_id);
  // The rollback left the old relation, whose data is what the old record measured.
  if (prior) record.data_version = prior->data_version;
  try {
    store_.record_node(connection, record);
  } catch (const std::exception&) {
    // The connection itself may be gone (Ctrl-C). Without this record the old one stands,
    // which still describes the relation the rollback left, so nothing is lost but the why.
  }
}

void StateGate::tested(const ParsedNode& node, const NodePlan& plan,
                       warehouse::Connection& connection, const std::string& status,
                       double duration_s) {
  if (options_.dry_run) return;
  store_.record_node(connection, record_of(node, plan, status, duration_s));
}

void StateGate::would_build(const ParsedNode& node) {
  // A placeholder no record holds: everything downstream sees new data, as it would.
  versions_.set(node.unique_id, "pending:" + options_.run_id);
}

}  // namespace kiln::run
