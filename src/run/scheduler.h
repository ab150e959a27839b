#pragma once
// The scheduler: runs a selection of a Dag on N threads in dependency order. It knows nothing
// of what a node does; the caller's `work` function builds, tests or reuses it and says how
// it ended. A node whose work blocks its dependents (a failed model, a failed test in
// `build`) makes everything that waits for it "skipped", as dbt does, and the rest of the
// graph goes on. With fail-fast, or after cancel(), nothing new starts.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "graph/dag.h"
#include "graph/node_set.h"
#include "graph/ready_queue.h"

namespace kiln::run {

using graph::NodeIndex;

// How one node's work ended, as far as scheduling cares.
enum class Outcome {
  Done,     // built, reused, passed or warned: dependents may run
  Failed,   // error or failed test: dependents are skipped
  Skipped,  // never started (an upstream failed, fail-fast, or cancelled)
};

struct SchedulerOptions {
  int threads = 1;
  bool fail_fast = false;
};

class Scheduler {
 public:
  // `work` runs on a worker thread, once per selected node whose waited-for nodes are Done.
  using Work = std::function<Outcome(NodeIndex node)>;
  // Called (on some worker thread, or the caller's) for every node that will not run, with
  // the failed node that caused it (or no value when the cause was fail-fast/cancel).
  using OnSkip = std::function<void(NodeIndex node, std::optional<NodeIndex> failed_upstream)>;

  Scheduler(const graph::Dag& dag, const graph::NodeSet& selected, SchedulerOptions options);

  // Blocks until every selected node has run or been skipped. Returns each node's outcome,
  // indexed by NodeIndex (unselected nodes read Skipped).
  std::vector<Outcome> run(const Work& work, const OnSkip& on_skip);

  // Thread-safe, async-signal-unsafe: stop handing out nodes; running work is not touched
  // (the caller interrupts its queries). Remaining nodes are reported skipped.
  void cancel();
  bool cancelled() const { return cancelled_.load(); }

 private:
  void worker_loop(const Work& work, const OnSkip& on_skip);
  void finish(NodeIndex node, Outcome outcome, const OnSkip& on_skip,
              std::unique_lock<std::mutex>& lock);
  void skip_dependents(NodeIndex failed, const OnSkip& on_skip, std::unique_lock<std::mutex>& lock);
  void drain_as_skipped(const OnSkip& on_skip, std::unique_lock<std::mutex>& lock);

  const graph::Dag& dag_;
  SchedulerOptions options_;
  graph::ReadyQueue queue_;
  std::vector<Outcome> outcomes_;
  std::vector<bool> settled_;  // outcome known (ran or skipped)
  std::mutex mutex_;
  std::condition_variable changed_;
  std::atomic<bool> cancelled_{false};
  bool stop_starting_ = false;  // fail-fast tripped or cancelled
};

}  // namespace kiln::run
