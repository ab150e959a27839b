#pragma once

// run_results.json (schema v6): one entry per node the invocation ran, skipped or reused.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "artifacts/metadata.h"
#include "artifacts/node_status.h"

namespace kiln::artifacts {

using Json = nlohmann::ordered_json;

// One step of a node's execution. dbt names them "compile" and "execute".
struct TimingEntry {
  std::string name;
  std::optional<TimePoint> started_at;
  std::optional<TimePoint> completed_at;
};

// What the warehouse said: {"_message", "code", "rows_affected", ...extra}. dbt writes {}
// when there was no response (skipped and reused nodes).
struct AdapterResponse {
  std::string message;  // "_message", e.g. "CREATE VIEW" or "OK"
  std::string code;
  std::optional<std::int64_t> rows_affected;
  Json extra = Json::object();  // engine-specific keys appended after the standard three
};

// Microbatch models' batches, as [start, end] pairs of event times.
struct BatchResults {
  std::vector<std::pair<TimePoint, TimePoint>> successful;
  std::vector<std::pair<TimePoint, TimePoint>> failed;
};

struct RunResult {
  std::string unique_id;
  NodeStatus status = NodeStatus::kSuccess;
  std::vector<TimingEntry> timing;
  std::string thread_id;      // e.g. worker_thread_name(0)
  double execution_time = 0;  // seconds
  std::optional<AdapterResponse> adapter_response;
  std::optional<std::string> message;    // Kiln puts its build/reuse reason here
  std::optional<std::int64_t> failures;  // tests: rows that failed
  // Null for nodes that are not compiled resources (seeds), as dbt writes them.
  std::optional<bool> compiled;
  std::optional<std::string> compiled_code;
  std::optional<std::string> relation_name;
  std::optional<BatchResults> batch_results;
};

struct RunResults {
  InvocationInfo invocation;
  std::vector<RunResult> results;
  double elapsed_time = 0;  // seconds, the whole invocation
  // The invocation's flags as dbt writes them ({"which": "run", "select": [...],
  // "invocation_command": "dbt run ...", "vars": {...}, ...}): built by the CLI, which
  // owns the flags; written as given.
  Json args = Json::object();
};

// dbt's thread names: "Thread-1 (worker)" for the first worker (0-based index in).
std::string worker_thread_name(std::size_t worker_index);

Json run_result_json(const RunResult& result);
Json run_results_json(const RunResults& run_results);
std::string serialize_run_results(const RunResults& run_results);
void write_run_results(const std::filesystem::path& path, const RunResults& run_results);

}  // namespace kiln::artifacts
