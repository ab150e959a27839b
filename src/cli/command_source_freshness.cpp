// kiln source freshness: how long ago each selected source with a freshness threshold and a
// loaded_at_field was last loaded, printed as dbt prints it and written to
// target/sources.json (schema v3). Exits 1 when a source is stale past error_after or its
// query failed, as dbt does.
#include <fmt/format.h>

#include "artifacts/freshness_results.h"
#include "cli/commands.h"
#include "cli/node_events.h"
#include "cli/run_events.h"
#include "cli/session.h"
#include "compile/ref_resolution.h"
#include "run/source_freshness.h"

namespace kiln::cli {

namespace {

struct Checked {
  const compile::ParsedNode* source;
  run::FreshnessCriteria criteria;
  run::FreshnessCheck check;
};

artifacts::TimePoint micros(std::chrono::system_clock::time_point t) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(t);
}

std::vector<Checked> sources_to_check(const Session& s) {
  std::vector<Checked> out;
  s.select("ls").for_each([&](graph::NodeIndex i) {
    const compile::ParsedNode& node = *s.manifest.find(s.dag->id(i));
    if (node.resource_type != project::ResourceType::Source || !node.source) return;
    if (!node.source->loaded_at_field) return;
    auto criteria = run::freshness_criteria(node.source->freshness);
    if (criteria) out.push_back({&node, *criteria, {}});
  });
  return out;
}

std::string source_label(const compile::ParsedNode& node) {
  return node.source->source_name + "." + node.name();
}

// LogFreshnessResult's text: PASS, WARN, ERROR STALE, or ERROR (the query failed).
std::string status_label(run::FreshnessOutcome outcome) {
  switch (outcome) {
    case run::FreshnessOutcome::Pass:
      return "PASS";
    case run::FreshnessOutcome::Warn:
      return "WARN";
    case run::FreshnessOutcome::Error:
      return "ERROR STALE";
    case run::FreshnessOutcome::RuntimeError:
      return "ERROR";
  }
  return "ERROR";
}

artifacts::FreshnessStatus artifact_status(run::FreshnessOutcome outcome) {
  switch (outcome) {
    case run::FreshnessOutcome::Pass:
      return artifacts::FreshnessStatus::kPass;
    case run::FreshnessOutcome::Warn:
      return artifacts::FreshnessStatus::kWarn;
    case run::FreshnessOutcome::Error:
      return artifacts::FreshnessStatus::kError;
    case run::FreshnessOutcome::RuntimeError:
      return artifacts::FreshnessStatus::kRuntimeError;
  }
  return artifacts::FreshnessStatus::kRuntimeError;
}

artifacts::FreshnessTime threshold_time(const nlohmann::ordered_json& freshness, const char* key) {
  artifacts::FreshnessTime out;
  if (!freshness.is_object() || !freshness.contains(key) || !freshness[key].is_object()) return out;
  const auto& after = freshness[key];
  if (after.contains("count") && after["count"].is_number_integer())
    out.count = after["count"].get<int>();
  if (after.contains("period") && after["period"].is_string())
    out.period = after["period"].get<std::string>();
  return out;
}

artifacts::FreshnessResult artifact_result(const Checked& c) {
  artifacts::FreshnessResult out;
  out.unique_id = c.source->unique_id;
  out.status = artifact_status(c.check.outcome);
  if (c.check.outcome == run::FreshnessOutcome::RuntimeError) {
    out.error = c.check.error;
    return out;
  }
  out.max_loaded_at = micros(c.check.max_loaded_at);
  out.snapshotted_at = micros(c.check.snapshotted_at);
  out.max_loaded_at_time_ago_in_s = c.check.age_s;
  const auto& freshness = c.source->source->freshness;
  out.criteria.warn_after = threshold_time(freshness, "warn_after");
  out.criteria.error_after = threshold_time(freshness, "error_after");
  out.criteria.filter = c.criteria.filter;
  out.timing = {{"compile", micros(c.check.started), micros(c.check.started)},
                {"execute", micros(c.check.started), micros(c.check.completed)}};
  out.thread_id = artifacts::worker_thread_name(0);
  out.execution_time = std::chrono::duration<double>(c.check.completed - c.check.started).count();
  return out;
}

LogEvent freshness_line(const Checked& c, size_t index, size_t total, bool started) {
  std::string label = source_label(*c.source);
  if (started) {
    return {"LogStartLine",
            "Q011",
            LogLevel::Info,
            fancy_output_line("START freshness of " + label, "RUN", index, total),
            {{"description", "freshness of " + label}, {"index", index}, {"total", total}}};
  }
  std::string status = status_label(c.check.outcome);
  double seconds = std::chrono::duration<double>(c.check.completed - c.check.started).count();
  bool bad = c.check.outcome == run::FreshnessOutcome::Error ||
             c.check.outcome == run::FreshnessOutcome::RuntimeError;
  return {"LogFreshnessResult",
          "Q018",
          bad ? LogLevel::Error
              : (c.check.outcome == run::FreshnessOutcome::Warn ? LogLevel::Warn : LogLevel::Info),
          fancy_output_line(status + " freshness of " + label, status, index, total, seconds),
          {{"status", std::string(artifacts::status_name(artifact_status(c.check.outcome)))},
           {"source_name", c.source->source->source_name},
           {"table_name", c.source->name()},
           {"index", index},
           {"total", total},
           {"execution_time", seconds}}};
}

}  // namespace

int command_source_freshness(const Flags& flags, Console& console) {
  auto started = std::chrono::steady_clock::now();
  Session s(flags, console);
  std::vector<Checked> checks = sources_to_check(s);
  artifacts::FreshnessResults results;
  results.invocation.invocation_id = s.invocation_id;
  bool failed = false;
  if (checks.empty()) {
    console.fire(nothing_to_do());
  } else {
    s.connect();
    auto connection = s.adapter->open_connection();
    console.blank();
    console.fire(concurrency_line(1, s.target.target_name, checks.size()));
    console.blank();
    for (size_t i = 0; i < checks.size(); ++i) {
      Checked& c = checks[i];
      console.fire(freshness_line(c, i + 1, checks.size(), true));
      c.check = run::check_freshness(*s.adapter, *connection, compile::relation_of(*c.source),
                                     *c.source->source->loaded_at_field, c.criteria);
      console.fire(freshness_line(c, i + 1, checks.size(), false));
      if (c.check.outcome == run::FreshnessOutcome::RuntimeError) console.error(c.check.error);
      failed = failed || c.check.outcome == run::FreshnessOutcome::Error ||
               c.check.outcome == run::FreshnessOutcome::RuntimeError;
      results.results.push_back(artifact_result(c));
    }
  }
  results.invocation.generated_at = artifacts::now_micros();
  results.elapsed_time =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::filesystem::path out = flags.output_path.empty() ? s.target_path / "sources.json"
                                                        : std::filesystem::path(flags.output_path);
  artifacts::write_freshness_results(out, results);
  console.blank();
  console.info("Done.");
  return failed ? 1 : 0;
}

}  // namespace kiln::cli
