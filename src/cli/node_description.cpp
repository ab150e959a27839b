#include "cli/node_description.h"

#include <fmt/format.h>

namespace kiln::cli {

using project::ResourceType;
using run::NodeStatus;

std::string node_description(const compile::ParsedNode& node) {
  std::string where = node.schema + "." + node.alias;
  switch (node.resource_type) {
    case ResourceType::Seed:
      return "seed file " + where;
    case ResourceType::Test:
      return "test " + node.name();
    case ResourceType::Snapshot:
      return "snapshot " + where;
    default:
      return "sql " + node.materialized() + " model " + where;
  }
}

std::string result_message(const compile::ParsedNode& node, const run::NodeResult& result) {
  bool is_test = node.resource_type == ResourceType::Test;
  std::string description = node_description(node);
  switch (result.status) {
    case NodeStatus::Success:
      if (node.resource_type == ResourceType::Seed) return "OK loaded " + description;
      return "OK created " + description;
    case NodeStatus::Pass:
      return "PASS " + node.name();
    case NodeStatus::Warn:
      return fmt::format("WARN {} {}", result.failures, node.name());
    case NodeStatus::Fail:
      return fmt::format("FAIL {} {}", result.failures, node.name());
    case NodeStatus::Error:
      return is_test ? "ERROR " + node.name() : "ERROR creating " + description;
    case NodeStatus::Skipped:
      return "SKIP relation " + node.schema + "." + node.alias;
  }
  return description;
}

std::string result_status(const run::NodeResult& result) {
  std::string seconds = fmt::format("{:.2f}s", result.execution_time);
  switch (result.status) {
    case NodeStatus::Success:
      if (result.message.rfind("INSERT", 0) == 0)
        return "[" + result.message + " in " + seconds + "]";
      return "[OK in " + seconds + "]";
    case NodeStatus::Pass:
      return "[PASS in " + seconds + "]";
    case NodeStatus::Warn:
      return fmt::format("[WARN {} in {}]", result.failures, seconds);
    case NodeStatus::Fail:
      return fmt::format("[FAIL {} in {}]", result.failures, seconds);
    case NodeStatus::Error:
      return "[ERROR in " + seconds + "]";
    case NodeStatus::Skipped:
      return "[SKIP]";
  }
  return "";
}

}  // namespace kiln::cli
