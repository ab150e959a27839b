// What state-aware orchestration costs per run on a 10,000-model project, before any model
// is built: fingerprinting every model, loading the store, deciding every node, and writing
// one record per built node.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "state/code_fingerprint.h"
#include "state/decision.h"
#include "state/state_store.h"
#include "warehouse/duckdb/duckdb_adapter.h"

namespace {

using namespace kiln;
constexpr int kModels = 10000;

std::string model_sql(int n) {
  std::string sql = "-- model " + std::to_string(n) + "\nwith source as (\n  select * from " +
                    "\"dev\".\"staging\".\"stg_" + std::to_string(n / 3) + "\"\n)\nselect\n";
  for (int c = 0; c < 20; ++c) {
    sql += "  cast(col_" + std::to_string(c) + " as numeric(18, 2)) as amount_" +
           std::to_string(c) + ",\n";
  }
  return sql + "  'done' as status\nfrom source where loaded_at >= '2024-01-01'\n";
}

state::CodeInputs inputs(int n) {
  state::CodeInputs in;
  in.compiled_sql = model_sql(n);
  in.configs = {{"materialized", "\"table\""}, {"post-hook", "[]"}};
  state::ParentSchema parent{"model.p.stg_" + std::to_string(n / 3), {}};
  for (int c = 0; c < 20; ++c)
    parent.columns.push_back({"col_" + std::to_string(c), "DOUBLE"});
  in.parent_schemas.push_back(parent);
  return in;
}

state::NodeRecord record(int n) {
  state::NodeRecord r;
  r.unique_id = "model.p.m" + std::to_string(n);
  r.relation_name = "\"dev\".\"marts\".\"m" + std::to_string(n) + "\"";
  r.code_fingerprint = state::code_fingerprint(inputs(n));
  r.input_versions = {{"model.p.stg_" + std::to_string(n / 3), "1000:123456789"}};
  r.data_version = "1000:987654321";
  r.status = "success";
  r.built_at = std::chrono::system_clock::now();
  r.duration_s = 0.5;
  r.run_id = "bench";
  return r;
}

void BM_CodeFingerprints(benchmark::State& state) {
  std::vector<state::CodeInputs> all;
  for (int n = 0; n < kModels; ++n)
    all.push_back(inputs(n));
  for (auto _ : state) {
    for (const auto& in : all)
      benchmark::DoNotOptimize(state::code_fingerprint(in));
  }
  state.SetItemsProcessed(state.iterations() * kModels);
}
BENCHMARK(BM_CodeFingerprints)->Unit(benchmark::kMillisecond);

void BM_Decide(benchmark::State& state) {
  std::vector<state::NodeRecord> records;
  std::vector<state::DecisionInput> decisions;
  for (int n = 0; n < kModels; ++n)
    records.push_back(record(n));
  for (int n = 0; n < kModels; ++n) {
    state::DecisionInput in;
    in.prior = &records[static_cast<size_t>(n)];
    in.relation_exists = true;
    in.code_fingerprint = records[static_cast<size_t>(n)].code_fingerprint;
    in.inputs = {{"model.p.stg_" + std::to_string(n / 3), "stg", n % 10 ? "1000:123456789" : "x"}};
    in.now = std::chrono::system_clock::now();
    decisions.push_back(in);
  }
  for (auto _ : state) {
    for (const auto& in : decisions)
      benchmark::DoNotOptimize(state::decide(in));
  }
  state.SetItemsProcessed(state.iterations() * kModels);
}
BENCHMARK(BM_Decide)->Unit(benchmark::kMillisecond);

struct Store {
  Store() : adapter(warehouse::duckdb::DuckDbOptions{}), connection(adapter.open_connection()) {
    store.ensure_schema(*connection);
  }
  warehouse::duckdb::DuckDbAdapter adapter;
  std::unique_ptr<warehouse::Connection> connection;
  state::StateStore store{adapter};
};

void BM_LoadAll(benchmark::State& state) {
  Store s;
  s.connection->begin();
  for (int n = 0; n < kModels; ++n)
    s.store.record_node(*s.connection, record(n));
  s.connection->commit();
  for (auto _ : state)
    benchmark::DoNotOptimize(s.store.load_all(*s.connection));
  state.SetItemsProcessed(state.iterations() * kModels);
}
BENCHMARK(BM_LoadAll)->Unit(benchmark::kMillisecond);

// One record per built node, each in its own transaction as a build would commit it.
void BM_RecordNode(benchmark::State& state) {
  Store s;
  std::vector<state::NodeRecord> records;
  for (int n = 0; n < 1000; ++n)
    records.push_back(record(n));
  size_t next = 0;
  for (auto _ : state) {
    s.connection->begin();
    s.store.record_node(*s.connection, records[next++ % records.size()]);
    s.connection->commit();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordNode)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
