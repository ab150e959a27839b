#include "artifacts/node_status.h"

#include <array>
#include <utility>

namespace kiln::artifacts {
namespace {

constexpr std::array<std::pair<NodeStatus, std::string_view>, 10> kNodeStatusNames{{
    {NodeStatus::kSuccess, "success"},
    {NodeStatus::kError, "error"},
    {NodeStatus::kSkipped, "skipped"},
    {NodeStatus::kPartialSuccess, "partial success"},
    {NodeStatus::kNoOp, "no-op"},
    {NodeStatus::kPass, "pass"},
    {NodeStatus::kFail, "fail"},
    {NodeStatus::kWarn, "warn"},
    {NodeStatus::kRuntimeError, "runtime error"},
    {NodeStatus::kReused, "reused"},
}};

}  // namespace

std::string_view status_name(NodeStatus status) {
  for (const auto& [value, name] : kNodeStatusNames) {
    if (value == status) return name;
  }
  return "error";  // unreachable for valid enumerators
}

std::optional<NodeStatus> parse_status(std::string_view name) {
  for (const auto& [value, spelling] : kNodeStatusNames) {
    if (spelling == name) return value;
  }
  return std::nullopt;
}

std::string_view status_name(FreshnessStatus status) {
  switch (status) {
    case FreshnessStatus::kPass:
      return "pass";
    case FreshnessStatus::kWarn:
      return "warn";
    case FreshnessStatus::kError:
      return "error";
    case FreshnessStatus::kRuntimeError:
      return "runtime error";
  }
  return "runtime error";
}

}  // namespace kiln::artifacts
