#pragma once
// One warehouse connection per worker, reused across the nodes that worker runs, and
// reachable from the Ctrl-C watcher so running queries can be interrupted.

#include <memory>
#include <mutex>
#include <vector>

#include "warehouse/adapter.h"

namespace kiln::cli {

class ConnectionPool {
 public:
  explicit ConnectionPool(warehouse::Adapter& adapter) : adapter_(adapter) {}

  struct Lease {
    warehouse::Connection* connection;
    size_t slot;  // the worker's number, for dbt's "Thread-N (worker)"
  };
  Lease acquire();
  void release(const Lease& lease);
  void interrupt_all();

 private:
  warehouse::Adapter& adapter_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<warehouse::Connection>> connections_;
  std::vector<bool> in_use_;
};

}  // namespace kiln::cli
