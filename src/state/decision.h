#pragma once
// The decision "build or reuse, and why" for one node, as a pure function of what the caller
// measured: its prior record, whether its relation exists, its code fingerprint now, the data
// versions of its direct inputs now, its freshness config, the time, and the run's mode.
// The rules, in order (docs/state.md has the full table):
//
//   --state-agnostic / --full-refresh                        build  "state-agnostic run"
//   no record                                                build  "never built"
//   relation missing (not for tests)                         build  "relation missing"
//   last build failed (a test's last run did not pass)       build  "last build failed" /
//                                                                   "last run did not pass"
//   code fingerprint changed                                 build  "code changed (SQL)"
//   no direct input's version changed                        reuse  "No new changes on any
//                                                                   upstreams"
//   a view (only data changed: a view's data is live)        reuse  "view: upstream data
//                                                                   flows through"
//   a test whose tested data changed                         build  "new data in <input>"
//   updates_on: all, and some direct input has no new data   reuse  "No new changes on all
//                                                                   upstreams"
//   build_after / lag_tolerance not elapsed since last build reuse  "New changes detected. Did
//                                                      not meet build_after of 4h. Last
//                                                      updated 1h ago"
//   otherwise                                                build  "new data in <input>"
//
// An input whose version could not be measured counts as changed.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "state/freshness.h"
#include "state/node_record.h"

namespace kiln::state {

enum class NodeKind { View, Table, Incremental, Seed, Snapshot, Test };
enum class RunMode { StateAware, StateAgnostic, FullRefresh };
enum class Action { Build, Reuse };

struct InputVersion {
  std::string unique_id;
  std::string display_name;            // named in reasons: "raw.wizards", "stg_orders"
  std::optional<std::string> version;  // nothing when it could not be measured
};

struct DecisionInput {
  NodeKind kind = NodeKind::Table;
  bool selected = true;
  const NodeRecord* prior = nullptr;  // the store's record, if any
  bool relation_exists = false;       // ignored for tests
  std::string code_fingerprint;
  std::vector<InputVersion> inputs;  // direct inputs, in the node's dependency order
  Freshness freshness;
  std::chrono::system_clock::time_point now{};
  RunMode mode = RunMode::StateAware;
};

struct Decision {
  Action action = Action::Build;
  std::string reason;

  bool build() const { return action == Action::Build; }
};

Decision decide(const DecisionInput& input);

// The kind decide() knows for a node, from dbt's resource type ("model", "seed", "snapshot",
// "test") and materialization; nothing for what it does not decide (ephemeral models, which
// are inlined into their children, custom materializations, analyses, operations): run
// those as without state.
std::optional<NodeKind> node_kind_of(std::string_view resource_type, std::string_view materialized);

// runs.mode text: "state-aware", "state-agnostic", "full-refresh".
const char* run_mode_name(RunMode mode);

// The statuses decide() treats as a good last build: "success" for models, seeds and
// snapshots, "pass" for tests.
bool is_good_status(NodeKind kind, const std::string& status);

}  // namespace kiln::state
