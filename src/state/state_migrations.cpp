#include "state/state_migrations.h"

#include <fmt/format.h>

namespace kiln::state {

namespace {

// Version 1: one row per node (its last build) and one per run. Types are the ones DuckDB
// and PostgreSQL share; input_versions is JSON text so the store needs no JSON type.
std::string version_1(const StoreTables& tables) {
  return fmt::format(
      "CREATE TABLE IF NOT EXISTS {} (\n"
      "  unique_id VARCHAR PRIMARY KEY,\n"
      "  relation_name VARCHAR,\n"
      "  code_fingerprint VARCHAR NOT NULL,\n"
      "  input_versions VARCHAR NOT NULL,\n"
      "  data_version VARCHAR,\n"
      "  status VARCHAR NOT NULL,\n"
      "  built_at TIMESTAMP NOT NULL,\n"
      "  duration_s DOUBLE PRECISION,\n"
      "  run_id VARCHAR\n"
      ");\n"
      "CREATE TABLE IF NOT EXISTS {} (\n"
      "  run_id VARCHAR PRIMARY KEY,\n"
      "  command VARCHAR NOT NULL,\n"
      "  mode VARCHAR NOT NULL,\n"
      "  started_at TIMESTAMP NOT NULL,\n"
      "  ended_at TIMESTAMP,\n"
      "  outcome VARCHAR\n"
      ")",
      tables.node_state, tables.runs);
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps = {
      {1, "node_state and runs", &version_1},
  };
  return steps;
}

int latest_schema_version() {
  return migrations().back().version;
}

std::string create_schema_version_table_sql(const StoreTables& tables) {
  return fmt::format(
      "CREATE TABLE IF NOT EXISTS {} (\n"
      "  version INTEGER PRIMARY KEY,\n"
      "  applied_at TIMESTAMP NOT NULL,\n"
      "  summary VARCHAR\n"
      ")",
      tables.schema_version);
}

}  // namespace kiln::state
