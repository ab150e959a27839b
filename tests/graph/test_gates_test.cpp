#include "graph/test_gates.h"

#include <gtest/gtest.h>

#include "wizards_fixture.h"

namespace kiln::graph {
namespace {

std::vector<std::string> gated(const Dag& dag, const std::string& test) {
  std::vector<std::string> out;
  for (NodeIndex n : dag.gated_nodes(*dag.find(test)))
    out.push_back(testing::label(dag.node(n)));
  return out;
}

TEST(TestGates, SingleParentTestGatesTheNearestExecutableDescendants) {
  Dag dag(testing::wizards_nodes());
  add_build_test_gates(dag);
  EXPECT_EQ(gated(dag, "test.wizards.unique_stg_wizards_wizard_id"),
            (std::vector<std::string>{"dim_customers.v1", "dim_customers.v2", "dim_wizards",
                                      "fct_orders"}));
  // world_revenue is downstream of fct_orders, so it waits through fct_orders.
  EXPECT_EQ(gated(dag, "test.wizards.unique_fct_orders_order_id"),
            std::vector<std::string>{"world_revenue"});
}

TEST(TestGates, MultiParentTestGatesOnlyNodesDownstreamOfAllItsParents) {
  Dag dag(testing::wizards_nodes());
  add_build_test_gates(dag);
  // relationships(fct_orders, dim_wizards): nothing is downstream of both.
  EXPECT_TRUE(gated(dag, "test.wizards.relationships_fct_orders_wizard_id").empty());
}

TEST(TestGates, ExposuresAndUnitTestsAreNotGated) {
  Dag dag(testing::wizards_nodes());
  add_build_test_gates(dag);
  EXPECT_TRUE(dag.gating_tests(*dag.find("exposure.wizards.revenue_dashboard")).empty());
  EXPECT_TRUE(
      dag.gating_tests(*dag.find("unit_test.wizards.fct_orders.test_fct_orders_amounts")).empty());
}

TEST(TestGates, SelectionDoesNotFollowGates) {
  Dag dag(testing::wizards_nodes());
  add_build_test_gates(dag);
  NodeSet test = dag.set_of({"test.wizards.unique_stg_wizards_wizard_id"});
  EXPECT_TRUE(dag.descendants(test).empty());
}

}  // namespace
}  // namespace kiln::graph
