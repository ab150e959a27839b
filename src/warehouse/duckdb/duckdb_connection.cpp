#include "warehouse/duckdb/duckdb_connection.h"

#include <fmt/format.h>

#include <string>

#include "warehouse/duckdb/duckdb_handles.h"
#include "warehouse/duckdb/duckdb_result_reader.h"
#include "warehouse/error.h"
#include "warehouse/quoting.h"

namespace kiln::warehouse::duckdb {

namespace {

// Marks the connection busy while a statement runs, so that interrupt() only reaches
// statements that are running instead of leaving a flag for the next one.
class RunningFlag {
 public:
  explicit RunningFlag(std::atomic<bool>& flag) : flag_(flag) { flag_ = true; }
  ~RunningFlag() { flag_ = false; }
  RunningFlag(const RunningFlag&) = delete;
  RunningFlag& operator=(const RunningFlag&) = delete;

 private:
  std::atomic<bool>& flag_;
};

bool is_setting_name(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '_' || c == '.';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace

DuckDbConnection::DuckDbConnection(std::shared_ptr<Database> database, const Settings& settings)
    : database_(std::move(database)) {
  if (duckdb_connect(database_->handle(), &connection_) == DuckDBError) {
    throw WarehouseError(ErrorKind::Connection, "could not connect to the DuckDB database");
  }
  try {
    apply(settings);
  } catch (...) {
    // The destructor does not run for a constructor that throws.
    duckdb_disconnect(&connection_);
    throw;
  }
}

void DuckDbConnection::apply(const Settings& settings) {
  for (const auto& [name, value] : settings) {
    // Setting names cannot be quoted in SET, so only plain names are accepted.
    if (!is_setting_name(name)) {
      throw WarehouseError(ErrorKind::Usage,
                           fmt::format("'{}' is not a DuckDB setting name", name));
    }
    execute(fmt::format("SET {} = {}", name, quote_string_literal(value)));
  }
}

DuckDbConnection::~DuckDbConnection() {
  duckdb_disconnect(&connection_);
}

void DuckDbConnection::fail(const char* message, duckdb_error_type type, std::string_view sql) {
  ErrorKind kind = type == DUCKDB_ERROR_INTERRUPT ? ErrorKind::Interrupted : ErrorKind::Query;
  throw WarehouseError(kind, message != nullptr ? message : "unknown DuckDB error",
                       std::string(sql));
}

ResultTable DuckDbConnection::execute(std::string_view sql) {
  std::string text(sql);
  ExtractedStatements statements;
  idx_t count = duckdb_extract_statements(connection_, text.c_str(), statements.out());
  if (count == 0) {
    const char* error = duckdb_extract_statements_error(statements.get());
    if (error != nullptr) fail(error, DUCKDB_ERROR_PARSER, sql);
    return {};  // only whitespace and comments
  }
  // An interrupt is for the work under way; one from before this call has nothing to cancel.
  interrupt_requested_ = false;
  ResultTable last;
  for (idx_t index = 0; index < count; ++index) {
    bool is_last = index + 1 == count;
    ResultTable result = run_statement(statements.get(), index, is_last, sql);
    if (is_last) last = std::move(result);
  }
  return last;
}

ResultTable DuckDbConnection::run_statement(duckdb_extracted_statements statements, idx_t index,
                                            bool want_result, std::string_view sql) {
  PreparedStatement prepared;
  if (duckdb_prepare_extracted_statement(connection_, statements, index, prepared.out()) ==
      DuckDBError) {
    fail(duckdb_prepare_error(prepared.get()), DUCKDB_ERROR_PARSER, sql);
  }
  bool is_transaction_statement =
      duckdb_prepared_statement_type(prepared.get()) == DUCKDB_STATEMENT_TYPE_TRANSACTION;
  Result result;
  run_prepared(prepared.get(), result, sql);
  // BEGIN succeeds only outside a transaction and COMMIT/ROLLBACK only inside one, so every
  // successful transaction statement flips the state, whichever it was.
  if (is_transaction_statement) in_transaction_ = !in_transaction_;
  return want_result ? read_result(*result.get()) : ResultTable{};
}

void DuckDbConnection::begin() {
  if (in_transaction_) {
    throw WarehouseError(ErrorKind::Usage, "begin() inside an open transaction");
  }
  execute("BEGIN TRANSACTION");
}

void DuckDbConnection::commit() {
  if (!in_transaction_) throw WarehouseError(ErrorKind::Usage, "commit() without a transaction");
  try {
    execute("COMMIT");
  } catch (const WarehouseError&) {
    // DuckDB rolls a transaction back when its commit fails, so none is open any more.
    in_transaction_ = false;
    throw;
  }
}

void DuckDbConnection::rollback() {
  if (!in_transaction_) {
    throw WarehouseError(ErrorKind::Usage, "rollback() without a transaction");
  }
  execute("ROLLBACK");
}

// interrupt() and run_prepared() each write their flag before reading the other's, so at
// least one of them sees both and calls duckdb_interrupt once the query has begun: an
// interrupt is never lost in the gap between "about to run" and "running".
void DuckDbConnection::interrupt() {
  interrupt_requested_ = true;
  if (running_) duckdb_interrupt(connection_);
}

void DuckDbConnection::run_prepared(duckdb_prepared_statement prepared, Result& result,
                                    std::string_view sql) {
  // DuckDB clears a connection's interrupt flag when a query begins, which for a pending
  // query is here; interrupting before this point would be forgotten.
  PendingResult pending;
  if (duckdb_pending_prepared(prepared, pending.out()) == DuckDBError) {
    fail(duckdb_pending_error(pending.get()), DUCKDB_ERROR_INVALID, sql);
  }
  duckdb_state state;
  {
    RunningFlag running(running_);
    if (interrupt_requested_) duckdb_interrupt(connection_);
    state = duckdb_execute_pending(pending.get(), result.get());
  }
  if (state == DuckDBError) {
    fail(duckdb_result_error(result.get()), duckdb_result_error_type(result.get()), sql);
  }
}

void DuckDbConnection::for_each_chunk(std::string_view query,
                                      const std::function<void(duckdb_data_chunk)>& visit) {
  std::string text(query);
  PreparedStatement prepared;
  if (duckdb_prepare(connection_, text.c_str(), prepared.out()) == DuckDBError) {
    fail(duckdb_prepare_error(prepared.get()), DUCKDB_ERROR_PARSER, query);
  }
  Result result;
  run_prepared(prepared.get(), result, query);
  while (DataChunk chunk{duckdb_fetch_chunk(*result.get())})
    visit(chunk.get());
}

}  // namespace kiln::warehouse::duckdb
