#include "duckdb_database.h"

#include <stdexcept>

namespace kiln::bench {

namespace {

// Owns a duckdb_result so every path frees it.
struct Result {
  duckdb_result value{};
  ~Result() { duckdb_destroy_result(&value); }
};

[[noreturn]] void fail(duckdb_result& result, const std::string& sql) {
  const char* message = duckdb_result_error(&result);
  throw std::runtime_error(std::string(message ? message : "DuckDB error") +
                           "\n  in: " + sql.substr(0, 400));
}

}  // namespace

DuckdbDatabase::DuckdbDatabase(const std::string& path) {
  if (duckdb_open(path.c_str(), &database_) == DuckDBError) {
    throw std::runtime_error("cannot open DuckDB database " + path);
  }
  if (duckdb_connect(database_, &connection_) == DuckDBError) {
    duckdb_close(&database_);
    throw std::runtime_error("cannot connect to DuckDB database " + path);
  }
}

DuckdbDatabase::~DuckdbDatabase() {
  duckdb_disconnect(&connection_);
  duckdb_close(&database_);
}

void DuckdbDatabase::execute(const std::string& sql) {
  Result result;
  if (duckdb_query(connection_, sql.c_str(), &result.value) == DuckDBError) fail(result.value, sql);
}

std::string DuckdbDatabase::scalar(const std::string& sql) {
  Result result;
  if (duckdb_query(connection_, sql.c_str(), &result.value) == DuckDBError) fail(result.value, sql);
  if (duckdb_row_count(&result.value) == 0 || duckdb_column_count(&result.value) == 0) return "";
  char* text = duckdb_value_varchar(&result.value, 0, 0);
  std::string out = text ? text : "";
  duckdb_free(text);
  return out;
}

}  // namespace kiln::bench
