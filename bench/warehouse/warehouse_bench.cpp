// What the state store pays per run on DuckDB: one catalog() for a large project's schema,
// and content fingerprints (data versions) of big tables.

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "warehouse/duckdb/duckdb_adapter.h"

namespace kiln::warehouse {
namespace {

struct Warehouse {
  duckdb::DuckDbAdapter adapter{duckdb::DuckDbOptions{}};
  std::unique_ptr<Connection> connection = adapter.open_connection();
};

Relation in_main(std::string identifier) {
  Relation relation;
  relation.identifier = std::move(identifier);
  return relation;
}

// 1,000 tables of 8 columns in one schema, as a large dbt project's target schema.
void BM_CatalogOfAThousandTables(benchmark::State& state) {
  Warehouse warehouse;
  std::string ddl = "CREATE SCHEMA project;";
  for (int i = 0; i < 1000; ++i) {
    ddl += fmt::format(
        "CREATE TABLE project.model_{} (id BIGINT, name VARCHAR, amount DECIMAL(18,2), "
        "created_at TIMESTAMP, day DATE, flag BOOLEAN, score DOUBLE, note VARCHAR);",
        i);
  }
  warehouse.connection->execute(ddl);
  for (auto _ : state) {
    auto catalog = warehouse.adapter.catalog(*warehouse.connection, {{"", "project"}});
    if (catalog.size() != 1000) state.SkipWithError("catalog is incomplete");
    benchmark::DoNotOptimize(catalog);
  }
  state.counters["relations"] = 1000;
}
BENCHMARK(BM_CatalogOfAThousandTables)->Unit(benchmark::kMillisecond);

void BM_ContentFingerprintOfAMillionRows(benchmark::State& state) {
  Warehouse warehouse;
  warehouse.connection->execute(
      "CREATE TABLE big AS SELECT range AS id, 'name ' || range AS name, range * 0.5 AS amount, "
      "DATE '2024-01-01' + (range % 365)::INTEGER AS day FROM range(1000000)");
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        warehouse.adapter.content_fingerprint(*warehouse.connection, in_main("big")));
  }
  state.SetItemsProcessed(state.iterations() * 1000000);
}
BENCHMARK(BM_ContentFingerprintOfAMillionRows)->Unit(benchmark::kMillisecond);

// 100 tables of 10,000 rows fingerprinted in one batched query.
void BM_BatchedFingerprintsOfAHundredTables(benchmark::State& state) {
  Warehouse warehouse;
  std::vector<Relation> relations;
  for (int i = 0; i < 100; ++i) {
    warehouse.connection->execute(fmt::format(
        "CREATE TABLE t{} AS SELECT range AS id, range % 7 AS bucket FROM range(10000)", i));
    relations.push_back(in_main(fmt::format("t{}", i)));
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        warehouse.adapter.content_fingerprints(*warehouse.connection, relations));
  }
  state.SetItemsProcessed(state.iterations() * 100 * 10000);
}
BENCHMARK(BM_BatchedFingerprintsOfAHundredTables)->Unit(benchmark::kMillisecond);

// A 100,000-row seed: type inference plus the bulk CREATE TABLE AS.
void BM_SeedLoadOfAHundredThousandRows(benchmark::State& state) {
  std::filesystem::path csv = std::filesystem::temp_directory_path() / "kiln_bench_seed.csv";
  {
    std::ofstream out(csv);
    out << "id,name,amount,day,flag\n";
    for (int i = 0; i < 100000; ++i) {
      out << fmt::format("{},name {},{}.25,2024-01-{:02},{}\n", i, i, i, i % 28 + 1, i % 2 == 0);
    }
  }
  Warehouse warehouse;
  int generation = 0;
  for (auto _ : state) {
    warehouse.adapter.load_csv(*warehouse.connection, in_main(fmt::format("seed_{}", generation++)),
                               csv, {});
  }
  state.SetItemsProcessed(state.iterations() * 100000);
  std::filesystem::remove(csv);
}
BENCHMARK(BM_SeedLoadOfAHundredThousandRows)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kiln::warehouse

BENCHMARK_MAIN();
