#include "state/decision.h"

#include <fmt/format.h>

#include "state/code_fingerprint.h"

namespace kiln::state {

namespace {

Decision build(std::string reason) {
  return {Action::Build, std::move(reason)};
}
Decision reuse(std::string reason) {
  return {Action::Reuse, std::move(reason)};
}

bool input_changed(const InputVersion& input, const NodeRecord& prior) {
  if (!input.version) return true;
  auto it = prior.input_versions.find(input.unique_id);
  return it == prior.input_versions.end() || it->second != *input.version;
}

std::string code_changed_reason(const std::string& before, const std::string& after) {
  std::vector<std::string> parts = code_changes(before, after);
  if (parts.empty()) return "code changed";
  return fmt::format("code changed ({})", fmt::join(parts, ", "));
}

std::string new_data_reason(const InputVersion& first_changed) {
  if (!first_changed.version) return "no data version for " + first_changed.display_name;
  return "new data in " + first_changed.display_name;
}

// Reuse when the freshness window since the last build has not passed yet.
std::optional<Decision> held_back(const DecisionInput& input) {
  if (!input.freshness.window) return std::nullopt;
  auto since_build =
      std::chrono::duration_cast<std::chrono::seconds>(input.now - input.prior->built_at);
  if (since_build >= *input.freshness.window) return std::nullopt;
  return reuse(fmt::format("New changes detected. Did not meet {} of {}. Last updated {} ago",
                           input.freshness.config_name, format_duration(*input.freshness.window),
                           format_duration(since_build)));
}

// The rules once the node has a good record, an existing relation and unchanged code.
Decision decide_on_data(const DecisionInput& input) {
  std::vector<const InputVersion*> changed;
  for (const auto& each : input.inputs) {
    if (input_changed(each, *input.prior)) changed.push_back(&each);
  }
  if (changed.empty()) return reuse("No new changes on any upstreams");
  if (input.kind == NodeKind::View) return reuse("view: upstream data flows through");
  if (input.kind == NodeKind::Test) return build(new_data_reason(*changed.front()));
  if (input.freshness.updates_on == UpdatesOn::All && changed.size() < input.inputs.size()) {
    return reuse("No new changes on all upstreams");
  }
  if (auto wait = held_back(input)) return *wait;
  return build(new_data_reason(*changed.front()));
}

}  // namespace

std::optional<NodeKind> node_kind_of(std::string_view resource_type,
                                     std::string_view materialized) {
  if (resource_type == "test") return NodeKind::Test;
  if (resource_type == "seed") return NodeKind::Seed;
  if (resource_type == "snapshot") return NodeKind::Snapshot;
  if (resource_type != "model") return std::nullopt;
  if (materialized == "view") return NodeKind::View;
  if (materialized == "table") return NodeKind::Table;
  if (materialized == "incremental") return NodeKind::Incremental;
  return std::nullopt;
}

const char* run_mode_name(RunMode mode) {
  switch (mode) {
    case RunMode::StateAware:
      return "state-aware";
    case RunMode::StateAgnostic:
      return "state-agnostic";
    case RunMode::FullRefresh:
      return "full-refresh";
  }
  return "state-aware";
}

bool is_good_status(NodeKind kind, const std::string& status) {
  return status == (kind == NodeKind::Test ? "pass" : "success");
}

Decision decide(const DecisionInput& input) {
  if (!input.selected) return reuse("not selected");
  if (input.mode != RunMode::StateAware) return build("state-agnostic run");
  if (input.prior == nullptr) return build("never built");
  const bool is_test = input.kind == NodeKind::Test;
  if (!is_test && !input.relation_exists) return build("relation missing");
  if (!is_good_status(input.kind, input.prior->status)) {
    return build(is_test ? "last run did not pass" : "last build failed");
  }
  if (input.prior->code_fingerprint != input.code_fingerprint) {
    return build(code_changed_reason(input.prior->code_fingerprint, input.code_fingerprint));
  }
  return decide_on_data(input);
}

}  // namespace kiln::state
