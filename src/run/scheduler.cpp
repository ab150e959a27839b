#include "run/scheduler.h"

#include <algorithm>
#include <thread>

namespace kiln::run {

Scheduler::Scheduler(const graph::Dag& dag, const graph::NodeSet& selected,
                     SchedulerOptions options)
    : dag_(dag),
      options_(options),
      queue_(dag, selected),
      outcomes_(dag.size(), Outcome::Skipped),
      settled_(dag.size(), false) {
  for (NodeIndex i = 0; i < dag.size(); ++i)
    settled_[i] = !selected.contains(i);
}

std::vector<Outcome> Scheduler::run(const Work& work, const OnSkip& on_skip) {
  int threads = std::max(1, options_.threads);
  std::vector<std::thread> workers;
  workers.reserve(static_cast<size_t>(threads));
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] { worker_loop(work, on_skip); });
  }
  for (auto& worker : workers)
    worker.join();
  return outcomes_;
}

void Scheduler::cancel() {
  cancelled_.store(true);
  std::lock_guard<std::mutex> lock(mutex_);
  stop_starting_ = true;
  changed_.notify_all();
}

void Scheduler::worker_loop(const Work& work, const OnSkip& on_skip) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (stop_starting_) {
      drain_as_skipped(on_skip, lock);
      if (queue_.in_progress_count() == 0) {
        changed_.notify_all();
        return;
      }
      changed_.wait(lock);
      continue;
    }
    if (queue_.finished()) {
      changed_.notify_all();
      return;
    }
    std::optional<NodeIndex> node = queue_.pop();
    if (!node) {
      // Everything left waits for nodes in progress on other threads.
      changed_.wait(lock);
      continue;
    }
    if (settled_[*node]) {  // skipped while it waited: nothing to do
      queue_.mark_done(*node);
      changed_.notify_all();
      continue;
    }
    lock.unlock();
    Outcome outcome = work(*node);
    lock.lock();
    finish(*node, outcome, on_skip, lock);
  }
}

void Scheduler::finish(NodeIndex node, Outcome outcome, const OnSkip& on_skip,
                       std::unique_lock<std::mutex>& lock) {
  outcomes_[node] = outcome;
  settled_[node] = true;
  if (outcome == Outcome::Failed) {
    skip_dependents(node, on_skip, lock);
    if (options_.fail_fast) stop_starting_ = true;
  }
  queue_.mark_done(node);
  changed_.notify_all();
}

// Marks every selected node that (transitively) waits for `failed` as skipped, so it is
// reported once, with the failure that caused it, and never started.
void Scheduler::skip_dependents(NodeIndex failed, const OnSkip& on_skip,
                                std::unique_lock<std::mutex>& lock) {
  std::vector<NodeIndex> stack(queue_.waited_by(failed).begin(), queue_.waited_by(failed).end());
  std::vector<NodeIndex> newly_skipped;
  while (!stack.empty()) {
    NodeIndex node = stack.back();
    stack.pop_back();
    if (settled_[node]) continue;
    settled_[node] = true;
    outcomes_[node] = Outcome::Skipped;
    newly_skipped.push_back(node);
    for (NodeIndex next : queue_.waited_by(node))
      stack.push_back(next);
  }
  std::sort(newly_skipped.begin(), newly_skipped.end());
  lock.unlock();
  for (NodeIndex node : newly_skipped)
    on_skip(node, failed);
  lock.lock();
}

// After fail-fast or cancel: everything not yet started is skipped without a cause.
void Scheduler::drain_as_skipped(const OnSkip& on_skip, std::unique_lock<std::mutex>& lock) {
  std::vector<NodeIndex> newly_skipped;
  while (std::optional<NodeIndex> node = queue_.pop()) {
    if (!settled_[*node]) {
      settled_[*node] = true;
      outcomes_[*node] = Outcome::Skipped;
      newly_skipped.push_back(*node);
    }
    queue_.mark_done(*node);
  }
  if (newly_skipped.empty()) return;
  lock.unlock();
  for (NodeIndex node : newly_skipped)
    on_skip(node, std::nullopt);
  lock.lock();
}

}  // namespace kiln::run
