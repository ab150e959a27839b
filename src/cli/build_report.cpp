#include "cli/build_report.h"

#include <map>

#include "cli/node_events.h"
#include "cli/node_files.h"
#include "cli/run_events.h"

namespace kiln::cli {

namespace {

artifacts::NodeStatus artifact_status(run::NodeStatus status) {
  switch (status) {
    case run::NodeStatus::Success:
      return artifacts::NodeStatus::kSuccess;
    case run::NodeStatus::Error:
      return artifacts::NodeStatus::kError;
    case run::NodeStatus::Skipped:
      return artifacts::NodeStatus::kSkipped;
    case run::NodeStatus::Pass:
      return artifacts::NodeStatus::kPass;
    case run::NodeStatus::Fail:
      return artifacts::NodeStatus::kFail;
    case run::NodeStatus::Warn:
      return artifacts::NodeStatus::kWarn;
    case run::NodeStatus::Reused:
      return artifacts::NodeStatus::kReused;
    case run::NodeStatus::Planned:  // a dry run writes no run_results.json
      return artifacts::NodeStatus::kSkipped;
  }
  return artifacts::NodeStatus::kError;
}

artifacts::TimePoint micros(std::chrono::system_clock::time_point t) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(t);
}

// dbt's interpret_run_result, counted into the stats line.
void count(RunStats& stats, run::NodeStatus status) {
  switch (status) {
    case run::NodeStatus::Success:
    case run::NodeStatus::Pass:
      ++stats.pass;
      break;
    case run::NodeStatus::Warn:
      ++stats.warn;
      break;
    case run::NodeStatus::Error:
    case run::NodeStatus::Fail:
      ++stats.error;
      break;
    case run::NodeStatus::Skipped:
    case run::NodeStatus::Planned:
      ++stats.skip;
      break;
    case run::NodeStatus::Reused:
      ++stats.reused;
      break;
  }
  ++stats.total;
}

// One error or warning of the recap: what failed, its message, where its compiled SQL is.
void print_result_error(Console& console, const FinishedNode& f, bool warning,
                        const std::string& target_path) {
  const compile::ParsedNode& node = *f.node;
  nlohmann::ordered_json info = node_info(node, {run::status_name(f.result.status), "", ""});
  std::string type(project::to_string(node.resource_type));
  const std::string& path = node.node->original_file_path;
  console.blank();
  if (warning) {
    console.fire(run_result_warning(type, node.name(), path, info));
    console.fire(run_result_warning_message(f.result.message, info));
  } else {
    console.fire(run_result_failure(type, node.name(), path, info));
    console.fire(run_result_error(f.result.message, info));
  }
  if (!f.result.compiled_code.empty()) {
    std::filesystem::path compiled = node_write_path(target_path, "compiled", node);
    console.blank();
    console.fire(sql_compiled_path(compiled.string(), info));
  }
}

}  // namespace

artifacts::RunResult artifact_result(const compile::ParsedNode& node, const run::NodeResult& r) {
  artifacts::RunResult out;
  out.unique_id = r.unique_id;
  out.status = artifact_status(r.status);
  out.thread_id = artifacts::worker_thread_name(static_cast<size_t>(r.thread));
  out.execution_time = r.execution_time;
  bool executed = r.status != run::NodeStatus::Skipped && r.status != run::NodeStatus::Reused;
  if (executed) {
    out.timing.push_back({"compile", micros(r.compile_started), micros(r.compile_completed)});
    out.timing.push_back({"execute", micros(r.execute_started), micros(r.execute_completed)});
    artifacts::AdapterResponse response;
    response.message = r.message.empty() ? "OK" : r.message;
    response.code = r.status == run::NodeStatus::Error ? "ERROR" : "OK";
    if (r.rows_affected >= 0) response.rows_affected = r.rows_affected;
    if (r.status != run::NodeStatus::Error) out.adapter_response = response;
  }
  // dbt users read `message`: a state-aware run puts there why it built or reused the node;
  // the engine's response stays in adapter_response, and an error or failure says itself.
  bool good = r.status == run::NodeStatus::Success || r.status == run::NodeStatus::Pass ||
              r.status == run::NodeStatus::Reused;
  if (good && !r.reason.empty()) {
    out.message = r.reason;
  } else if (!r.message.empty()) {
    out.message = r.message;
  }
  if (r.failures >= 0) out.failures = r.failures;
  if (node.resource_type != project::ResourceType::Seed) {
    out.compiled = !r.compiled_code.empty();
    if (!r.compiled_code.empty()) out.compiled_code = r.compiled_code;
  }
  if (!node.relation_name.empty()) out.relation_name = node.relation_name;
  return out;
}

std::string stat_line(const std::vector<const compile::ParsedNode*>& nodes) {
  // dbt counts by resource type ("<materialization> model" for models) and pluralizes
  // NodeType.Test as "data tests" (but one is "1 test").
  std::map<std::string, size_t> counts;
  for (const compile::ParsedNode* node : nodes) {
    std::string kind(project::to_string(node->resource_type));
    if (node->resource_type == project::ResourceType::Model) kind = node->materialized() + " model";
    counts[kind]++;
  }
  std::string out;
  for (const auto& [kind, n] : counts) {
    std::string word = n == 1 ? kind : (kind == "test" ? "data tests" : kind + "s");
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + word;
  }
  return out;
}

bool print_run_end_messages(Console& console, const std::vector<FinishedNode>& finished,
                            bool keyboard_interrupt, const std::string& target_path) {
  std::vector<const FinishedNode*> errors, warnings;
  RunStats stats;
  for (const FinishedNode& f : finished) {
    count(stats, f.result.status);
    if (f.result.status == run::NodeStatus::Error || f.result.status == run::NodeStatus::Fail)
      errors.push_back(&f);
    if (f.result.status == run::NodeStatus::Warn) warnings.push_back(&f);
  }
  console.blank();
  console.fire(end_of_run_summary(errors.size(), warnings.size(), keyboard_interrupt));
  for (const FinishedNode* f : errors)
    print_result_error(console, *f, false, target_path);
  for (const FinishedNode* f : warnings)
    print_result_error(console, *f, true, target_path);
  console.blank();
  console.fire(stats_line(stats));
  double saved = 0;
  for (const FinishedNode& f : finished)
    saved += f.result.saved_seconds;
  if (stats.reused > 0) console.fire(time_saved(stats.reused, saved));
  return !errors.empty();
}

}  // namespace kiln::cli
