#pragma once

#include <duckdb.h>

#include <string>

namespace kiln::bench {

// One DuckDB database file and one connection to it, through the C API. Errors throw
// std::runtime_error with DuckDB's message and the statement that failed.
class DuckdbDatabase {
 public:
  explicit DuckdbDatabase(const std::string& path);
  ~DuckdbDatabase();
  DuckdbDatabase(const DuckdbDatabase&) = delete;
  DuckdbDatabase& operator=(const DuckdbDatabase&) = delete;

  // Runs `sql` (one or more statements) and drops the result.
  void execute(const std::string& sql);

  // Runs `sql` and returns the first column of the first row as text ("" when NULL or empty).
  std::string scalar(const std::string& sql);

 private:
  duckdb_database database_ = nullptr;
  duckdb_connection connection_ = nullptr;
};

}  // namespace kiln::bench
