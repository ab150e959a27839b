#pragma once

#include <cstddef>

#include "artifacts/manifest.h"
#include "artifacts/run_results.h"

namespace kiln::bench {

// A dbt-like project of `node_count` nodes: two thirds models (each reading the previous
// model and a source, with dbt's full default model config, five columns and a few hundred
// bytes of SQL), one third generic tests on them, plus 100 sources and 200 macros.
artifacts::Manifest generate_manifest(std::size_t node_count);

// One run result per node of `manifest`.
artifacts::RunResults generate_run_results(const artifacts::Manifest& manifest);

}  // namespace kiln::bench
