// How long writing the artifacts of a 10,000-node project takes. The target is "well
// under a second" for manifest.json, so that artifacts never dominate a no-op run.

#include <benchmark/benchmark.h>

#include "artifacts/manifest_writer.h"
#include "artifacts/python_json.h"
#include "artifacts/run_results.h"
#include "project_generator.h"

namespace {

constexpr std::size_t kNodes = 10'000;

void BM_ManifestToJsonTree(benchmark::State& state) {
  auto manifest = kiln::bench::generate_manifest(kNodes);
  for (auto _ : state)
    benchmark::DoNotOptimize(kiln::artifacts::manifest_json(manifest));
}
BENCHMARK(BM_ManifestToJsonTree)->Unit(benchmark::kMillisecond);

void BM_ManifestDumpLikePython(benchmark::State& state) {
  auto tree = kiln::artifacts::manifest_json(kiln::bench::generate_manifest(kNodes));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string text = kiln::artifacts::dump_like_python(tree);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ManifestDumpLikePython)->Unit(benchmark::kMillisecond);

void BM_SerializeManifest(benchmark::State& state) {
  auto manifest = kiln::bench::generate_manifest(kNodes);
  for (auto _ : state)
    benchmark::DoNotOptimize(kiln::artifacts::serialize_manifest(manifest));
}
BENCHMARK(BM_SerializeManifest)->Unit(benchmark::kMillisecond);

void BM_SerializeRunResults(benchmark::State& state) {
  auto run = kiln::bench::generate_run_results(kiln::bench::generate_manifest(kNodes));
  for (auto _ : state)
    benchmark::DoNotOptimize(kiln::artifacts::serialize_run_results(run));
}
BENCHMARK(BM_SerializeRunResults)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
