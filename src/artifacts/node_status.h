#pragma once

#include <optional>
#include <string_view>

namespace kiln::artifacts {

// A node's result status as run_results.json spells it. All but kReused are dbt's own
// (RunStatus, TestStatus, FreshnessStatus). kReused is Kiln's: the node was not executed
// because its code and inputs are unchanged since its last good build, and its relation
// was reused; dbt's state-aware engine reports such nodes as "reused" as well. It is
// outside run-results v6's status enum, so a strict schema validator rejects it.
enum class NodeStatus {
  kSuccess,
  kError,
  kSkipped,
  kPartialSuccess,
  kNoOp,
  kPass,
  kFail,
  kWarn,
  kRuntimeError,
  kReused,
};

// "success", "error", "skipped", "partial success", "no-op", "pass", "fail", "warn",
// "runtime error", "reused".
std::string_view status_name(NodeStatus status);

// The inverse of status_name; nullopt for anything else (e.g. when reading a previous
// run's run_results.json).
std::optional<NodeStatus> parse_status(std::string_view name);

// Source freshness results (sources.json) have their own, smaller set.
enum class FreshnessStatus { kPass, kWarn, kError, kRuntimeError };

std::string_view status_name(FreshnessStatus status);

}  // namespace kiln::artifacts
