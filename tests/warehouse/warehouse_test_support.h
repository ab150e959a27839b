#pragma once
// Shared by the warehouse tests: real DuckDB databases (in memory, or in a temporary folder
// that is removed afterwards), never mocks.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "warehouse/duckdb/duckdb_adapter.h"

namespace kiln::warehouse::testing {

// A folder under the system's temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("kiln-warehouse-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// An in-memory DuckDB adapter and one connection on it.
class DuckDbTest : public ::testing::Test {
 protected:
  DuckDbTest() : adapter(duckdb::DuckDbOptions{}), connection(adapter.open_connection()) {}

  // The only cell of a one-row, one-column query.
  Cell scalar(const std::string& sql) {
    ResultTable result = connection->execute(sql);
    EXPECT_EQ(result.rows.size(), 1u) << sql;
    EXPECT_EQ(result.columns.size(), 1u) << sql;
    if (result.rows.empty() || result.rows[0].empty()) return {};
    return result.rows[0][0];
  }

  duckdb::DuckDbAdapter adapter;
  std::unique_ptr<Connection> connection;
};

}  // namespace kiln::warehouse::testing
