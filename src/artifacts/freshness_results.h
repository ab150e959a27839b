#pragma once

// sources.json (schema v3): the results of `source freshness`.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "artifacts/manifest.h"
#include "artifacts/run_results.h"

namespace kiln::artifacts {

// One source's freshness check. A kRuntimeError result (the query failed) is written the
// way dbt writes it, as {"unique_id", "error", "status"} only; every other status has the
// full entry.
struct FreshnessResult {
  std::string unique_id;
  FreshnessStatus status = FreshnessStatus::kPass;
  TimePoint max_loaded_at;
  TimePoint snapshotted_at;
  double max_loaded_at_time_ago_in_s = 0;
  FreshnessThreshold criteria;
  std::optional<AdapterResponse> adapter_response;
  std::vector<TimingEntry> timing;
  std::string thread_id;
  double execution_time = 0;
  std::optional<std::string> error;  // runtime errors: the message
};

struct FreshnessResults {
  InvocationInfo invocation;
  std::vector<FreshnessResult> results;
  double elapsed_time = 0;
};

Json freshness_result_json(const FreshnessResult& result);
Json freshness_results_json(const FreshnessResults& freshness);
std::string serialize_freshness_results(const FreshnessResults& freshness);
void write_freshness_results(const std::filesystem::path& path, const FreshnessResults& freshness);

}  // namespace kiln::artifacts
