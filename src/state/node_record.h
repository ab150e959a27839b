#pragma once
// What the state store keeps: one NodeRecord per node (the last time it was built or run)
// and one RunRecord per kiln invocation. These are plain values; state_store.h reads and
// writes them.

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace kiln::state {

// unique_id -> data version, for every input a node read when it was built.
using DataVersions = std::map<std::string, std::string>;

struct NodeRecord {
  std::string unique_id;
  std::string relation_name;     // as rendered when built; empty for tests
  std::string code_fingerprint;  // code_fingerprint.h
  DataVersions input_versions;   // the direct inputs' data versions it was built from
  std::string data_version;      // its output's data version; empty for tests
  // dbt's status of that build: "success", "error", and for tests "pass", "warn", "fail".
  // decide() treats anything but success/pass (and warn for tests) as a failed build.
  std::string status;
  std::chrono::system_clock::time_point built_at{};
  double duration_s = 0;
  std::string run_id;
};

struct RunRecord {
  std::string run_id;   // new_run_id()
  std::string command;  // "build", "run", "test", "seed"
  std::string mode;     // "state-aware", "state-agnostic", "full-refresh"
  std::chrono::system_clock::time_point started_at{};
  std::optional<std::chrono::system_clock::time_point> ended_at;
  std::string outcome;  // "", then "success", "error", "cancelled"
};

// DataVersions as the JSON text stored in node_state.input_versions: an object with sorted
// keys, so equal maps give equal text.
std::string encode_versions(const DataVersions& versions);
// The map back; throws std::runtime_error on text that is not such an object.
DataVersions decode_versions(const std::string& json_text);

// A fresh identifier for a run: 32 random hex digits.
std::string new_run_id();

}  // namespace kiln::state
