#include "cli/run_state.h"

#include "run/state_snapshot.h"

namespace kiln::cli {

state::RunMode run_mode(const Flags& flags) {
  if (flags.full_refresh) return state::RunMode::FullRefresh;
  if (flags.state_agnostic) return state::RunMode::StateAgnostic;
  return state::RunMode::StateAware;
}

RunState::RunState(Session& s, const std::vector<const compile::ParsedNode*>& nodes, bool dry_run)
    : s_(s), connection_(s.adapter->open_connection()), store_(*s.adapter) {
  if (!dry_run) store_.ensure_schema(*connection_);
  run::StateSnapshot snapshot =
      run::load_snapshot(*s.compiler, s.manifest, *s.adapter, *connection_, store_, nodes);
  run::StateGateOptions options{run_mode(s.flags), state::new_run_id(), dry_run};
  if (!dry_run) {
    store_.begin_run(*connection_,
                     {options.run_id, s.flags.command, state::run_mode_name(options.mode),
                      std::chrono::system_clock::now(), std::nullopt, ""});
  }
  gate_ = std::make_unique<run::StateGate>(s.manifest, *s.adapter, store_, std::move(snapshot),
                                           options);
}

RunState::~RunState() {
  // A run that ended by an exception still gets its end.
  if (!closed_) {
    try {
      close("error");
    } catch (const std::exception&) {
      // Nothing more to do: the run's row stays open, which says it never finished.
    }
  }
}

void RunState::close(const std::string& outcome) {
  closed_ = true;
  if (gate_->dry_run()) return;
  store_.end_run(*connection_, gate_->options().run_id, std::chrono::system_clock::now(), outcome);
}

}  // namespace kiln::cli
