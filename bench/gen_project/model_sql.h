#pragma once

#include <string>

#include "project_plan.h"

namespace kiln::bench {

// The Jinja-SQL text of one model file, shaped as teams write them: config() blocks, ref()
// and source(), Jinja loops and sets, calls to the project's macros, and for incremental
// models an is_incremental() filter. Every model except aggregated marts keeps the five
// columns id (unique), customer_id, category, amount, updated_at, so any model can ref any
// earlier one and the generic tests hold.
std::string model_sql(const ModelPlan& model);

}  // namespace kiln::bench
