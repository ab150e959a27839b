#pragma once
// Reads what kiln built, straight from the DuckDB file through DuckDB's C API, so the e2e tests
// check table contents without trusting any of kiln's own code. The file is single-writer:
// destroy this object before running kiln again.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <duckdb.h>

namespace kiln::e2e {

using Rows = std::vector<std::vector<std::string>>;

class DuckDbFile {
 public:
  // Opens `path` read-only; throws if it does not exist or cannot be opened.
  explicit DuckDbFile(const std::filesystem::path& path);
  ~DuckDbFile();
  DuckDbFile(const DuckDbFile&) = delete;
  DuckDbFile& operator=(const DuckDbFile&) = delete;

  // Every cell as text ("NULL" for null), rows in the query's order. Throws on a SQL error.
  // TIMESTAMP WITH TIME ZONE cells must be cast to varchar in the query: DuckDB 1.4.4's
  // duckdb_value_varchar crashes on them, so they are refused here.
  Rows rows(const std::string& sql);
  // The one integer a query returns.
  int64_t count(const std::string& sql);
  // Whether a table or view schema.name exists.
  bool has_relation(const std::string& schema, const std::string& name);
  // "BASE TABLE", "VIEW" or "" when absent.
  std::string relation_type(const std::string& schema, const std::string& name);

 private:
  duckdb_database database_ = nullptr;
  duckdb_connection connection_ = nullptr;
};

}  // namespace kiln::e2e
