#include "cli/run_events.h"

#include <cmath>
#include <ctime>

#include <fmt/format.h>

#include "artifacts/timestamp.h"
#include "cli/json_log_line.h"
#include "cli/node_events.h"

namespace kiln::cli {

namespace {

std::string pluralize(size_t count, const std::string& word, const std::string& plural) {
  return fmt::format("{} {}", count, count == 1 ? word : plural);
}

// dbt's humanize_execution_time: " in 0 hours 0 minutes and 0.52 seconds".
std::string humanize(double seconds) {
  double minutes = std::floor(seconds / 60);
  seconds -= minutes * 60;
  double hours = std::floor(minutes / 60);
  minutes -= hours * 60;
  return fmt::format(" in {} hours {} minutes and {:.2f} seconds", static_cast<int64_t>(hours),
                     static_cast<int64_t>(minutes), seconds);
}

}  // namespace

LogEvent main_report_version(const std::string& version) {
  return {"MainReportVersion",
          "A001",
          LogLevel::Info,
          "Running with kiln=" + version,
          {{"version", "=" + version}, {"log_version", 3}}};
}

LogEvent found_stats(const std::string& stat_line) {
  return {"FoundStats", "W006", LogLevel::Info, "Found " + stat_line, {{"stat_line", stat_line}}};
}

LogEvent concurrency_line(int threads, const std::string& target_name, size_t node_count) {
  return {"ConcurrencyLine",
          "Q027",
          LogLevel::Info,
          fmt::format("Concurrency: {} threads (target='{}')", threads, target_name),
          {{"num_threads", threads}, {"target_name", target_name}, {"node_count", node_count}}};
}

LogEvent nothing_to_do() {
  return {"NothingToDo", "Q035", LogLevel::Warn,
          "Nothing to do. Try checking your model configs and model specification args",
          nlohmann::ordered_json::object()};
}

LogEvent default_selector(const std::string& name) {
  return {"DefaultSelector",
          "Q023",
          LogLevel::Info,
          "Using default selector " + name,
          {{"name", name}}};
}

LogEvent hooks_running(size_t count, const std::string& hook_type) {
  return {"HooksRunning",
          "E046",
          LogLevel::Info,
          fmt::format("Running {} {} {}", count, hook_type, count == 1 ? "hook" : "hooks"),
          {{"num_hooks", count}, {"hook_type", hook_type}}};
}

LogEvent log_hook_start_line(const std::string& statement, size_t index, size_t total) {
  return {"LogHookStartLine",
          "Q032",
          LogLevel::Info,
          fancy_output_line("START hook: " + statement, "RUN", index, total),
          {{"statement", statement}, {"index", index}, {"total", total}}};
}

LogEvent log_hook_end_line(const std::string& statement, const std::string& status, size_t index,
                           size_t total, double execution_time) {
  std::string label = status == "success" ? "OK" : status == "skipped" ? "SKIP" : "ERROR";
  return {"LogHookEndLine",
          "Q033",
          LogLevel::Info,
          fancy_output_line(label + " hook: " + statement, label, index, total, execution_time),
          {{"statement", statement},
           {"status", status},
           {"index", index},
           {"total", total},
           {"execution_time", proto_float(execution_time)}}};
}

LogEvent finished_running_stats(const std::string& stat_line, double elapsed) {
  std::string execution = humanize(elapsed);
  return {"FinishedRunningStats",
          "E047",
          LogLevel::Info,
          fmt::format("Finished running {}{} ({:.2f}s).", stat_line, execution, elapsed),
          {{"stat_line", stat_line},
           {"execution", execution},
           {"execution_time", proto_float(elapsed)}}};
}

LogEvent end_of_run_summary(size_t errors, size_t warnings, bool keyboard_interrupt) {
  std::string message;
  if (keyboard_interrupt) {
    message = "Exited because of keyboard interrupt";
  } else if (errors > 0) {
    message = fmt::format(
        "Completed with {}, 0 partial successes, and {}:", pluralize(errors, "error", "errors"),
        pluralize(warnings, "warning", "warnings"));
  } else if (warnings > 0) {
    message = fmt::format("Completed with {}:", pluralize(warnings, "warning", "warnings"));
  } else {
    message = "Completed successfully";
  }
  return {"EndOfRunSummary",
          "Z030",
          LogLevel::Info,
          message,
          {{"num_errors", errors},
           {"num_warnings", warnings},
           {"keyboard_interrupt", keyboard_interrupt},
           {"num_partial_success", 0}}};
}

LogEvent run_result_failure(const std::string& resource_type, const std::string& name,
                            const std::string& path, const nlohmann::ordered_json& info) {
  return {
      "RunResultFailure",
      "Z022",
      LogLevel::Error,
      fmt::format("Failure in {} {} ({})", resource_type, name, path),
      {{"resource_type", resource_type}, {"node_name", name}, {"path", path}, {"node_info", info}}};
}

LogEvent run_result_warning(const std::string& resource_type, const std::string& name,
                            const std::string& path, const nlohmann::ordered_json& info) {
  return {
      "RunResultWarning",
      "Z021",
      LogLevel::Warn,
      fmt::format("Warning in {} {} ({})", resource_type, name, path),
      {{"resource_type", resource_type}, {"node_name", name}, {"path", path}, {"node_info", info}}};
}

LogEvent run_result_error(const std::string& message, const nlohmann::ordered_json& info) {
  return {"RunResultError",
          "Z024",
          LogLevel::Error,
          "  " + message,
          {{"msg", message}, {"node_info", info}}};
}

LogEvent run_result_warning_message(const std::string& message,
                                    const nlohmann::ordered_json& info) {
  return {"RunResultWarningMessage",
          "Z046",
          LogLevel::Warn,
          message,
          {{"msg", message}, {"node_info", info}}};
}

LogEvent sql_compiled_path(const std::string& path, const nlohmann::ordered_json& info) {
  return {"SQLCompiledPath",
          "Z026",
          LogLevel::Info,
          "  compiled code at " + path,
          {{"path", path}, {"node_info", info}}};
}

LogEvent stats_line(const RunStats& stats) {
  return {
      "StatsLine",
      "Z023",
      LogLevel::Info,
      fmt::format("Done. PASS={} WARN={} ERROR={} SKIP={} REUSED={} NO-OP={} TOTAL={}", stats.pass,
                  stats.warn, stats.error, stats.skip, stats.reused, stats.noop, stats.total),
      {{"stats",
        {{"error", stats.error},
         {"skip", stats.skip},
         {"pass", stats.pass},
         {"warn", stats.warn},
         {"reused", stats.reused},
         {"noop", stats.noop},
         {"total", stats.total}}}}};
}

LogEvent time_saved(size_t reused, double seconds) {
  std::string msg = fmt::format(
      "Reused {} node{}, saving about {:.2f}s of warehouse time (their "
      "last builds' durations).",
      reused, reused == 1 ? "" : "s", seconds);
  return {"StateTimeSaved",
          "K003",
          LogLevel::Info,
          msg,
          {{"reused", reused}, {"seconds_saved", seconds}}};
}

LogEvent dry_run_summary(size_t build, size_t reuse) {
  std::string msg = fmt::format("Dry run: {} node{} would be built, {} reused. Nothing was run.",
                                build, build == 1 ? "" : "s", reuse);
  return {"StateDryRun", "K004", LogLevel::Info, msg, {{"build", build}, {"reuse", reuse}}};
}

LogEvent command_completed(const std::string& command, bool success, double elapsed) {
  artifacts::TimePoint now = artifacts::now_micros();
  auto micros = now.time_since_epoch().count();
  auto seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  localtime_r(&seconds, &tm);
  std::string at =
      fmt::format("{:02}:{:02}:{:02}.{:06}", tm.tm_hour, tm.tm_min, tm.tm_sec, micros % 1000000);
  return {"CommandCompleted",
          "Q039",
          LogLevel::Debug,
          fmt::format("Command `{}` {} at {} after {:.2f} seconds", command,
                      success ? "succeeded" : "failed", at, elapsed),
          {{"command", command},
           {"success", success},
           {"completed_at", proto_timestamp(now)},
           {"elapsed", proto_float(elapsed)}}};
}

}  // namespace kiln::cli
