#pragma once
// The state tests run against real DuckDB databases through the warehouse tests' helpers.

#include "../warehouse/warehouse_test_support.h"
#include "state/state_store.h"

namespace kiln::state::testing {

using warehouse::testing::DuckDbTest;
using warehouse::testing::TempDir;

}  // namespace kiln::state::testing
