#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiln::bench {

// The layers of a dbt project as teams lay them out: staging views over sources,
// intermediate tables, incremental models, and marts (row-level or aggregated).
enum class Layer { kStaging, kIntermediate, kIncremental, kMart };

struct ModelPlan {
  std::string name;
  Layer layer = Layer::kStaging;
  std::string folder;                // e.g. "models/intermediate/part_003"
  std::vector<std::string> parents;  // ref()'d models, the first one primary; empty for staging
  size_t source_index = 0;           // staging only: the source table it reads
  bool aggregates = false;           // marts: group by customer and category
  bool tested = false;               // has generic tests in its folder's properties file
  bool config_table = false;         // a {{ config(materialized='table') }} over the folder's view
  bool tagged = false;               // a {{ config(tags=[...]) }} block
};

struct ProjectPlan {
  std::vector<ModelPlan> models;
  size_t source_count = 0;
  size_t rows_per_source = 0;
  uint64_t seed = 0;
};

// Source tables are grouped into dbt sources of this many tables, and model files into
// folders of this many models, as large projects split them.
constexpr size_t kGroupSize = 100;

std::string source_table_name(size_t index);
std::string source_group_name(size_t index);

// Decides every model's layer, folder and parents: deterministic for (model_count, seed).
ProjectPlan plan_project(size_t model_count, size_t rows_per_source, uint64_t seed);

}  // namespace kiln::bench
