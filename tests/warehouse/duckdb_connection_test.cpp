#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "warehouse/error.h"
#include "warehouse_test_support.h"

namespace kiln::warehouse {
namespace {

using testing::DuckDbTest;
using testing::TempDir;

duckdb::DuckDbOptions at_path(std::string path) {
  duckdb::DuckDbOptions options;
  options.path = std::move(path);
  return options;
}

duckdb::DuckDbOptions with_settings(duckdb::Settings settings) {
  duckdb::DuckDbOptions options;
  options.settings = std::move(settings);
  return options;
}

duckdb::DuckDbOptions with_extension(std::string extension) {
  duckdb::DuckDbOptions options;
  options.extensions = {std::move(extension)};
  return options;
}

TEST_F(DuckDbTest, ExecuteReturnsColumnsAndRows) {
  ResultTable result = connection->execute("SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, NULL");
  ASSERT_EQ(result.columns.size(), 2u);
  EXPECT_EQ(result.columns[0].name, "a");
  EXPECT_EQ(result.columns[0].type, "INTEGER");
  EXPECT_EQ(result.columns[0].kind, ValueKind::Integer);
  EXPECT_EQ(result.columns[1].type, "VARCHAR");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.at(0, "a"), Cell(int64_t{1}));
  EXPECT_EQ(result.at(0, "b"), Cell(std::string("x")));
  EXPECT_TRUE(is_null(result.at(1, "b")));
  EXPECT_EQ(result.rows_affected, -1);
}

TEST_F(DuckDbTest, ResultsLargerThanOneChunkAreReadCompletely) {
  ResultTable result = connection->execute("SELECT range AS i FROM range(5000)");
  ASSERT_EQ(result.rows.size(), 5000u);
  EXPECT_EQ(result.rows[4999][0], Cell(int64_t{4999}));
}

TEST_F(DuckDbTest, MultipleStatementsRunInOrderAndTheLastResultIsReturned) {
  ResultTable result = connection->execute(
      "CREATE TABLE t (i INTEGER);\n"
      "INSERT INTO t VALUES (1), (2);\n"
      "-- a comment between statements\n"
      "INSERT INTO t SELECT i + 10 FROM t;\n"
      "SELECT sum(i) AS total FROM t;");
  EXPECT_EQ(result.at(0, "total"), Cell(std::string("26")));  // sum(INTEGER) is HUGEINT
}

TEST_F(DuckDbTest, RowsAffectedIsReportedForDml) {
  EXPECT_EQ(connection->execute("CREATE TABLE t AS SELECT range AS i FROM range(10)").rows_affected,
            10);
  EXPECT_EQ(connection->execute("CREATE SCHEMA s").rows_affected, -1);
  EXPECT_EQ(connection->execute("UPDATE t SET i = i + 1 WHERE i < 4").rows_affected, 4);
  EXPECT_EQ(connection->execute("DELETE FROM t WHERE i > 7").rows_affected, 2);
  EXPECT_EQ(connection->execute("INSERT INTO t VALUES (1), (2), (3)").rows_affected, 3);
}

TEST_F(DuckDbTest, EmptySqlReturnsAnEmptyResult) {
  ResultTable result = connection->execute("  -- nothing here\n");
  EXPECT_TRUE(result.columns.empty());
  EXPECT_TRUE(result.rows.empty());
}

TEST_F(DuckDbTest, SyntaxErrorCarriesDuckDbsMessageUnchanged) {
  try {
    connection->execute("SELEC 1");
    FAIL() << "expected an error";
  } catch (const WarehouseError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Query);
    EXPECT_TRUE(
        error.engine_message().starts_with("Parser Error: syntax error at or near \"SELEC\""))
        << error.engine_message();
    EXPECT_EQ(std::string(error.what()), error.engine_message());
  }
}

TEST_F(DuckDbTest, CatalogErrorCarriesDuckDbsMessage) {
  try {
    connection->execute("SELECT * FROM no_such_table");
    FAIL() << "expected an error";
  } catch (const WarehouseError& error) {
    EXPECT_TRUE(error.engine_message().starts_with(
        "Catalog Error: Table with name no_such_table does not exist!"))
        << error.engine_message();
    EXPECT_EQ(error.context(), "SELECT * FROM no_such_table");
  }
}

TEST_F(DuckDbTest, AFailingStatementStopsTheRestOfTheString) {
  connection->execute("CREATE TABLE t (i INTEGER)");
  EXPECT_THROW(
      connection->execute("INSERT INTO t VALUES (1); SELECT nope; INSERT INTO t VALUES (2)"),
      WarehouseError);
  EXPECT_EQ(scalar("SELECT count(*) FROM t"), Cell(int64_t{1}));
}

TEST_F(DuckDbTest, RollbackUndoesEverySinceBegin) {
  connection->execute("CREATE TABLE t (i INTEGER)");
  connection->begin();
  EXPECT_TRUE(connection->in_transaction());
  connection->execute("INSERT INTO t VALUES (1); CREATE TABLE u (j INTEGER)");
  connection->rollback();
  EXPECT_FALSE(connection->in_transaction());
  EXPECT_EQ(scalar("SELECT count(*) FROM t"), Cell(int64_t{0}));
  EXPECT_THROW(connection->execute("SELECT * FROM u"), WarehouseError);
}

TEST_F(DuckDbTest, CommitMakesChangesVisibleToOtherConnections) {
  auto other = adapter.open_connection();
  connection->execute("CREATE TABLE t (i INTEGER)");
  connection->begin();
  connection->execute("INSERT INTO t VALUES (1)");
  EXPECT_EQ(other->execute("SELECT count(*) FROM t").rows.at(0).at(0), Cell(int64_t{0}));
  connection->commit();
  EXPECT_EQ(other->execute("SELECT count(*) FROM t").rows.at(0).at(0), Cell(int64_t{1}));
}

TEST_F(DuckDbTest, TransactionStatementsInsideSqlAreTracked) {
  connection->execute("BEGIN TRANSACTION; CREATE TABLE t (i INTEGER)");
  EXPECT_TRUE(connection->in_transaction());
  connection->execute("COMMIT");
  EXPECT_FALSE(connection->in_transaction());
}

TEST_F(DuckDbTest, TransactionMisuseIsAUsageError) {
  try {
    connection->commit();
    FAIL() << "expected an error";
  } catch (const WarehouseError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Usage);
  }
  connection->begin();
  EXPECT_THROW(connection->begin(), WarehouseError);
  connection->rollback();
}

TEST_F(DuckDbTest, AFailedStatementInATransactionNeedsRollback) {
  connection->execute("CREATE TABLE t (i INTEGER)");
  connection->begin();
  connection->execute("INSERT INTO t VALUES (1)");
  EXPECT_THROW(connection->execute("SELECT nope"), WarehouseError);
  EXPECT_TRUE(connection->in_transaction());
  connection->rollback();
  EXPECT_EQ(scalar("SELECT count(*) FROM t"), Cell(int64_t{0}));
}

TEST_F(DuckDbTest, InterruptCancelsALongQueryFromAnotherThread) {
  std::atomic<bool> finished = false;
  std::optional<WarehouseError> error;
  std::thread worker([&] {
    try {
      connection->execute(
          "SELECT sum(hash(a.range * b.range)) FROM range(1000000) a, range(1000000) b");
    } catch (const WarehouseError& caught) {
      error = caught;
    }
    finished = true;
  });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!finished && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    connection->interrupt();
  }
  worker.join();
  ASSERT_TRUE(error.has_value()) << "the query was not interrupted";
  EXPECT_EQ(error->kind(), ErrorKind::Interrupted) << error->engine_message();
  // The connection is still usable after the interrupted statement.
  EXPECT_EQ(scalar("SELECT 42"), Cell(int64_t{42}));
}

TEST_F(DuckDbTest, InterruptWithNothingRunningDoesNotCancelTheNextStatement) {
  connection->interrupt();
  EXPECT_EQ(scalar("SELECT 42"), Cell(int64_t{42}));
}

TEST_F(DuckDbTest, ThreadsWithTheirOwnConnectionsShareTheDatabase) {
  connection->execute("CREATE TABLE t (worker INTEGER, i INTEGER)");
  constexpr int kThreads = 4;
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int worker = 0; worker < kThreads; ++worker) {
    threads.emplace_back([&, worker] {
      try {
        auto own = adapter.open_connection();
        for (int i = 0; i < 20; ++i) {
          own->execute(fmt::format("INSERT INTO t VALUES ({}, {})", worker, i));
        }
      } catch (const WarehouseError&) {
        ++failures;
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM t"), Cell(int64_t{kThreads * 20}));
}

TEST(DuckDbAdapterTest, DatabaseIsNamedAfterTheFileStem) {
  TempDir dir;
  duckdb::DuckDbAdapter adapter(at_path((dir.path() / "sub" / "dev.duckdb").string()));
  EXPECT_EQ(adapter.database(), "dev");
  EXPECT_EQ(adapter.default_schema(), "main");
  EXPECT_EQ(adapter.type(), "duckdb");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "sub" / "dev.duckdb"));
}

TEST(DuckDbAdapterTest, InMemoryDatabaseIsNamedMemory) {
  duckdb::DuckDbAdapter adapter({});
  EXPECT_EQ(adapter.database(), "memory");
}

TEST(DuckDbAdapterTest, DataInAFilePersistsAcrossAdapters) {
  TempDir dir;
  std::string path = (dir.path() / "warehouse.duckdb").string();
  {
    duckdb::DuckDbAdapter adapter(at_path(path));
    adapter.open_connection()->execute("CREATE TABLE t AS SELECT 7 AS i");
  }
  duckdb::DuckDbAdapter adapter(at_path(path));
  EXPECT_EQ(adapter.open_connection()->execute("SELECT i FROM t").rows.at(0).at(0),
            Cell(int64_t{7}));
}

TEST(DuckDbAdapterTest, SettingsApplyToEveryConnection) {
  duckdb::DuckDbAdapter adapter(
      with_settings({{"TimeZone", "America/New_York"}, {"default_null_order", "nulls_first"}}));
  auto connection = adapter.open_connection();
  ResultTable result = connection->execute(
      "SELECT current_setting('TimeZone') AS tz, current_setting('default_null_order') AS o");
  EXPECT_EQ(result.at(0, "tz"), Cell(std::string("America/New_York")));
  EXPECT_EQ(result.at(0, "o"), Cell(std::string("NULLS_FIRST")));
}

TEST(DuckDbAdapterTest, AnUnknownSettingFailsWithDuckDbsMessage) {
  try {
    duckdb::DuckDbAdapter adapter(with_settings({{"no_such_setting", "1"}}));
    FAIL() << "expected an error";
  } catch (const WarehouseError& error) {
    EXPECT_NE(error.engine_message().find("no_such_setting"), std::string::npos);
  }
}

TEST(DuckDbAdapterTest, AMissingExtensionFailsClearly) {
  try {
    duckdb::DuckDbAdapter adapter(with_extension("kiln_no_such_extension"));
    FAIL() << "expected an error";
  } catch (const WarehouseError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Extension);
    EXPECT_NE(error.engine_message().find("kiln_no_such_extension"), std::string::npos);
    EXPECT_NE(error.context().find("does not download extensions"), std::string::npos);
  }
}

TEST(DuckDbAdapterTest, ABuiltInExtensionLoads) {
  duckdb::DuckDbAdapter adapter(with_extension("parquet"));
  auto connection = adapter.open_connection();
  ResultTable result = connection->execute(
      "SELECT loaded FROM duckdb_extensions() WHERE extension_name = 'parquet'");
  EXPECT_EQ(result.rows.at(0).at(0), Cell(true));
}

}  // namespace
}  // namespace kiln::warehouse
