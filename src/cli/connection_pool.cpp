#include "cli/connection_pool.h"

namespace kiln::cli {

ConnectionPool::Lease ConnectionPool::acquire() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < connections_.size(); ++i) {
    if (!in_use_[i]) {
      in_use_[i] = true;
      return {connections_[i].get(), i};
    }
  }
  connections_.push_back(adapter_.open_connection());
  in_use_.push_back(true);
  return {connections_.back().get(), connections_.size() - 1};
}

void ConnectionPool::release(const Lease& lease) {
  std::lock_guard<std::mutex> lock(mutex_);
  in_use_[lease.slot] = false;
}

void ConnectionPool::interrupt_all() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < connections_.size(); ++i) {
    if (in_use_[i]) connections_[i]->interrupt();
  }
}

}  // namespace kiln::cli
