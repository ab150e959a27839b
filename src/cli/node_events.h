#pragma once
// dbt's events about one node (dbt-core core/dbt/events/types.py, core_types.proto): the start
// line, the result line of each resource type, skips, and the debug-level NodeStart /
// NodeFinished; each carries the node's node_info as dbt fills it.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "artifacts/timestamp.h"
#include "cli/log_event.h"
#include "compile/parsed_node.h"
#include "run/node_result.h"

namespace kiln::cli {

// Where a node is in its run, for node_info: node_status "started" (then the result's status),
// and Python isoformat() times of naive UTC datetimes ("2024-09-24T15:24:36.246406").
struct NodeProgress {
  std::string status;
  std::string started_at;
  std::string finished_at;
};

std::string python_isoformat(artifacts::TimePoint when);

// dbt's node_info: node_path, node_name, unique_id, resource_type, materialized, node_status,
// node_started_at, node_finished_at, meta, node_relation{database, schema, alias,
// relation_name}.
nlohmann::ordered_json node_info(const compile::ParsedNode& node, const NodeProgress& progress);

// dbt's format_fancy_output_line: "<index> of <total> <msg> " padded with dots to 80 columns,
// then " [<status>[ in <t>s]]".
std::string fancy_output_line(const std::string& msg, const std::string& status,
                              std::optional<size_t> index, std::optional<size_t> total,
                              std::optional<double> execution_time = std::nullopt);

// The numbered position of a node in this run, and the thread that ran it.
struct NodeSlot {
  size_t index = 0;
  size_t total = 0;
  std::string thread = "MainThread";
};

LogEvent log_start_line(const compile::ParsedNode& node, const NodeSlot& slot,
                        const nlohmann::ordered_json& info);
// LogModelResult, LogSeedResult, LogTestResult or LogSnapshotResult, by resource type.
LogEvent node_result_line(const compile::ParsedNode& node, const run::NodeResult& result,
                          const NodeSlot& slot, const nlohmann::ordered_json& info);
// A node a state-aware run reused, as dbt Fusion prints it:
// "5 of 30 REUSED sql table model main.dim_wizards ..... [REUSED: No new changes on any
// upstreams]".
LogEvent reused_line(const compile::ParsedNode& node, const run::NodeResult& result,
                     const NodeSlot& slot, const nlohmann::ordered_json& info);
// A dry run's decision: "5 of 30 WOULD BUILD sql table model main.dim_wizards ..... [BUILD: new
// data in stg_wizards]" (or WOULD REUSE ... [REUSE: ...]).
LogEvent planned_line(const compile::ParsedNode& node, const run::NodeResult& result,
                      const NodeSlot& slot, const nlohmann::ordered_json& info);
// SkippingDetails: "5 of 9 SKIP relation main.dim_customers ..... [SKIP]".
LogEvent skipping_details(const compile::ParsedNode& node, const NodeSlot& slot,
                          const nlohmann::ordered_json& info);
// Debug-level: "Began running node <id>", "Finished running node <id>" (with the run result).
LogEvent node_start(const compile::ParsedNode& node, const std::string& thread,
                    const nlohmann::ordered_json& info);
LogEvent node_finished(const compile::ParsedNode& node, const run::NodeResult& result,
                       const std::string& thread, const nlohmann::ordered_json& info);
// LogCancelLine: "CANCEL query model.x ..... [CANCEL]", for a node interrupted by Ctrl-C.
LogEvent log_cancel_line(const std::string& connection_name);

}  // namespace kiln::cli
