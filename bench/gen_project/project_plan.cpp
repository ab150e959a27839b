#include "project_plan.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/random.h"

namespace kiln::bench {

namespace {

// Layer sizes as a share of all models; marts take what is left.
struct LayerCounts {
  size_t staging, intermediate, incremental, marts;
};

LayerCounts layer_counts(size_t model_count) {
  LayerCounts c{};
  c.staging = std::max<size_t>(1, model_count / 4);
  c.staging = std::min(c.staging, model_count);
  c.intermediate = std::min(model_count - c.staging, model_count * 35 / 100);
  c.incremental = std::min(model_count - c.staging - c.intermediate, model_count / 10);
  c.marts = model_count - c.staging - c.intermediate - c.incremental;
  return c;
}

std::string folder_of(const char* layer_folder, size_t index) {
  return fmt::format("models/{}/part_{:03}", layer_folder, index / kGroupSize);
}

// One to three distinct parents from `pool`. The primary parent is one of the most recent
// candidates, so chains grow deep as in real projects; the others come from anywhere.
std::vector<std::string> pick_parents(const std::vector<std::string>& pool, Random& rng) {
  constexpr size_t kRecentWindow = 200;
  std::vector<std::string> parents;
  size_t wanted = std::min<size_t>(1 + rng.below(3), pool.size());
  size_t window = std::min(kRecentWindow, pool.size());
  parents.push_back(pool[pool.size() - 1 - rng.below(window)]);
  for (size_t attempt = 0; parents.size() < wanted && attempt < 8; ++attempt) {
    const std::string& candidate = pool[rng.below(pool.size())];
    if (std::find(parents.begin(), parents.end(), candidate) == parents.end()) {
      parents.push_back(candidate);
    }
  }
  return parents;
}

ModelPlan model(std::string name, Layer layer, std::string folder, size_t global_index,
                Random& rng) {
  ModelPlan m;
  m.name = std::move(name);
  m.layer = layer;
  m.folder = std::move(folder);
  m.tested = global_index % 3 == 0;
  m.tagged = rng.one_in(3);
  return m;
}

}  // namespace

std::string source_table_name(size_t index) {
  return fmt::format("src_{:05}", index);
}

std::string source_group_name(size_t index) {
  return fmt::format("raw_{:03}", index / kGroupSize);
}

ProjectPlan plan_project(size_t model_count, size_t rows_per_source, uint64_t seed) {
  Random rng(seed);
  LayerCounts counts = layer_counts(model_count);
  ProjectPlan plan;
  plan.seed = seed;
  plan.rows_per_source = rows_per_source;
  plan.source_count = counts.staging;  // one staging model per source table
  size_t global = 0;
  std::vector<std::string> row_level;  // models with the five common columns, refs may read them
  for (size_t i = 0; i < counts.staging; ++i, ++global) {
    ModelPlan m =
        model(fmt::format("stg_{:05}", i), Layer::kStaging, folder_of("staging", i), global, rng);
    m.source_index = i;
    m.config_table = rng.one_in(10);
    row_level.push_back(m.name);
    plan.models.push_back(std::move(m));
  }
  for (size_t i = 0; i < counts.intermediate; ++i, ++global) {
    ModelPlan m = model(fmt::format("int_{:05}", i), Layer::kIntermediate,
                        folder_of("intermediate", i), global, rng);
    m.parents = pick_parents(row_level, rng);
    row_level.push_back(m.name);
    plan.models.push_back(std::move(m));
  }
  std::vector<std::string> mart_inputs(row_level.begin() + counts.staging, row_level.end());
  if (mart_inputs.empty()) mart_inputs = row_level;
  for (size_t i = 0; i < counts.incremental; ++i, ++global) {
    ModelPlan m = model(fmt::format("inc_{:05}", i), Layer::kIncremental,
                        folder_of("incremental", i), global, rng);
    m.parents = pick_parents(row_level, rng);
    mart_inputs.push_back(m.name);
    plan.models.push_back(std::move(m));
  }
  for (size_t i = 0; i < counts.marts; ++i, ++global) {
    bool aggregates = rng.one_in(2);
    ModelPlan m = model(fmt::format("{}_{:05}", aggregates ? "agg" : "fct", i), Layer::kMart,
                        folder_of("marts", i), global, rng);
    m.aggregates = aggregates;
    m.parents = pick_parents(mart_inputs, rng);
    plan.models.push_back(std::move(m));
  }
  return plan;
}

}  // namespace kiln::bench
