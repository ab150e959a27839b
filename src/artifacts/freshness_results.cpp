#include "artifacts/freshness_results.h"

#include "artifacts/atomic_file.h"
#include "artifacts/json_fields.h"
#include "artifacts/python_json.h"
#include "artifacts/result_fields.h"

namespace kiln::artifacts {
namespace {

Json runtime_error_json(const FreshnessResult& result) {
  Json out = Json::object();
  out["unique_id"] = result.unique_id;
  out["error"] = optional_json(result.error);
  out["status"] = status_name(FreshnessStatus::kRuntimeError);
  return out;
}

}  // namespace

Json freshness_result_json(const FreshnessResult& result) {
  if (result.status == FreshnessStatus::kRuntimeError) return runtime_error_json(result);
  Json out = Json::object();
  out["unique_id"] = result.unique_id;
  out["max_loaded_at"] = format_utc_offset(result.max_loaded_at);
  out["snapshotted_at"] = format_utc_offset(result.snapshotted_at);
  out["max_loaded_at_time_ago_in_s"] = result.max_loaded_at_time_ago_in_s;
  out["status"] = status_name(result.status);
  out["criteria"] = freshness_threshold_json(result.criteria);
  out["adapter_response"] = adapter_response_json(result.adapter_response);
  out["timing"] = timing_json(result.timing);
  out["thread_id"] = result.thread_id;
  out["execution_time"] = result.execution_time;
  return out;
}

Json freshness_results_json(const FreshnessResults& freshness) {
  Json out = Json::object();
  out["metadata"] = metadata_json(kSourcesSchema, freshness.invocation);
  Json results = Json::array();
  for (const FreshnessResult& result : freshness.results) {
    results.push_back(freshness_result_json(result));
  }
  out["results"] = std::move(results);
  out["elapsed_time"] = freshness.elapsed_time;
  return out;
}

std::string serialize_freshness_results(const FreshnessResults& freshness) {
  return dump_like_python(freshness_results_json(freshness));
}

void write_freshness_results(const std::filesystem::path& path, const FreshnessResults& freshness) {
  write_file_atomically(path, serialize_freshness_results(freshness));
}

}  // namespace kiln::artifacts
