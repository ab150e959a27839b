#include "cli/node_events.h"

#include <ctime>

#include <fmt/format.h>

#include "cli/json_log_line.h"
#include "cli/node_description.h"

namespace kiln::cli {

using project::ResourceType;
using run::NodeStatus;

namespace {

constexpr size_t kPrinterWidth = 80;  // dbt's ui.printer_width() default

artifacts::TimePoint micros(std::chrono::system_clock::time_point t) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(t);
}

LogLevel test_level(NodeStatus status) {
  switch (status) {
    case NodeStatus::Fail:
    case NodeStatus::Error:
      return LogLevel::Error;
    case NodeStatus::Warn:
      return LogLevel::Warn;
    default:
      return LogLevel::Info;
  }
}

// A state-aware run says why it built a node, after the status: "[OK in 0.05s] (new data in
// raw.wizards)". Errors say what went wrong instead.
std::string with_reason(std::string line, const run::NodeResult& result) {
  if (result.reason.empty() || result.status == NodeStatus::Error) return line;
  return line + " (" + result.reason + ")";
}

LogEvent model_result(const compile::ParsedNode& node, const run::NodeResult& result,
                      const NodeSlot& slot, const nlohmann::ordered_json& info) {
  bool error = result.status == NodeStatus::Error;
  // dbt passes the adapter's message ("OK") as the status, or "error".
  std::string status = error ? "error" : (result.message.empty() ? "OK" : result.message);
  std::string description = node_description(node);
  bool snapshot = node.resource_type == ResourceType::Snapshot;
  std::string verb = error ? (snapshot ? "ERROR snapshotting" : "ERROR creating")
                           : (snapshot ? "OK snapshotted" : "OK created");
  std::string msg =
      with_reason(fancy_output_line(verb + " " + description, error ? "ERROR" : status, slot.index,
                                    slot.total, result.execution_time),
                  result);
  nlohmann::ordered_json data = {
      {"node_info", info},   {"description", description},
      {"status", status},    {"index", slot.index},
      {"total", slot.total}, {"execution_time", proto_float(result.execution_time)}};
  if (snapshot) {
    data["cfg"] = nlohmann::ordered_json::object();
    data["result_message"] = result.message;
    return {"LogSnapshotResult", "Q015", error ? LogLevel::Error : LogLevel::Info, msg, data,
            slot.thread};
  }
  return {"LogModelResult", "Q012", error ? LogLevel::Error : LogLevel::Info, msg, data,
          slot.thread};
}

LogEvent seed_result(const compile::ParsedNode& node, const run::NodeResult& result,
                     const NodeSlot& slot, const nlohmann::ordered_json& info) {
  bool error = result.status == NodeStatus::Error;
  std::string msg = fancy_output_line(
      (error ? "ERROR loading" : "OK loaded") + std::string(" seed file ") + node.schema + "." +
          node.alias,
      error ? "ERROR" : result.message, slot.index, slot.total, result.execution_time);
  msg = with_reason(msg, result);
  nlohmann::ordered_json data = {{"node_info", info},
                                 {"status", run::status_name(result.status)},
                                 {"result_message", result.message},
                                 {"index", slot.index},
                                 {"total", slot.total},
                                 {"execution_time", proto_float(result.execution_time)},
                                 {"schema", node.schema},
                                 {"relation", node.alias}};
  return {"LogSeedResult", "Q016", error ? LogLevel::Error : LogLevel::Info, msg, data,
          slot.thread};
}

LogEvent test_result(const compile::ParsedNode& node, const run::NodeResult& result,
                     const NodeSlot& slot, const nlohmann::ordered_json& info) {
  int64_t failures = result.failures < 0 ? 0 : result.failures;
  std::string label;
  switch (result.status) {
    case NodeStatus::Error:
      label = "ERROR";
      break;
    case NodeStatus::Warn:
      label = fmt::format("WARN {}", failures);
      break;
    case NodeStatus::Fail:
      label = fmt::format("FAIL {}", failures);
      break;
    default:
      label = "PASS";
  }
  std::string msg = with_reason(fancy_output_line(label + " " + node.name(), label, slot.index,
                                                  slot.total, result.execution_time),
                                result);
  nlohmann::ordered_json data = {{"node_info", info},
                                 {"name", node.name()},
                                 {"status", run::status_name(result.status)},
                                 {"index", slot.index},
                                 {"num_models", slot.total},
                                 {"execution_time", proto_float(result.execution_time)},
                                 {"num_failures", failures}};
  return {"LogTestResult", "Q007", test_level(result.status), msg, data, slot.thread};
}

nlohmann::ordered_json run_result_msg(const run::NodeResult& result, const std::string& thread) {
  nlohmann::ordered_json timing = nlohmann::ordered_json::array();
  if (result.status != NodeStatus::Skipped) {
    timing.push_back({{"name", "compile"},
                      {"started_at", proto_timestamp(micros(result.compile_started))},
                      {"completed_at", proto_timestamp(micros(result.compile_completed))}});
    timing.push_back({{"name", "execute"},
                      {"started_at", proto_timestamp(micros(result.execute_started))},
                      {"completed_at", proto_timestamp(micros(result.execute_completed))}});
  }
  nlohmann::ordered_json response = nlohmann::ordered_json::object();
  if (result.status != NodeStatus::Error && result.status != NodeStatus::Skipped) {
    response = {{"_message", result.message.empty() ? "OK" : result.message}, {"code", "OK"}};
    if (result.rows_affected >= 0) response["rows_affected"] = result.rows_affected;
  }
  return {{"status", run::status_name(result.status)},
          {"message", result.message},
          {"timing_info", timing},
          {"thread", thread},
          {"execution_time", proto_float(result.execution_time)},
          {"adapter_response", response},
          {"num_failures", result.failures < 0 ? 0 : result.failures}};
}

}  // namespace

std::string python_isoformat(artifacts::TimePoint when) {
  auto micros_total = when.time_since_epoch().count();
  auto seconds = static_cast<std::time_t>(micros_total / 1000000);
  int64_t fraction = micros_total % 1000000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", tm.tm_year + 1900,
                                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  if (fraction != 0) out += fmt::format(".{:06}", fraction);
  return out;
}

nlohmann::ordered_json node_info(const compile::ParsedNode& node, const NodeProgress& progress) {
  nlohmann::ordered_json meta = node.node->meta.is_object() && !node.node->meta.empty()
                                    ? node.node->meta
                                    : node.config.value("meta", nlohmann::ordered_json::object());
  return {{"node_path", node.node->path},
          {"node_name", node.name()},
          {"unique_id", node.unique_id},
          {"resource_type", std::string(project::to_string(node.resource_type))},
          {"materialized", node.materialized()},
          {"node_status", progress.status},
          {"node_started_at", progress.started_at},
          {"node_finished_at", progress.finished_at},
          {"meta", meta},
          {"node_relation",
           {{"database", node.database},
            {"schema", node.schema},
            {"alias", node.alias},
            {"relation_name", node.relation_name}}}};
}

std::string fancy_output_line(const std::string& msg, const std::string& status,
                              std::optional<size_t> index, std::optional<size_t> total,
                              std::optional<double> execution_time) {
  std::string line = index && total ? fmt::format("{} of {} ", *index, *total) : std::string();
  line += msg + " ";
  if (line.size() < kPrinterWidth) line += std::string(kPrinterWidth - line.size(), '.');
  std::string timing = execution_time ? fmt::format(" in {:.2f}s", *execution_time) : "";
  return line + " [" + status + timing + "]";
}

LogEvent log_start_line(const compile::ParsedNode& node, const NodeSlot& slot,
                        const nlohmann::ordered_json& info) {
  std::string description = node_description(node);
  return {"LogStartLine",
          "Q011",
          LogLevel::Info,
          fancy_output_line("START " + description, "RUN", slot.index, slot.total),
          {{"node_info", info},
           {"description", description},
           {"index", slot.index},
           {"total", slot.total}},
          slot.thread};
}

LogEvent node_result_line(const compile::ParsedNode& node, const run::NodeResult& result,
                          const NodeSlot& slot, const nlohmann::ordered_json& info) {
  if (result.status == NodeStatus::Reused) return reused_line(node, result, slot, info);
  switch (node.resource_type) {
    case ResourceType::Test:
      return test_result(node, result, slot, info);
    case ResourceType::Seed:
      return seed_result(node, result, slot, info);
    default:
      return model_result(node, result, slot, info);
  }
}

LogEvent reused_line(const compile::ParsedNode& node, const run::NodeResult& result,
                     const NodeSlot& slot, const nlohmann::ordered_json& info) {
  std::string description = node_description(node);
  return {"NodeReused",
          "K001",
          LogLevel::Info,
          fancy_output_line("REUSED " + description, "REUSED: " + result.reason, slot.index,
                            slot.total),
          {{"node_info", info},
           {"description", description},
           {"reason", result.reason},
           {"index", slot.index},
           {"total", slot.total}},
          slot.thread};
}

LogEvent planned_line(const compile::ParsedNode& node, const run::NodeResult& result,
                      const NodeSlot& slot, const nlohmann::ordered_json& info) {
  bool build = result.status != NodeStatus::Reused;
  std::string description = node_description(node);
  std::string reason = result.status == NodeStatus::Error ? result.message : result.reason;
  std::string status = result.status == NodeStatus::Error ? "ERROR" : (build ? "BUILD" : "REUSE");
  return {
      "NodePlanned",
      "K002",
      result.status == NodeStatus::Error ? LogLevel::Error : LogLevel::Info,
      fancy_output_line((build ? "WOULD BUILD " : "WOULD REUSE ") + description,
                        reason.empty() ? status : status + ": " + reason, slot.index, slot.total),
      {{"node_info", info},
       {"description", description},
       {"action", build ? "build" : "reuse"},
       {"reason", reason},
       {"index", slot.index},
       {"total", slot.total}},
      slot.thread};
}

LogEvent skipping_details(const compile::ParsedNode& node, const NodeSlot& slot,
                          const nlohmann::ordered_json& info) {
  std::string type(project::to_string(node.resource_type));
  bool relation = node.resource_type == ResourceType::Model ||
                  node.resource_type == ResourceType::Seed ||
                  node.resource_type == ResourceType::Snapshot;
  std::string msg = relation ? "SKIP relation " + node.schema + "." + node.name()
                             : "SKIP " + type + " " + node.name();
  return {"SkippingDetails",
          "Q034",
          LogLevel::Info,
          fancy_output_line(msg, "SKIP", slot.index, slot.total),
          {{"node_info", info},
           {"resource_type", type},
           {"schema", node.schema},
           {"node_name", node.name()},
           {"index", slot.index},
           {"total", slot.total}},
          slot.thread};
}

LogEvent node_start(const compile::ParsedNode& node, const std::string& thread,
                    const nlohmann::ordered_json& info) {
  return {"NodeStart",           "Q024", LogLevel::Debug, "Began running node " + node.unique_id,
          {{"node_info", info}}, thread};
}

LogEvent node_finished(const compile::ParsedNode& node, const run::NodeResult& result,
                       const std::string& thread, const nlohmann::ordered_json& info) {
  return {"NodeFinished",
          "Q025",
          LogLevel::Debug,
          "Finished running node " + node.unique_id,
          {{"node_info", info}, {"run_result", run_result_msg(result, thread)}},
          thread};
}

LogEvent log_cancel_line(const std::string& connection_name) {
  return {
      "LogCancelLine",
      "Q022",
      LogLevel::Error,
      fancy_output_line("CANCEL query " + connection_name, "CANCEL", std::nullopt, std::nullopt),
      {{"conn_name", connection_name}}};
}

}  // namespace kiln::cli
