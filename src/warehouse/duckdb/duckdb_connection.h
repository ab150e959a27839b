#pragma once
// A session on a DuckDB database. DuckDB allows many connections on one database, each used
// by one thread at a time; that is exactly Kiln's model of one connection per worker.

#include <duckdb.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "warehouse/connection.h"
#include "warehouse/duckdb/duckdb_database.h"
#include "warehouse/duckdb/duckdb_handles.h"
#include "warehouse/duckdb/duckdb_options.h"

namespace kiln::warehouse::duckdb {

class DuckDbConnection final : public Connection {
 public:
  // Connects and applies `settings` (SET name = value) to the new session.
  DuckDbConnection(std::shared_ptr<Database> database, const Settings& settings);
  ~DuckDbConnection() override;

  ResultTable execute(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  bool in_transaction() const override { return in_transaction_; }
  void interrupt() override;

  // Runs one query and hands its rows to `visit` chunk by chunk in DuckDB's own vectors,
  // without converting them to cells (the seed loader reads whole CSV files this way).
  void for_each_chunk(std::string_view query, const std::function<void(duckdb_data_chunk)>& visit);

 private:
  void apply(const Settings& settings);
  ResultTable run_statement(duckdb_extracted_statements statements, idx_t index, bool want_result,
                            std::string_view sql);
  // Executes, materializing into `result`; throws on error or interrupt.
  void run_prepared(duckdb_prepared_statement prepared, Result& result, std::string_view sql);
  [[noreturn]] void fail(const char* message, duckdb_error_type type, std::string_view sql);

  std::shared_ptr<Database> database_;
  duckdb_connection connection_ = nullptr;
  bool in_transaction_ = false;
  std::atomic<bool> running_{false};
  std::atomic<bool> interrupt_requested_{false};
};

}  // namespace kiln::warehouse::duckdb
