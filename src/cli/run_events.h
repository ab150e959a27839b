#pragma once
// dbt's events about a whole invocation (dbt-core core/dbt/events/types.py, task/printer.py,
// dbt-adapters' FinishedRunningStats / HooksRunning): the version line, "Found ...", the
// concurrency line, hooks, the end-of-run summary, the error recap and the stats line.

#include <string>

#include <nlohmann/json.hpp>

#include "cli/log_event.h"

namespace kiln::cli {

LogEvent main_report_version(const std::string& version);  // "Running with kiln=0.1.0"
LogEvent found_stats(const std::string& stat_line);        // "Found 3 models, ..."
LogEvent concurrency_line(int threads, const std::string& target_name, size_t node_count);
LogEvent nothing_to_do();
LogEvent default_selector(const std::string& name);

// "Running 1 on-run-start hook", then per hook its start and end lines.
LogEvent hooks_running(size_t count, const std::string& hook_type);
LogEvent log_hook_start_line(const std::string& statement, size_t index, size_t total);
LogEvent log_hook_end_line(const std::string& statement, const std::string& status, size_t index,
                           size_t total, double execution_time);

// "Finished running 2 view models, 1 seed in 0 hours 0 minutes and 0.52 seconds (0.52s)."
LogEvent finished_running_stats(const std::string& stat_line, double elapsed);

// "Completed successfully" | "Completed with 1 error, 0 partial successes, and 0 warnings:" |
// "Exited because of keyboard interrupt" (dbt 1.11's wording).
LogEvent end_of_run_summary(size_t errors, size_t warnings, bool keyboard_interrupt);

// The recap of one failed or warned node: "Failure in model x (models/x.sql)", then the
// message indented, then where its compiled code is.
LogEvent run_result_failure(const std::string& resource_type, const std::string& name,
                            const std::string& path, const nlohmann::ordered_json& info);
LogEvent run_result_warning(const std::string& resource_type, const std::string& name,
                            const std::string& path, const nlohmann::ordered_json& info);
LogEvent run_result_error(const std::string& message, const nlohmann::ordered_json& info);
LogEvent run_result_warning_message(const std::string& message, const nlohmann::ordered_json& info);
LogEvent sql_compiled_path(const std::string& path, const nlohmann::ordered_json& info);

struct RunStats {
  size_t pass = 0, warn = 0, error = 0, skip = 0, reused = 0, noop = 0, total = 0;
};
// "Done. PASS=3 WARN=0 ERROR=0 SKIP=0 REUSED=27 NO-OP=0 TOTAL=30" (dbt Fusion's REUSED count).
LogEvent stats_line(const RunStats& stats);
// "Reused 27 nodes, saving about 1.42s of warehouse time (their last builds' durations)."
LogEvent time_saved(size_t reused, double seconds);
// A dry run's end: "Dry run: 3 nodes would be built, 27 reused. Nothing was run."
LogEvent dry_run_summary(size_t build, size_t reuse);

// Debug-level, last: "Command `kiln build` succeeded at 12:00:01.123456 after 1.23 seconds".
LogEvent command_completed(const std::string& command, bool success, double elapsed);

}  // namespace kiln::cli
