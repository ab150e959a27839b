#pragma once
// The live progress line kiln keeps at the bottom of a terminal while nodes run:
// "3 of 12 done, 2 running (stg_orders, dim_customers), 4.2s". It only holds the state and
// renders the text; the Console decides when it is drawn and erases it around log lines.

#include <chrono>
#include <map>
#include <string>

namespace kiln::cli {

class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;

  ProgressLine(size_t total, Clock::time_point started) : total_(total), started_(started) {}

  void node_started(size_t index, const std::string& name) { running_[index] = name; }
  void node_finished(size_t index) {
    if (running_.erase(index) != 0) ++done_;
  }
  void node_skipped() { ++done_; }
  size_t done() const { return done_; }

  // The line at `now`, cut to `width` columns (ending in "...") so the terminal never wraps
  // it: a wrapped line could not be erased with one carriage return.
  std::string render(Clock::time_point now, size_t width) const;

 private:
  size_t total_;
  size_t done_ = 0;
  Clock::time_point started_;
  std::map<size_t, std::string> running_;  // by start number, so names keep their order
};

}  // namespace kiln::cli
