#pragma once
// One open DuckDB database (a file or :memory:), shared by the adapter and every connection
// made from it: it is closed when the last of them lets go.

#include <duckdb.h>

#include <string>

namespace kiln::warehouse::duckdb {

class Database {
 public:
  // Opens (creating if missing) the database at `path`; ":memory:" is an in-memory database.
  // Throws WarehouseError(Connection) with DuckDB's message when it cannot be opened.
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  duckdb_database handle() const { return database_; }

 private:
  duckdb_database database_ = nullptr;
};

}  // namespace kiln::warehouse::duckdb
