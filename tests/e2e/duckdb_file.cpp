#include "duckdb_file.h"

#include <stdexcept>

namespace kiln::e2e {

namespace {

// Owns a duckdb_result so every exit path destroys it.
struct QueryResult {
  duckdb_result result{};
  bool ok = false;
  ~QueryResult() { duckdb_destroy_result(&result); }
};

}  // namespace

DuckDbFile::DuckDbFile(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error("no DuckDB file at " + path.string());
  }
  duckdb_config config = nullptr;
  duckdb_create_config(&config);
  // Read-only: a test must never change what it inspects.
  duckdb_set_config(config, "access_mode", "READ_ONLY");
  char* error = nullptr;
  duckdb_state state = duckdb_open_ext(path.c_str(), &database_, config, &error);
  duckdb_destroy_config(&config);
  if (state != DuckDBSuccess) {
    std::string message = error != nullptr ? error : "unknown error";
    duckdb_free(error);
    throw std::runtime_error("cannot open " + path.string() + ": " + message);
  }
  if (duckdb_connect(database_, &connection_) != DuckDBSuccess) {
    duckdb_close(&database_);
    throw std::runtime_error("cannot connect to " + path.string());
  }
}

DuckDbFile::~DuckDbFile() {
  duckdb_disconnect(&connection_);
  duckdb_close(&database_);
}

Rows DuckDbFile::rows(const std::string& sql) {
  QueryResult query;
  if (duckdb_query(connection_, sql.c_str(), &query.result) != DuckDBSuccess) {
    const char* error = duckdb_result_error(&query.result);
    throw std::runtime_error(sql + ": " + (error != nullptr ? error : "query failed"));
  }
  idx_t columns = duckdb_column_count(&query.result);
  for (idx_t column = 0; column < columns; ++column) {
    if (duckdb_column_type(&query.result, column) == DUCKDB_TYPE_TIMESTAMP_TZ) {
      throw std::runtime_error(sql + ": cast column " + duckdb_column_name(&query.result, column) +
                               " to varchar in SQL (timestamptz cells crash this reader)");
    }
  }
  Rows result;
  idx_t row_count = duckdb_row_count(&query.result);
  for (idx_t row = 0; row < row_count; ++row) {
    std::vector<std::string> cells;
    for (idx_t column = 0; column < columns; ++column) {
      if (duckdb_value_is_null(&query.result, column, row)) {
        cells.emplace_back("NULL");
        continue;
      }
      char* text = duckdb_value_varchar(&query.result, column, row);
      cells.emplace_back(text != nullptr ? text : "");
      duckdb_free(text);
    }
    result.push_back(std::move(cells));
  }
  return result;
}

int64_t DuckDbFile::count(const std::string& sql) {
  QueryResult query;
  if (duckdb_query(connection_, sql.c_str(), &query.result) != DuckDBSuccess) {
    const char* error = duckdb_result_error(&query.result);
    throw std::runtime_error(sql + ": " + (error != nullptr ? error : "query failed"));
  }
  if (duckdb_row_count(&query.result) != 1 || duckdb_column_count(&query.result) != 1) {
    throw std::runtime_error(sql + ": expected one value");
  }
  return duckdb_value_int64(&query.result, 0, 0);
}

std::string DuckDbFile::relation_type(const std::string& schema, const std::string& name) {
  // Names come from the tests themselves, never from kiln's output, so inlining them is safe.
  Rows found = rows("select table_type from information_schema.tables where table_schema = '" +
                    schema + "' and table_name = '" + name + "'");
  return found.empty() ? "" : found[0][0];
}

bool DuckDbFile::has_relation(const std::string& schema, const std::string& name) {
  return !relation_type(schema, name).empty();
}

}  // namespace kiln::e2e
