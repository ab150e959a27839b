#pragma once
// `dbt build` runs a node only after the tests of its upstream nodes passed, so bad data does
// not flow downstream. dbt adds "parent_test" edges for this: a test T gates a node N when N
// is an executable, non-test node and every node T depends on is upstream of N. Selection
// ignores these edges; the scheduler honours them.

#include "graph/dag.h"

namespace kiln::graph {

// Adds the gates to `dag`. Only the nearest gated nodes get an edge: a node downstream of a
// gated node already waits through it, so the schedule is the one dbt's full edge set gives.
void add_build_test_gates(Dag& dag);

}  // namespace kiln::graph
