// floor: executes the statements of a project's last `kiln build` straight through DuckDB's C
// API, in one process, on one connection, one after the other in DAG order. The time it
// takes is the floor a build cannot beat without running less SQL (docs/benchmarks.md).
//   floor PROJECT_DIR DATABASE_FILE
// DATABASE_FILE must hold the sources only (a copy taken before the build), under the name
// the profile gives, since relation names carry the database name.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "build_statements.h"
#include "duckdb_database.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Opens the database, creates the schemas and runs every node's SQL; returns seconds.
double execute(const kiln::bench::BuildStatements& statements, const std::string& database_file) {
  auto start = std::chrono::steady_clock::now();
  {
    kiln::bench::DuckdbDatabase database(database_file);
    for (const std::string& schema : statements.schemas)
      database.execute("create schema if not exists " + schema);
    for (const auto& node : statements.nodes) {
      try {
        database.execute(node.sql);
      } catch (const std::exception& e) {
        throw std::runtime_error(node.unique_id + ": " + e.what());
      }
    }
  }  // closing checkpoints the file, as the end of a build does
  return seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: floor PROJECT_DIR DATABASE_FILE\n";
    return 2;
  }
  try {
    auto start = std::chrono::steady_clock::now();
    kiln::bench::BuildStatements statements = kiln::bench::read_build_statements(argv[1]);
    double read_seconds = seconds_since(start);
    double execute_seconds = execute(statements, argv[2]);
    // One line bench/run reads: the execute figure is the floor.
    std::printf(
        "floor: %zu nodes (%zu from target/run, %zu wrapped from compiled SQL) "
        "execute_seconds=%.3f read_seconds=%.3f\n",
        statements.nodes.size(), statements.from_run_files,
        statements.nodes.size() - statements.from_run_files, execute_seconds, read_seconds);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "floor: " << e.what() << "\n";
    return 1;
  }
}
