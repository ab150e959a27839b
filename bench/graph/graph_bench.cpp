// A generated project shaped like a large dbt project: 500 sources, 7,000 models in layers
// (each reading 1-4 nodes of earlier layers), 2,500 tests on models (one in ten on two
// models, like relationships tests). One model in ten carries tag "x". Deterministic, so
// figures compare across runs.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "graph/dag.h"
#include "graph/node_selector.h"
#include "graph/ready_queue.h"
#include "graph/selection_spec.h"
#include "graph/test_gates.h"
#include "graph/topological_order.h"

namespace kiln::graph {
namespace {

constexpr int kSources = 500;
constexpr int kModels = 7000;
constexpr int kTests = 2500;
constexpr int kLayers = 20;

std::string model_id(int i) {
  return "model.big.m" + std::to_string(i);
}

GraphNode make_source(int i) {
  GraphNode node;
  node.unique_id = "source.big.raw.t" + std::to_string(i);
  node.resource_type = "source";
  node.name = "t" + std::to_string(i);
  node.source_name = "raw";
  node.package = "big";
  node.fqn = {"big", "raw", node.name};
  node.original_file_path = "models/sources.yml";
  return node;
}

GraphNode make_model(int i, std::mt19937& random) {
  GraphNode node;
  node.unique_id = model_id(i);
  node.resource_type = "model";
  node.name = "m" + std::to_string(i);
  node.package = "big";
  int layer = i * kLayers / kModels;
  node.fqn = {"big", "layer" + std::to_string(layer), node.name};
  node.original_file_path = "models/layer" + std::to_string(layer) + "/" + node.name + ".sql";
  node.config = {{"materialized", layer < 5 ? "view" : "table"}};
  if (i % 10 == 0) node.tags = {"x"};
  int first_of_layer = layer * kModels / kLayers;
  int parents = 1 + static_cast<int>(random() % 4);
  for (int p = 0; p < parents; ++p) {
    if (first_of_layer == 0) {
      node.depends_on.push_back("source.big.raw.t" + std::to_string(random() % kSources));
    } else {
      node.depends_on.push_back(model_id(static_cast<int>(random() % first_of_layer)));
    }
  }
  return node;
}

GraphNode make_test(int i, std::mt19937& random) {
  GraphNode node;
  node.unique_id = "test.big.t" + std::to_string(i);
  node.resource_type = "test";
  node.name = "t" + std::to_string(i);
  node.package = "big";
  node.fqn = {"big", node.name};
  node.original_file_path = "models/schema.yml";
  node.test_metadata_name = i % 10 == 0 ? "relationships" : "not_null";
  node.depends_on.push_back(model_id(static_cast<int>(random() % kModels)));
  if (i % 10 == 0) node.depends_on.push_back(model_id(static_cast<int>(random() % kModels)));
  return node;
}

std::vector<GraphNode> big_project() {
  std::mt19937 random(42);
  std::vector<GraphNode> nodes;
  for (int i = 0; i < kSources; ++i)
    nodes.push_back(make_source(i));
  for (int i = 0; i < kModels; ++i)
    nodes.push_back(make_model(i, random));
  for (int i = 0; i < kTests; ++i)
    nodes.push_back(make_test(i, random));
  return nodes;
}

const Dag& big_dag() {
  static const Dag dag(big_project());
  return dag;
}

void BM_BuildDag(benchmark::State& state) {
  std::vector<GraphNode> nodes = big_project();
  for (auto _ : state) {
    Dag dag(nodes);
    benchmark::DoNotOptimize(dag.size());
  }
  state.counters["nodes"] = static_cast<double>(nodes.size());
}
BENCHMARK(BM_BuildDag)->Unit(benchmark::kMillisecond);

void BM_TopologicalOrder(benchmark::State& state) {
  const Dag& dag = big_dag();
  for (auto _ : state)
    benchmark::DoNotOptimize(topological_order(dag));
}
BENCHMARK(BM_TopologicalOrder)->Unit(benchmark::kMillisecond);

void run_selection(benchmark::State& state, const std::string& select) {
  const Dag& dag = big_dag();
  NodeSelector selector(dag, "big");
  std::vector<std::string> select_flags;
  if (!select.empty()) select_flags.push_back(select);  // "" stands for no --select at all
  SelectionSpec spec = parse_command_line_selection(select_flags, {});
  size_t selected = 0;
  for (auto _ : state)
    selected = selector.select(spec).selected.size();
  state.counters["selected"] = static_cast<double>(selected);
}

void BM_SelectPlusModelPlus(benchmark::State& state) {
  run_selection(state, "+m3500+");
}
BENCHMARK(BM_SelectPlusModelPlus)->Unit(benchmark::kMillisecond);

void BM_SelectTag(benchmark::State& state) {
  run_selection(state, "tag:x");
}
BENCHMARK(BM_SelectTag)->Unit(benchmark::kMillisecond);

void BM_SelectEverything(benchmark::State& state) {
  run_selection(state, "");
}
BENCHMARK(BM_SelectEverything)->Unit(benchmark::kMillisecond);

void BM_AddBuildTestGates(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    Dag dag = big_dag();
    state.ResumeTiming();
    add_build_test_gates(dag);
    benchmark::DoNotOptimize(dag.has_test_gates());
  }
}
BENCHMARK(BM_AddBuildTestGates)->Unit(benchmark::kMillisecond);

void BM_ReadyQueueDrainAll(benchmark::State& state) {
  const Dag& dag = big_dag();
  NodeSet all = dag.all_nodes();
  for (auto _ : state) {
    ReadyQueue queue(dag, all);
    while (!queue.finished()) {
      for (NodeIndex node : queue.pop_all())
        queue.mark_done(node);
    }
  }
}
BENCHMARK(BM_ReadyQueueDrainAll)->Unit(benchmark::kMillisecond);

void BM_ReadyQueueSparseSelection(benchmark::State& state) {
  // tag:x alone: every selected node waits through unselected ones.
  const Dag& dag = big_dag();
  NodeSelector selector(dag, "big");
  NodeSet selected =
      selector.select(parse_command_line_selection({"tag:x"}, {}), IndirectSelection::Empty)
          .selected;
  for (auto _ : state) {
    ReadyQueue queue(dag, selected);
    benchmark::DoNotOptimize(queue.ready_count());
  }
  state.counters["selected"] = static_cast<double>(selected.size());
}
BENCHMARK(BM_ReadyQueueSparseSelection)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kiln::graph

BENCHMARK_MAIN();
