#pragma once
// State-aware orchestration for one run (docs/state.md, "Wiring it into a run"): decides per
// node whether to build or reuse it (state::decide) from what the run measured, keeps the
// run's current data version of every relation, and records each build in the state store
// on the connection that built it, inside the build's transaction. Shared by the worker
// threads: NodeRunner calls it between compiling a node and building it.

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compile/parsed_node.h"
#include "state/code_fingerprint.h"
#include "state/decision.h"
#include "state/run_versions.h"
#include "state/state_store.h"
#include "warehouse/adapter.h"

namespace kiln::run {

// What the run knows when it starts (state_snapshot.h measures it).
struct StateSnapshot {
  std::map<std::string, state::NodeRecord> records;  // the store's, by unique_id
  std::set<std::string> existing_relations;          // relation_key() of what exists
  state::DataVersions source_versions;               // sources measured at the start
};

// A relation's identity for lookups: lower-cased database.schema.identifier, the database
// defaulting to the target's.
std::string relation_key(const warehouse::Relation& relation, const std::string& default_database);

// One node's plan: the decision and what its record will hold.
struct NodePlan {
  state::NodeKind kind = state::NodeKind::Table;
  std::string code_fingerprint;
  std::vector<state::InputVersion> inputs;
  state::Decision decision;
  const state::NodeRecord* prior = nullptr;
};

struct StateGateOptions {
  state::RunMode mode = state::RunMode::StateAware;
  std::string run_id;
  bool dry_run = false;  // decide only: nothing is recorded
};

class StateGate {
 public:
  StateGate(const compile::Manifest& manifest, warehouse::Adapter& adapter,
            state::StateStore& store, StateSnapshot snapshot, StateGateOptions options);

  // The decision for `node`, compiled as `sql` (an incremental model: its full-refresh
  // rendering; a seed: ignored, its CSV is hashed). Nothing for nodes decide() does not know
  // (custom materializations): those run as without state.
  std::optional<NodePlan> plan(const compile::ParsedNode& node, const std::string& sql,
                               warehouse::Connection& connection);

  // A reused node: its version for the nodes downstream; a view whose inputs changed has
  // its record brought up to date (its data followed them).
  void reused(const compile::ParsedNode& node, const NodePlan& plan,
              warehouse::Connection& connection);
  // Inside the build's transaction, after the swap and the post-hooks: measures the built
  // relation and records the build, so both commit together.
  void built(const compile::ParsedNode& node, const NodePlan& plan,
             warehouse::Connection& connection, double duration_s);
  // After a failed build's rollback: records status "error" (the next run rebuilds it).
  void failed(const compile::ParsedNode& node, const std::optional<NodePlan>& plan,
              warehouse::Connection& connection, double duration_s);
  // A test that ran: records its status ("pass", "warn", "fail", "error").
  void tested(const compile::ParsedNode& node, const NodePlan& plan,
              warehouse::Connection& connection, const std::string& status, double duration_s);
  // Dry run: a node that would be built; the nodes downstream see new data from it.
  void would_build(const compile::ParsedNode& node);

  bool dry_run() const { return options_.dry_run; }
  const StateGateOptions& options() const { return options_; }

 private:
  std::vector<state::InputVersion> inputs_of(const compile::ParsedNode& node) const;
  std::optional<std::string> version_of(const std::string& unique_id) const;
  std::string view_version(const std::string& code_fingerprint,
                           const std::vector<state::InputVersion>& inputs) const;
  std::vector<state::ParentSchema> parent_schemas(const compile::ParsedNode& node,
                                                  warehouse::Connection& connection);
  std::string fingerprint(const compile::ParsedNode& node, const std::string& sql,
                          warehouse::Connection& connection);
  state::NodeRecord record_of(const compile::ParsedNode& node, const NodePlan& plan,
                              std::string status, double duration_s) const;
  const state::NodeRecord* prior_of(const std::string& unique_id) const;

  const compile::Manifest& manifest_;
  warehouse::Adapter& adapter_;
  state::StateStore& store_;
  StateSnapshot snapshot_;
  StateGateOptions options_;
  state::RunVersions versions_;
  // Parents' output schemas, read once per run (a rebuilt parent is read again).
  std::mutex schemas_mutex_;
  std::map<std::string, std::vector<state::ColumnSchema>> schemas_;
};

}  // namespace kiln::run
