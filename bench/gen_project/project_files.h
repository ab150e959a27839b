#pragma once

#include <filesystem>
#include <string>

#include "project_plan.h"

namespace kiln::bench {

// The name of the generated dbt project, its profile, and its DuckDB file (relative to the
// project folder, as profiles.yml gives it).
inline constexpr const char* kProjectName = "kiln_bench";
inline constexpr const char* kDatabaseFile = "kiln_bench.duckdb";

struct ProjectOptions {
  int threads = 4;  // profiles.yml threads
};

// Writes the dbt project described by `plan` into `root`: dbt_project.yml, profiles.yml,
// macros, seeds, sources and properties YAML, and one .sql file per model.
void write_project_files(const ProjectPlan& plan, const std::filesystem::path& root,
                         const ProjectOptions& options);

}  // namespace kiln::bench
