#pragma once
// The state store's part of `kiln build | run | seed | test` (docs/state.md, "Wiring it into
// a run"): opened once the warehouse is connected, it measures what the run starts from and
// hands the workers a run::StateGate; closed at the end with the run's outcome. Every run
// records state, state-aware or not. A dry run reads the store (as empty if it does not
// exist) and writes nothing.

#include <memory>
#include <string>
#include <vector>

#include "cli/session.h"
#include "run/state_gate.h"
#include "state/state_store.h"

namespace kiln::cli {

class RunState {
 public:
  // `nodes`: what the run will build or test.
  RunState(Session& s, const std::vector<const compile::ParsedNode*>& nodes, bool dry_run);
  ~RunState();

  run::StateGate* gate() { return gate_.get(); }
  // Completes the run's row: "success", "error" or "cancelled". Nothing in a dry run.
  void close(const std::string& outcome);

 private:
  Session& s_;
  std::unique_ptr<warehouse::Connection> connection_;
  state::StateStore store_;
  std::unique_ptr<run::StateGate> gate_;
  bool closed_ = false;
};

// The mode flags ask for: --full-refresh, --state-agnostic, else state-aware.
state::RunMode run_mode(const Flags& flags);

}  // namespace kiln::cli
