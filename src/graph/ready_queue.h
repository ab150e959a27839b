#pragma once
// The scheduler's view of a selection: which selected nodes may start now. A node is ready
// when every selected node it waits for is done; it waits for a selected node also through
// unselected ones (a -> b -> c with only a and c selected: c waits for a), as dbt's subset
// graph does. Ready nodes come out by priority: generation within the selected graph, then
// unique_id, so a run with one thread is always the same run.
//
// Not thread-safe: the run stage calls it under its own lock.

#include <cstdint>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "graph/dag.h"

namespace kiln::graph {

class ReadyQueue {
 public:
  ReadyQueue(const Dag& dag, const NodeSet& selected);

  // The most urgent ready node, now marked in progress; nullopt when none is ready (all done,
  // or every remaining node waits for one in progress).
  std::optional<NodeIndex> pop();
  // Every ready node, most urgent first, all marked in progress.
  std::vector<NodeIndex> pop_all();
  // `node` (handed out by pop) finished, whatever its outcome: what waited only for it becomes
  // ready. Skipping the descendants of a failure is the caller's decision.
  void mark_done(NodeIndex node);

  size_t remaining() const { return remaining_; }  // selected, not yet done
  size_t ready_count() const { return ready_.size(); }
  size_t in_progress_count() const { return in_progress_; }
  bool finished() const { return remaining_ == 0; }

  // The nearest selected nodes `node` waits for / that wait for `node`.
  const std::vector<NodeIndex>& waits_for(NodeIndex node) const { return waits_for_[node]; }
  const std::vector<NodeIndex>& waited_by(NodeIndex node) const { return waited_by_[node]; }
  uint32_t priority(NodeIndex node) const { return priority_[node]; }

 private:
  enum class Status : uint8_t { NotSelected, Waiting, Ready, InProgress, Done };

  void link_through_unselected(const Dag& dag, const NodeSet& selected);
  void compute_priorities(const NodeSet& selected);
  void make_ready(NodeIndex node);

  std::vector<std::vector<NodeIndex>> waits_for_;
  std::vector<std::vector<NodeIndex>> waited_by_;
  std::vector<uint32_t> priority_;
  std::vector<uint32_t> unfinished_parents_;
  std::vector<Status> status_;
  std::set<std::pair<uint32_t, NodeIndex>> ready_;
  size_t remaining_ = 0;
  size_t in_progress_ = 0;
};

}  // namespace kiln::graph
