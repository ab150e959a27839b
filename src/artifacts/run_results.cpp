#include "artifacts/run_results.h"

#include <fmt/format.h>

#include "artifacts/atomic_file.h"
#include "artifacts/json_fields.h"
#include "artifacts/python_json.h"
#include "artifacts/result_fields.h"

namespace kiln::artifacts {
namespace {

Json batch_list_json(const std::vector<std::pair<TimePoint, TimePoint>>& batches) {
  Json out = Json::array();
  for (const auto& [start, end] : batches) {
    out.push_back(Json::array({format_utc_offset(start), format_utc_offset(end)}));
  }
  return out;
}

Json batch_results_json(const std::optional<BatchResults>& batches) {
  if (!batches) return nullptr;
  Json out = Json::object();
  out["successful"] = batch_list_json(batches->successful);
  out["failed"] = batch_list_json(batches->failed);
  return out;
}

}  // namespace

std::string worker_thread_name(std::size_t worker_index) {
  return fmt::format("Thread-{} (worker)", worker_index + 1);
}

Json run_result_json(const RunResult& result) {
  Json out = object_with_capacity(12);
  out["status"] = status_name(result.status);
  out["timing"] = timing_json(result.timing);
  out["thread_id"] = result.thread_id;
  out["execution_time"] = result.execution_time;
  out["adapter_response"] = adapter_response_json(result.adapter_response);
  out["message"] = optional_json(result.message);
  out["failures"] = optional_json(result.failures);
  out["unique_id"] = result.unique_id;
  out["compiled"] = optional_json(result.compiled);
  out["compiled_code"] = optional_json(result.compiled_code);
  out["relation_name"] = optional_json(result.relation_name);
  out["batch_results"] = batch_results_json(result.batch_results);
  return out;
}

Json run_results_json(const RunResults& run_results) {
  Json out = Json::object();
  out["metadata"] = metadata_json(kRunResultsSchema, run_results.invocation);
  Json results = Json::array();
  for (const RunResult& result : run_results.results)
    results.push_back(run_result_json(result));
  out["results"] = std::move(results);
  out["elapsed_time"] = run_results.elapsed_time;
  out["args"] = run_results.args;
  return out;
}

std::string serialize_run_results(const RunResults& run_results) {
  return dump_like_python(run_results_json(run_results));
}

void write_run_results(const std::filesystem::path& path, const RunResults& run_results) {
  write_file_atomically(path, serialize_run_results(run_results));
}

}  // namespace kiln::artifacts
