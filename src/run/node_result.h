#pragma once
// How one node's run ended, in dbt's terms (run_results.json's status, message, timing).

#include <chrono>
#include <cstdint>
#include <string>

namespace kiln::run {

// dbt's statuses: models/seeds success|error|skipped, tests pass|fail|warn|error|skipped;
// and state-aware orchestration's reused (nothing ran: code and inputs unchanged). Planned is
// a dry run's "would build".
enum class NodeStatus { Success, Error, Skipped, Pass, Fail, Warn, Reused, Planned };

const char* status_name(NodeStatus status);

struct NodeResult {
  std::string unique_id;
  NodeStatus status = NodeStatus::Skipped;
  std::string message;        // "OK", "CREATE TABLE (4 rows)", the error text, ...
  std::string compiled_code;  // the SQL that ran (empty if it never compiled)
  // The materialization's main statements as run (dbt's `statement('main')`: the create
  // view/table, the incremental update, the wrapped test query); the CLI writes them to
  // target/run/. Empty when nothing ran or the engine loaded the data itself (seeds).
  std::string run_sql;
  std::string relation_name;
  // Why a state-aware run built or reused it ("new data in raw.wizards"); empty when no
  // decision was made (nodes without state, skipped nodes).
  std::string reason;
  double saved_seconds = 0;    // reused: its last build's duration, the warehouse time saved
  int64_t rows_affected = -1;  // -1 when the engine did not say
  int64_t failures = -1;       // tests: failing rows
  std::chrono::system_clock::time_point compile_started, compile_completed;
  std::chrono::system_clock::time_point execute_started, execute_completed;
  double execution_time = 0;  // seconds
  int thread = 0;             // the worker that ran it (dbt's Thread-N)

  // Whether nodes waiting for this one may still run.
  bool blocks_dependents() const {
    return status == NodeStatus::Error || status == NodeStatus::Fail;
  }
};

}  // namespace kiln::run
