#pragma once
// What a state-aware run measures before its first node (docs/state.md, "Wiring it into a
// run"): the store's records, which relations exist (one catalog query), and the data
// versions of the sources the run reads (one query per kind of source).

#include <vector>

#include "compile/compiler.h"
#include "run/state_gate.h"
#include "state/state_store.h"
#include "warehouse/adapter.h"

namespace kiln::run {

// `nodes` are the nodes the run will build or test. A store whose tables do not exist yet
// reads as empty, so a dry run never needs to create them.
StateSnapshot load_snapshot(const compile::Compiler& compiler, const compile::Manifest& manifest,
                            warehouse::Adapter& adapter, warehouse::Connection& connection,
                            state::StateStore& store,
                            const std::vector<const compile::ParsedNode*>& nodes);

// The store's records, or none when its tables do not exist yet (nothing is created).
std::map<std::string, state::NodeRecord> load_records(warehouse::Adapter& adapter,
                                                      warehouse::Connection& connection,
                                                      state::StateStore& store);

}  // namespace kiln::run
