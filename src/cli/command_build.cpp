// kiln build | run | seed | test: run the selected nodes in DAG order on --threads workers.
#include <atomic>
#include <csignal>
#include <fstream>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "artifacts/manifest_writer.h"
#include "artifacts/run_results.h"
#include "cli/commands.h"
#include "cli/connection_pool.h"
#include "cli/manifest_input.h"
#include "cli/node_description.h"
#include "cli/session.h"
#include "run/node_runner.h"
#include "run/scheduler.h"

namespace kiln::cli {

namespace fs = std::filesystem;

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void on_interrupt(int) {
  g_interrupted = 1;
}

bool runs_in(const compile::ParsedNode& node) {
  using project::ResourceType;
  switch (node.resource_type) {
    case ResourceType::Model:
      return !node.is_ephemeral();  // inlined into the models that ref it, never run
    case ResourceType::Seed:
    case ResourceType::Test:
    case ResourceType::Snapshot:
      return true;
    default:
      return false;
  }
}

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
  }
  return artifacts::NodeStatus::kError;
}

artifacts::TimePoint micros(std::chrono::system_clock::time_point t) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(t);
}

artifacts::RunResult run_result(const compile::ParsedNode& node, const run::NodeResult& r) {
  artifacts::RunResult out;
  out.unique_id = r.unique_id;
  out.status = artifact_status(r.status);
  out.thread_id = artifacts::worker_thread_name(static_cast<size_t>(r.thread));
  out.execution_time = r.execution_time;
  if (r.status != run::NodeStatus::Skipped) {
    out.timing.push_back({"compile", micros(r.compile_started), micros(r.compile_completed)});
    out.timing.push_back({"execute", micros(r.execute_started), micros(r.execute_completed)});
    artifacts::AdapterResponse response;
    response.message = r.message.empty() ? "OK" : r.message;
    response.code = r.status == run::NodeStatus::Error ? "ERROR" : "OK";
    if (r.rows_affected >= 0) response.rows_affected = r.rows_affected;
    if (r.status != run::NodeStatus::Error) out.adapter_response = response;
  }
  if (!r.message.empty()) out.message = r.message;
  if (r.failures >= 0) out.failures = r.failures;
  if (node.resource_type != project::ResourceType::Seed) {
    out.compiled = !r.compiled_code.empty();
    if (!r.compiled_code.empty()) out.compiled_code = r.compiled_code;
  }
  if (!node.relation_name.empty()) out.relation_name = node.relation_name;
  return out;
}

// target/compiled/<package>/<path>.sql: the SQL each node compiled to, where dbt writes it
// (a generic test goes under its YAML file: models/schema.yml/<test name>.sql).
void write_compiled_file(const fs::path& target_path, const compile::ParsedNode& node,
                         const std::string& sql) {
  fs::path relative = node.generic_test
                          ? fs::path(node.node->original_file_path) / (node.name() + ".sql")
                          : fs::path(node.node->original_file_path);
  fs::path file = target_path / "compiled" / node.package() / relative;
  fs::create_directories(file.parent_path());
  std::ofstream(file) << sql;
}

struct Totals {
  int pass = 0, warn = 0, error = 0, skip = 0;
};

void count(Totals& totals, run::NodeStatus status) {
  switch (status) {
    case run::NodeStatus::Success:
    case run::NodeStatus::Pass:
      ++totals.pass;
      break;
    case run::NodeStatus::Warn:
      ++totals.warn;
      break;
    case run::NodeStatus::Error:
    case run::NodeStatus::Fail:
      ++totals.error;
      break;
    case run::NodeStatus::Skipped:
      ++totals.skip;
      break;
  }
}

std::string finished_phrase(const Session& s, const std::vector<graph::NodeIndex>& ran) {
  std::map<std::string, int> kinds;
  for (graph::NodeIndex i : ran) {
    const compile::ParsedNode& node = s.manifest.nodes[s.manifest.index.at(s.dag->id(i))];
    if (node.resource_type == project::ResourceType::Test) {
      kinds["data test"]++;
    } else if (node.resource_type == project::ResourceType::Seed) {
      kinds["seed"]++;
    } else {
      kinds[node.materialized() + " model"]++;
    }
  }
  std::string out;
  for (const auto& [kind, n] : kinds) {
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + kind + (n == 1 ? "" : "s");
  }
  return out;
}

int run_hooks(Session& s, const std::vector<std::string>& hooks, const char* which) {
  if (hooks.empty()) return 0;
  auto connection = s.adapter->open_connection();
  for (size_t i = 0; i < hooks.size(); ++i) {
    std::string sql =
        s.compiler->render_hook(s.manifest, nullptr, hooks[i], *s.adapter, *connection);
    if (sql.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    connection->execute(sql);
    s.console.info(fmt::format("{} of {} OK hook: {}.{}.{} [OK]", i + 1, hooks.size(),
                               s.project.root.name, which, i));
  }
  return 0;
}

}  // namespace

int command_build(const Flags& flags, Console& console) {
  auto started = std::chrono::steady_clock::now();
  console.info("Running with kiln=0.1.0");
  Session s(flags, console);
  console.info(s.found_summary());
  graph::NodeSet selected = s.select(flags.command);
  graph::NodeSet runnable = s.dag->empty_set();
  selected.for_each([&](graph::NodeIndex i) {
    if (runs_in(s.manifest.nodes[s.manifest.index.at(s.dag->id(i))])) runnable.insert(i);
  });
  std::vector<graph::NodeIndex> order = runnable.members();
  size_t total = order.size();
  if (total == 0) {
    console.warn("Nothing to do. Try checking your model configs and model specification args");
    s.write_manifest();
    return 0;
  }
  console.info("");
  console.info(
      fmt::format("Concurrency: {} threads (target='{}')", s.threads, s.target.target_name));
  console.info("");
  run_hooks(s, s.project.root.on_run_start, "on-run-start");

  // Number nodes as dbt does: in the order they start.
  std::atomic<int> started_count{0};
  std::mutex results_mutex;
  std::map<graph::NodeIndex, run::NodeResult> results;
  ConnectionPool pool(*s.adapter);
  run::NodeRunner runner(*s.compiler, s.manifest, *s.adapter, run::RunOptions{flags.full_refresh});
  run::Scheduler scheduler(*s.dag, runnable, {s.threads, flags.fail_fast});

  g_interrupted = 0;
  auto previous_handler = std::signal(SIGINT, on_interrupt);
  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    while (!finished.load()) {
      if (g_interrupted) {
        scheduler.cancel();
        pool.interrupt_all();
        g_interrupted = 0;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });

  auto node_of = [&](graph::NodeIndex i) -> const compile::ParsedNode& {
    return s.manifest.nodes[s.manifest.index.at(s.dag->id(i))];
  };
  scheduler.run(
      [&](graph::NodeIndex i) {
        const compile::ParsedNode& node = node_of(i);
        int number = ++started_count;
        console.node_line(fmt::format("{} of {} START {}", number, total, node_description(node)),
                          "[RUN]", "NodeStart", {{"unique_id", node.unique_id}});
        ConnectionPool::Lease lease = pool.acquire();
        run::NodeResult result = runner.run(node, *lease.connection);
        pool.release(lease);
        result.thread = static_cast<int>(lease.slot);
        console.node_line(
            fmt::format("{} of {} {}", number, total, result_message(node, result)),
            result_status(result), "NodeFinished",
            {{"unique_id", node.unique_id}, {"status", run::status_name(result.status)}});
        run::Outcome outcome =
            result.blocks_dependents() ? run::Outcome::Failed : run::Outcome::Done;
        std::lock_guard<std::mutex> lock(results_mutex);
        results[i] = std::move(result);
        return outcome;
      },
      [&](graph::NodeIndex i, std::optional<graph::NodeIndex>) {
        run::NodeResult skipped;
        skipped.unique_id = s.dag->id(i);
        skipped.status = run::NodeStatus::Skipped;
        std::lock_guard<std::mutex> lock(results_mutex);
        results[i] = std::move(skipped);
      });
  finished = true;
  watcher.join();
  std::signal(SIGINT, previous_handler);
  if (scheduler.cancelled()) console.error("Cancelled: the run was interrupted (Ctrl-C).");
  run_hooks(s, s.project.root.on_run_end, "on-run-end");

  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Totals totals;
  artifacts::RunResults run_results;
  run_results.invocation.invocation_id = s.invocation_id;
  run_results.invocation.generated_at = artifacts::now_micros();
  run_results.elapsed_time = elapsed;
  run_results.args = {{"which", flags.command},   {"select", flags.select},
                      {"exclude", flags.exclude}, {"full_refresh", flags.full_refresh},
                      {"threads", s.threads},     {"project_dir", s.project_dir.string()}};
  std::map<std::string, std::string> compiled;
  std::vector<std::string> failures;
  for (const auto& [index, result] : results) {
    const compile::ParsedNode& node = node_of(index);
    count(totals, result.status);
    run_results.results.push_back(run_result(node, result));
    if (!result.compiled_code.empty()) {
      compiled[node.unique_id] = result.compiled_code;
      write_compiled_file(s.target_path, node, result.compiled_code);
    }
    if (result.status == run::NodeStatus::Error || result.status == run::NodeStatus::Fail) {
      failures.push_back((result.status == run::NodeStatus::Fail ? "Failure in " : "Error in ") +
                         node_description(node) + " (" + node.node->original_file_path + ")\n  " +
                         result.message);
    }
  }
  artifacts::write_manifest(s.target_path / "manifest.json", manifest_input(s, compiled));
  artifacts::write_run_results(s.target_path / "run_results.json", run_results);

  console.info("");
  console.info(fmt::format("Finished running {} in {:.2f} seconds ({:.2f}s).",
                           finished_phrase(s, order), elapsed, elapsed));
  console.info("");
  if (failures.empty()) {
    console.info("Completed successfully");
  } else {
    console.error(fmt::format("Completed with {} error{}:", failures.size(),
                              failures.size() == 1 ? "" : "s"));
    for (const auto& failure : failures) {
      console.info("");
      console.error(failure);
    }
  }
  console.info("");
  console.info(fmt::format("Done. PASS={} WARN={} ERROR={} SKIP={} NO-OP=0 TOTAL={}", totals.pass,
                           totals.warn, totals.error, totals.skip, results.size()),
               "EndOfRunSummary");
  return totals.error > 0 || scheduler.cancelled() ? 1 : 0;
}

}  // namespace kiln::cli
