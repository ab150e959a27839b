#pragma once
// The current data version of every relation in one run, shared by the worker threads:
// sources as measured at the start, then each node as it is built (its measured version) or
// reused (its record's version; a view's computed one). decide() reads a node's direct
// inputs from here once its upstreams are done.

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "state/decision.h"
#include "state/node_record.h"

namespace kiln::state {

class RunVersions {
 public:
  // Thread-safe. A later set() for the same id replaces the version.
  void set(const std::string& unique_id, std::string version);
  void set_all(const DataVersions& versions);
  std::optional<std::string> get(const std::string& unique_id) const;

  // A node's direct inputs for DecisionInput::inputs, in the order given: {unique_id,
  // display name}. An input with no version here is unmeasured (decide() counts it as
  // changed).
  std::vector<InputVersion> inputs(
      const std::vector<std::pair<std::string, std::string>>& ids_and_names) const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::string> versions_;
};

// The measured inputs as NodeRecord::input_versions (unmeasured ones are left out, so the
// next run sees them as changed again).
DataVersions recorded_versions(const std::vector<InputVersion>& inputs);

}  // namespace kiln::state
