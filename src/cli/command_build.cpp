// kiln build | run | seed | test: run the selected nodes in DAG order on --threads workers,
// reporting each node as dbt does and writing run_results.json, compiled/ and run/ files.
// State-aware by default: each node is built or reused as run/state_gate.h decides, and the
// run is recorded in the state store (cli/run_state.h); --dry-run only prints the decisions.
#include <atomic>
#include <csignal>
#include <map>
#include <thread>

#include "artifacts/manifest_writer.h"
#include "artifacts/run_results.h"
#include "cli/build_report.h"
#include "cli/commands.h"
#include "cli/connection_pool.h"
#include "cli/hooks.h"
#include "cli/manifest_input.h"
#include "cli/node_events.h"
#include "cli/node_files.h"
#include "cli/run_events.h"
#include "cli/run_state.h"
#include "cli/session.h"
#include "run/node_runner.h"
#include "run/scheduler.h"

namespace kiln::cli {

namespace fs = std::filesystem;

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void on_interrupt(int) {
  g_interrupted = 1;
  // A second Ctrl-C kills at once, for when cancelling itself hangs.
  std::signal(SIGINT, SIG_DFL);
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

// Watches for Ctrl-C while the scheduler runs: stops new starts and interrupts the queries
// in flight, so kiln exits within moments and every interrupted build rolls back.
class InterruptWatcher {
 public:
  InterruptWatcher(run::Scheduler& scheduler, ConnectionPool& pool) {
    g_interrupted = 0;
    previous_ = std::signal(SIGINT, on_interrupt);
    thread_ = std::thread([this, &scheduler, &pool] {
      while (!finished_.load()) {
        if (g_interrupted && !scheduler.cancelled()) {
          scheduler.cancel();
          pool.interrupt_all();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    });
  }
  ~InterruptWatcher() {
    finished_ = true;
    thread_.join();
    std::signal(SIGINT, previous_);
  }

 private:
  std::atomic<bool> finished_{false};
  std::thread thread_;
  void (*previous_)(int) = SIG_DFL;
};

// Runs the selection and reports each node; what finished, in DAG order, is the result.
class BuildRun {
 public:
  BuildRun(Session& s, graph::NodeSet runnable, size_t total, run::StateGate* state)
      : s_(s),
        runnable_(std::move(runnable)),
        total_(total),
        pool_(*s.adapter),
        runner_(*s.compiler, s.manifest, *s.adapter, run::RunOptions{s.flags.full_refresh, state}),
        scheduler_(*s.dag, runnable_, {s.threads, s.flags.fail_fast}) {}

  void run() {
    InterruptWatcher watcher(scheduler_, pool_);
    s_.console.start_progress(total_);
    scheduler_.run([this](graph::NodeIndex i) { return work(i); },
                   [this](graph::NodeIndex i, std::optional<graph::NodeIndex> cause) {
                     skip(i, cause.has_value());
                   });
    s_.console.stop_progress();
  }

  bool cancelled() const { return scheduler_.cancelled(); }
  std::vector<FinishedNode> finished() const {
    std::vector<FinishedNode> out;
    for (const auto& [index, f] : results_)
      out.push_back(f);
    return out;
  }

 private:
  const compile::ParsedNode& node_of(graph::NodeIndex i) const {
    return s_.manifest.nodes[s_.manifest.index.at(s_.dag->id(i))];
  }

  run::Outcome work(graph::NodeIndex i) {
    const compile::ParsedNode& node = node_of(i);
    size_t number = ++numbered_;
    ConnectionPool::Lease lease = pool_.acquire();
    NodeSlot slot{number, total_, artifacts::worker_thread_name(lease.slot)};
    NodeProgress progress{"started", python_isoformat(artifacts::now_micros()), ""};
    s_.console.fire(log_start_line(node, slot, node_info(node, progress)));
    s_.console.fire(node_start(node, slot.thread, node_info(node, progress)));
    s_.console.progress_started(number, node.name());
    run::NodeResult result = runner_.run(node, *lease.connection);
    pool_.release(lease);
    result.thread = static_cast<int>(lease.slot);
    s_.console.progress_finished(number);
    if (cancelled() && result.status == run::NodeStatus::Error) {
      // Interrupted by Ctrl-C: dbt reports the cancelled query and leaves the node out of
      // run_results.json (task/runnable.py _cancel_connections).
      s_.console.fire(log_cancel_line(node.unique_id));
      return run::Outcome::Failed;
    }
    progress.status = run::status_name(result.status);
    progress.finished_at = python_isoformat(artifacts::now_micros());
    nlohmann::ordered_json info = node_info(node, progress);
    s_.console.fire(s_.flags.dry_run ? planned_line(node, result, slot, info)
                                     : node_result_line(node, result, slot, info));
    s_.console.fire(node_finished(node, result, slot.thread, info));
    run::Outcome outcome = result.blocks_dependents() ? run::Outcome::Failed : run::Outcome::Done;
    std::lock_guard<std::mutex> lock(mutex_);
    results_[i] = {&node, std::move(result)};
    return outcome;
  }

  // An upstream failed (caused): dbt numbers and reports the skip. After fail-fast or Ctrl-C
  // the rest is left out of the console; fail-fast still records it, as dbt does.
  void skip(graph::NodeIndex i, bool caused) {
    const compile::ParsedNode& node = node_of(i);
    s_.console.progress_skipped();
    if (cancelled()) return;
    if (caused) {
      NodeSlot slot{++numbered_, total_, "MainThread"};
      s_.console.fire(skipping_details(node, slot, node_info(node, {"skipped", "", ""})));
    }
    run::NodeResult skipped;
    skipped.unique_id = node.unique_id;
    skipped.status = run::NodeStatus::Skipped;
    std::lock_guard<std::mutex> lock(mutex_);
    results_[i] = {&node, std::move(skipped)};
  }

  Session& s_;
  graph::NodeSet runnable_;
  size_t total_;
  ConnectionPool pool_;
  run::NodeRunner runner_;
  run::Scheduler scheduler_;
  std::atomic<size_t> numbered_{0};
  std::mutex mutex_;
  std::map<graph::NodeIndex, FinishedNode> results_;
};

void write_results(Session& s, const std::vector<FinishedNode>& finished, double elapsed) {
  artifacts::RunResults run_results;
  run_results.invocation.invocation_id = s.invocation_id;
  run_results.invocation.generated_at = artifacts::now_micros();
  run_results.elapsed_time = elapsed;
  run_results.args = {{"which", s.flags.command},   {"select", s.flags.select},
                      {"exclude", s.flags.exclude}, {"full_refresh", s.flags.full_refresh},
                      {"threads", s.threads},       {"project_dir", s.project_dir.string()}};
  std::map<std::string, std::string> compiled;
  for (const FinishedNode& f : finished) {
    run_results.results.push_back(artifact_result(*f.node, f.result));
    if (!f.result.compiled_code.empty()) {
      compiled[f.node->unique_id] = f.result.compiled_code;
      write_node_file(s.target_path, "compiled", *f.node, f.result.compiled_code);
    }
    if (!f.result.run_sql.empty()) write_node_file(s.target_path, "run", *f.node, f.result.run_sql);
  }
  artifacts::write_manifest(s.target_path / "manifest.json", manifest_input(s, compiled));
  artifacts::write_run_results(s.target_path / "run_results.json", run_results);
}

// --dry-run: every decision with its reason, and nothing built (nor hooks run).
int dry_run(Session& s, RunState& state, graph::NodeSet runnable, size_t total) {
  BuildRun plan(s, std::move(runnable), total, state.gate());
  plan.run();
  size_t build = 0, reuse = 0;
  bool errors = false;
  for (const FinishedNode& f : plan.finished()) {
    if (f.result.status == run::NodeStatus::Reused) ++reuse;
    if (f.result.status == run::NodeStatus::Planned) ++build;
    if (f.result.status == run::NodeStatus::Error) errors = true;
  }
  s.console.blank();
  s.console.fire(dry_run_summary(build, reuse));
  return errors ? 1 : 0;
}

}  // namespace

int command_build(const Flags& flags, Console& console) {
  auto started = std::chrono::steady_clock::now();
  auto seconds_since_start = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  Session s(flags, console);
  console.fire(found_stats(s.found_summary()));
  graph::NodeSet selected = s.select(flags.command);
  graph::NodeSet runnable = s.dag->empty_set();
  std::vector<const compile::ParsedNode*> nodes;
  selected.for_each([&](graph::NodeIndex i) {
    const compile::ParsedNode& node = s.manifest.nodes[s.manifest.index.at(s.dag->id(i))];
    if (!runs_in(node)) return;
    runnable.insert(i);
    nodes.push_back(&node);
  });
  if (nodes.empty()) {
    console.fire(nothing_to_do());
    s.write_manifest();
    return 0;
  }
  s.connect();
  console.blank();
  console.fire(concurrency_line(s.threads, s.target.target_name, nodes.size()));
  console.blank();
  RunState state(s, nodes, flags.dry_run);
  if (flags.dry_run) return dry_run(s, state, std::move(runnable), nodes.size());
  run_project_hooks(s, s.project.root.on_run_start, "on-run-start");

  BuildRun build(s, std::move(runnable), nodes.size(), state.gate());
  build.run();
  if (!build.cancelled()) run_project_hooks(s, s.project.root.on_run_end, "on-run-end");
  std::vector<FinishedNode> finished = build.finished();
  write_results(s, finished, seconds_since_start());

  fs::path relative_target =
      flags.target_path ? fs::path(*flags.target_path) : fs::path(s.project.root.target_path);
  std::vector<const compile::ParsedNode*> ran;
  for (const FinishedNode& f : finished)
    ran.push_back(f.node);
  // dbt prints "Finished running" before the summary, but after it when interrupted (from a
  // `finally` that runs once the KeyboardInterrupt handler has printed the summary).
  auto finished_line = [&] {
    console.blank();
    console.fire(finished_running_stats(stat_line(ran), seconds_since_start()));
  };
  if (!build.cancelled()) finished_line();
  bool failed =
      print_run_end_messages(console, finished, build.cancelled(), relative_target.string());
  if (build.cancelled()) finished_line();
  bool success = !failed && !build.cancelled();
  state.close(build.cancelled() ? "cancelled" : (success ? "success" : "error"));
  console.fire(command_completed("kiln " + flags.command, success, seconds_since_start()));
  // dbt exits 2 when interrupted (the KeyboardInterrupt becomes an ExceptionExit), 1 when a
  // node failed.
  if (build.cancelled()) return 2;
  return failed ? 1 : 0;
}

}  // namespace kiln::cli
