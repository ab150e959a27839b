#pragma once
// The state store: tables in a schema of the target warehouse (default kiln_state), so every
// job pointed at the same warehouse shares one state. It speaks to the warehouse only
// through warehouse::Adapter and warehouse::Connection.
//
//   <schema>.schema_version  one row per applied migration (state_migrations.h)
//   <schema>.node_state      one row per node: its last build (node_record.h, NodeRecord)
//   <schema>.runs            one row per kiln invocation (RunRecord)
//
// The transaction rule: record_node() is called on the connection that built the node,
// inside the transaction that swaps the built relation in, so the relation and its record
// commit together or not at all. A job killed at any instant leaves the old relation with
// the old record or the new relation with the new record.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "state/node_record.h"
#include "state/state_migrations.h"
#include "warehouse/adapter.h"
#include "warehouse/connection.h"

namespace kiln::state {

class StateStore {
 public:
  // `steps` is the migration list; only tests pass another one.
  explicit StateStore(warehouse::Adapter& adapter, std::string schema = "kiln_state",
                      std::vector<Migration> steps = migrations());

  // Creates the schema and tables if missing and applies pending migrations. Idempotent,
  // and safe when several processes race: creation is create-if-not-exists, each migration
  // re-checks the version inside its transaction, and a step that loses a race is rolled
  // back and the whole check retried. Throws std::runtime_error when the store is newer than
  // this Kiln. Call it outside a transaction, once per run, before anything else here.
  void ensure_schema(warehouse::Connection& connection);

  // The store's schema version; 0 when schema_version is empty.
  int version(warehouse::Connection& connection);

  // Every node's record, in ONE query.
  std::map<std::string, NodeRecord> load_all(warehouse::Connection& connection);

  // Inserts or replaces the node's record. Runs in the caller's transaction when one is
  // open (see the transaction rule above); otherwise in a transaction of its own.
  void record_node(warehouse::Connection& connection, const NodeRecord& record);

  // A run's row: written when it starts, completed when it ends.
  void begin_run(warehouse::Connection& connection, const RunRecord& run);
  // Throws std::runtime_error when no run has that id.
  void end_run(warehouse::Connection& connection, const std::string& run_id,
               std::chrono::system_clock::time_point ended_at, const std::string& outcome);
  std::optional<RunRecord> load_run(warehouse::Connection& connection, const std::string& run_id);

  const StoreTables& tables() const { return tables_; }
  const std::string& schema() const { return schema_; }

 private:
  void ensure_schema_once(warehouse::Connection& connection);

  warehouse::Adapter& adapter_;
  std::string schema_;
  std::vector<Migration> steps_;
  StoreTables tables_;
};

}  // namespace kiln::state
