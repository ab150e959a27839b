#pragma once

// Fields that run_results.json and sources.json entries share.

#include <optional>
#include <vector>

#include "artifacts/run_results.h"

namespace kiln::artifacts {

// [{"name", "started_at", "completed_at"}], times as "...Z".
Json timing_json(const std::vector<TimingEntry>& timing);

// {"_message", "code", "rows_affected", ...extra}, or {} without a response.
Json adapter_response_json(const std::optional<AdapterResponse>& response);

}  // namespace kiln::artifacts
