#pragma once
// Owners for the DuckDB C API's handles, so that every exit path (exceptions included)
// releases them. Internal to the DuckDB engine: only its .cpp files include duckdb.h.

#include <duckdb.h>

#include <string>

namespace kiln::warehouse::duckdb {

class LogicalType {
 public:
  explicit LogicalType(duckdb_logical_type type) : type_(type) {}
  ~LogicalType() {
    if (type_ != nullptr) duckdb_destroy_logical_type(&type_);
  }
  LogicalType(LogicalType&& other) noexcept : type_(other.type_) { other.type_ = nullptr; }
  LogicalType(const LogicalType&) = delete;
  LogicalType& operator=(const LogicalType&) = delete;
  LogicalType& operator=(LogicalType&&) = delete;

  duckdb_logical_type get() const { return type_; }
  duckdb_type id() const { return duckdb_get_type_id(type_); }

 private:
  duckdb_logical_type type_;
};

// A string the C API allocated (duckdb_free'd), copied out; "" for nullptr.
inline std::string take_duckdb_string(char* text) {
  if (text == nullptr) return {};
  std::string copy(text);
  duckdb_free(text);
  return copy;
}

class Result {
 public:
  Result() = default;
  ~Result() { duckdb_destroy_result(&result_); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  duckdb_result* get() { return &result_; }

 private:
  duckdb_result result_{};
};

class DataChunk {
 public:
  explicit DataChunk(duckdb_data_chunk chunk) : chunk_(chunk) {}
  ~DataChunk() {
    if (chunk_ != nullptr) duckdb_destroy_data_chunk(&chunk_);
  }
  DataChunk(const DataChunk&) = delete;
  DataChunk& operator=(const DataChunk&) = delete;

  duckdb_data_chunk get() const { return chunk_; }
  explicit operator bool() const { return chunk_ != nullptr; }

 private:
  duckdb_data_chunk chunk_;
};

class PreparedStatement {
 public:
  PreparedStatement() = default;
  ~PreparedStatement() { duckdb_destroy_prepare(&statement_); }
  PreparedStatement(const PreparedStatement&) = delete;
  PreparedStatement& operator=(const PreparedStatement&) = delete;

  duckdb_prepared_statement* out() { return &statement_; }
  duckdb_prepared_statement get() const { return statement_; }

 private:
  duckdb_prepared_statement statement_ = nullptr;
};

class PendingResult {
 public:
  PendingResult() = default;
  ~PendingResult() { duckdb_destroy_pending(&pending_); }
  PendingResult(const PendingResult&) = delete;
  PendingResult& operator=(const PendingResult&) = delete;

  duckdb_pending_result* out() { return &pending_; }
  duckdb_pending_result get() const { return pending_; }

 private:
  duckdb_pending_result pending_ = nullptr;
};

class ExtractedStatements {
 public:
  ExtractedStatements() = default;
  ~ExtractedStatements() { duckdb_destroy_extracted(&statements_); }
  ExtractedStatements(const ExtractedStatements&) = delete;
  ExtractedStatements& operator=(const ExtractedStatements&) = delete;

  duckdb_extracted_statements* out() { return &statements_; }
  duckdb_extracted_statements get() const { return statements_; }

 private:
  duckdb_extracted_statements statements_ = nullptr;
};

}  // namespace kiln::warehouse::duckdb
