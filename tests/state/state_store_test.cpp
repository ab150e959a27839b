// The state store on real DuckDB databases: schema creation and migrations, records that
// commit (or roll back) with the build they describe, runs, and racing processes.

#include "state/state_store.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "state/timestamp_text.h"
#include "state_test_support.h"
#include "warehouse/error.h"

namespace kiln::state {
namespace {

using namespace std::chrono_literals;
using testing::DuckDbTest;
using testing::TempDir;

NodeRecord sample_record(const std::string& id = "model.p.orders") {
  NodeRecord record;
  record.unique_id = id;
  record.relation_name = "\"memory\".\"main\".\"orders\"";
  record.code_fingerprint =
      std::string(32, 'a') + "." + std::string(32, 'b') + "." + std::string(32, 'c');
  record.input_versions = {{"source.p.raw.orders", "10:12345"}, {"model.p.stg", "view:abc"}};
  record.data_version = "10:999";
  record.status = "success";
  record.built_at = parse_timestamp("2026-11-25 13:20:18.250000").value();
  record.duration_s = 1.25;
  record.run_id = "run-1";
  return record;
}

void expect_same(const NodeRecord& a, const NodeRecord& b) {
  EXPECT_EQ(a.unique_id, b.unique_id);
  EXPECT_EQ(a.relation_name, b.relation_name);
  EXPECT_EQ(a.code_fingerprint, b.code_fingerprint);
  EXPECT_EQ(a.input_versions, b.input_versions);
  EXPECT_EQ(a.data_version, b.data_version);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.built_at, b.built_at);
  EXPECT_EQ(a.duration_s, b.duration_s);
  EXPECT_EQ(a.run_id, b.run_id);
}

class StateStoreTest : public DuckDbTest {
 protected:
  StateStore store{adapter};
};

TEST_F(StateStoreTest, EnsureSchemaCreatesVersionOneTables) {
  store.ensure_schema(*connection);
  EXPECT_EQ(store.version(*connection), 1);
  auto relations = adapter.catalog(*connection, {{"", "kiln_state"}});
  std::vector<std::string> names;
  for (const auto& r : relations)
    names.push_back(r.relation.identifier);
  EXPECT_EQ(names, (std::vector<std::string>{"node_state", "runs", "schema_version"}));
  EXPECT_EQ(store.tables().node_state, "\"memory\".\"kiln_state\".\"node_state\"");
}

TEST_F(StateStoreTest, EnsureSchemaIsIdempotent) {
  store.ensure_schema(*connection);
  store.record_node(*connection, sample_record());
  store.ensure_schema(*connection);
  store.ensure_schema(*connection);
  EXPECT_EQ(store.version(*connection), 1);
  EXPECT_EQ(std::get<int64_t>(scalar("SELECT count(*) FROM kiln_state.schema_version")), 1);
  EXPECT_EQ(store.load_all(*connection).size(), 1u);
}

TEST_F(StateStoreTest, SchemaNameIsConfigurable) {
  StateStore other(adapter, "Team State");
  other.ensure_schema(*connection);
  other.record_node(*connection, sample_record());
  EXPECT_EQ(std::get<int64_t>(scalar("SELECT count(*) FROM \"Team State\".node_state")), 1);
  EXPECT_TRUE(adapter.catalog(*connection, {{"", "kiln_state"}}).empty());
}

TEST_F(StateStoreTest, EmptyStoreLoadsNothing) {
  store.ensure_schema(*connection);
  EXPECT_TRUE(store.load_all(*connection).empty());
}

TEST_F(StateStoreTest, RecordsRoundTrip) {
  store.ensure_schema(*connection);
  NodeRecord odd = sample_record("model.p.odd");
  odd.relation_name = "\"it's\".\"a\nname\"";
  odd.input_versions = {{"source.p.raw.x'y", "1:'2'\n"}};
  odd.status = "error";
  odd.data_version.clear();
  store.record_node(*connection, sample_record());
  store.record_node(*connection, odd);
  auto records = store.load_all(*connection);
  ASSERT_EQ(records.size(), 2u);
  expect_same(records.at("model.p.orders"), sample_record());
  expect_same(records.at("model.p.odd"), odd);
}

TEST_F(StateStoreTest, RecordingAgainReplacesTheRecord) {
  store.ensure_schema(*connection);
  store.record_node(*connection, sample_record());
  NodeRecord newer = sample_record();
  newer.code_fingerprint = "other";
  newer.input_versions.clear();
  newer.built_at += 1h;
  newer.run_id = "run-2";
  store.record_node(*connection, newer);
  auto records = store.load_all(*connection);
  ASSERT_EQ(records.size(), 1u);
  expect_same(records.at("model.p.orders"), newer);
}

TEST_F(StateStoreTest, RecordingTwiceInOneTransactionKeepsTheLast) {
  store.ensure_schema(*connection);
  connection->begin();
  for (const char* run : {"a", "b", "c"}) {
    NodeRecord record = sample_record();
    record.run_id = run;
    store.record_node(*connection, record);
  }
  connection->commit();
  auto records = store.load_all(*connection);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records.at("model.p.orders").run_id, "c");
}

TEST_F(StateStoreTest, RecordOutsideATransactionLeavesNoneOpen) {
  store.ensure_schema(*connection);
  store.record_node(*connection, sample_record());
  EXPECT_FALSE(connection->in_transaction());
  NodeRecord bad = sample_record();
  bad.unique_id = std::string("nul\0byte", 8);
  EXPECT_THROW(store.record_node(*connection, bad), std::invalid_argument);
  EXPECT_FALSE(connection->in_transaction());
  EXPECT_EQ(store.load_all(*connection).size(), 1u);
}

// The transaction rule: the swap of the built relation and its record commit together.
TEST_F(StateStoreTest, RecordCommitsWithTheSwap) {
  store.ensure_schema(*connection);
  connection->execute(
      "CREATE TABLE orders AS SELECT 1 AS v; CREATE TABLE orders__dbt_tmp AS SELECT 2 AS v");
  warehouse::Relation target{"memory", "main", "orders", warehouse::RelationType::Table, {}, {}};
  connection->begin();
  adapter.swap_in(*connection, target.with_identifier("orders__dbt_tmp"), target);
  store.record_node(*connection, sample_record());
  connection->commit();
  EXPECT_EQ(std::get<int64_t>(scalar("SELECT v FROM orders")), 2);
  EXPECT_EQ(store.load_all(*connection).size(), 1u);
}

TEST_F(StateStoreTest, RollbackDropsTheRecordWithTheBuild) {
  store.ensure_schema(*connection);
  store.record_node(*connection, sample_record());
  connection->execute(
      "CREATE TABLE orders AS SELECT 1 AS v; CREATE TABLE orders__dbt_tmp AS SELECT 2 AS v");
  warehouse::Relation target{"memory", "main", "orders", warehouse::RelationType::Table, {}, {}};
  connection->begin();
  adapter.swap_in(*connection, target.with_identifier("orders__dbt_tmp"), target);
  NodeRecord newer = sample_record();
  newer.run_id = "run-2";
  store.record_node(*connection, newer);
  store.record_node(*connection, sample_record("model.p.new"));
  connection->rollback();
  EXPECT_EQ(std::get<int64_t>(scalar("SELECT v FROM orders")), 1);
  auto records = store.load_all(*connection);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records.at("model.p.orders").run_id, "run-1");
}

TEST_F(StateStoreTest, UncommittedRecordIsInvisibleToOtherConnections) {
  store.ensure_schema(*connection);
  auto other = adapter.open_connection();
  connection->begin();
  store.record_node(*connection, sample_record());
  EXPECT_EQ(store.load_all(*connection).size(), 1u);
  EXPECT_TRUE(store.load_all(*other).empty());
  connection->commit();
  EXPECT_EQ(store.load_all(*other).size(), 1u);
}

TEST_F(StateStoreTest, RunsAreRecordedAndCompleted) {
  store.ensure_schema(*connection);
  RunRecord run;
  run.run_id = "r1";
  run.command = "build";
  run.mode = "state-aware";
  run.started_at = parse_timestamp("2026-11-25 13:00:00").value();
  store.begin_run(*connection, run);
  auto started = store.load_run(*connection, "r1").value();
  EXPECT_EQ(started.command, "build");
  EXPECT_EQ(started.mode, "state-aware");
  EXPECT_EQ(started.started_at, run.started_at);
  EXPECT_FALSE(started.ended_at);
  store.end_run(*connection, "r1", run.started_at + 90s, "success");
  auto ended = store.load_run(*connection, "r1").value();
  EXPECT_EQ(ended.ended_at, run.started_at + 90s);
  EXPECT_EQ(ended.outcome, "success");
  EXPECT_FALSE(store.load_run(*connection, "r2"));
  EXPECT_THROW(store.end_run(*connection, "r2", run.started_at, "error"), std::runtime_error);
}

TEST_F(StateStoreTest, DuplicateRunIdIsAnError) {
  store.ensure_schema(*connection);
  RunRecord run{"r1", "run", "state-agnostic", std::chrono::system_clock::now(), {}, ""};
  store.begin_run(*connection, run);
  EXPECT_THROW(store.begin_run(*connection, run), warehouse::WarehouseError);
}

// A second schema version: what a future Kiln would append to migrations().
std::string add_note_column(const StoreTables& tables) {
  return "ALTER TABLE " + tables.node_state + " ADD COLUMN note VARCHAR";
}

TEST_F(StateStoreTest, LaterVersionMigratesAnExistingStore) {
  store.ensure_schema(*connection);
  store.record_node(*connection, sample_record());
  std::vector<Migration> steps = migrations();
  steps.push_back({2, "node_state.note", &add_note_column});
  StateStore upgraded(adapter, "kiln_state", steps);
  upgraded.ensure_schema(*connection);
  EXPECT_EQ(upgraded.version(*connection), 2);
  EXPECT_EQ(std::get<int64_t>(scalar("SELECT count(*) FROM kiln_state.schema_version")), 2);
  EXPECT_TRUE(warehouse::is_null(scalar("SELECT note FROM kiln_state.node_state")));
  expect_same(upgraded.load_all(*connection).at("model.p.orders"), sample_record());
  upgraded.ensure_schema(*connection);  // and again: nothing to do
  EXPECT_EQ(upgraded.version(*connection), 2);
}

TEST_F(StateStoreTest, NewStoreRunsEveryStepInOrder) {
  std::vector<Migration> steps = migrations();
  steps.push_back({2, "node_state.note", &add_note_column});
  StateStore fresh(adapter, "kiln_state", steps);
  fresh.ensure_schema(*connection);
  EXPECT_EQ(fresh.version(*connection), 2);
  EXPECT_TRUE(
      adapter
          .get_columns_in_relation(
              *connection,
              {"memory", "kiln_state", "node_state", warehouse::RelationType::Table, {}, {}})
          .back()
          .name == "note");
}

TEST_F(StateStoreTest, StoreNewerThanThisKilnIsRefused) {
  std::vector<Migration> steps = migrations();
  steps.push_back({2, "node_state.note", &add_note_column});
  StateStore(adapter, "kiln_state", steps).ensure_schema(*connection);
  try {
    store.ensure_schema(*connection);
    FAIL() << "a version 2 store was accepted by a version 1 Kiln";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("upgrade Kiln"), std::string::npos) << error.what();
  }
}

TEST_F(StateStoreTest, LoadBeforeEnsureSchemaFails) {
  EXPECT_THROW(store.load_all(*connection), warehouse::WarehouseError);
}

TEST_F(StateStoreTest, RacingEnsureSchemaCallsAllSucceed) {
  constexpr int kThreads = 4;
  std::vector<std::unique_ptr<warehouse::Connection>> connections;
  for (int i = 0; i < kThreads; ++i)
    connections.push_back(adapter.open_connection());
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      try {
        StateStore(adapter).ensure_schema(*connections[i]);
      } catch (const std::exception& error) {
        errors[i] = error.what();
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (const auto& error : errors)
    EXPECT_EQ(error, "");
  EXPECT_EQ(store.version(*connection), 1);
  EXPECT_EQ(std::get<int64_t>(scalar("SELECT count(*) FROM kiln_state.schema_version")), 1);
}

TEST(StateStoreFile, StatePersistsAcrossProcessesOfTheSameFile) {
  TempDir dir;
  warehouse::duckdb::DuckDbOptions options;
  options.path = (dir.path() / "dev.duckdb").string();
  {
    warehouse::duckdb::DuckDbAdapter adapter(options);
    auto connection = adapter.open_connection();
    StateStore store(adapter);
    store.ensure_schema(*connection);
    store.record_node(*connection, sample_record());
  }
  warehouse::duckdb::DuckDbAdapter adapter(options);
  auto connection = adapter.open_connection();
  StateStore store(adapter);
  store.ensure_schema(*connection);
  auto records = store.load_all(*connection);
  ASSERT_EQ(records.size(), 1u);
  NodeRecord expected = sample_record();
  expect_same(records.at(expected.unique_id), expected);
  EXPECT_EQ(store.tables().node_state, "\"dev\".\"kiln_state\".\"node_state\"");
}

}  // namespace
}  // namespace kiln::state
