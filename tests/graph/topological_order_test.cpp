#include "graph/topological_order.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "graph/test_gates.h"
#include "wizards_fixture.h"

namespace kiln::graph {
namespace {

std::vector<std::string> order_labels(const Dag& dag, const std::vector<NodeIndex>& order) {
  std::vector<std::string> out;
  for (NodeIndex node : order)
    out.push_back(testing::label(dag.node(node)));
  return out;
}

TEST(TopologicalOrder, ByGenerationThenUniqueId) {
  Dag dag(testing::wizards_nodes());
  std::vector<std::string> order = order_labels(dag, topological_order(dag));
  const std::vector<std::string> expected_start = {
      // generation 0, in unique_id order: model < seed < source
      "util_calendar", "wand_woods", "source:raw.orders", "source:raw.wands", "source:raw.wizards",
      "source:raw.worlds",
      // generation 1
      "stg_orders", "stg_wands", "stg_wizards", "stg_worlds",
      "test:source_unique_raw_wizards_wizard_id"};
  ASSERT_GE(order.size(), expected_start.size());
  EXPECT_EQ(std::vector<std::string>(order.begin(), order.begin() + expected_start.size()),
            expected_start);
  EXPECT_EQ(order.back(), "exposure:revenue_dashboard");
}

TEST(TopologicalOrder, EveryParentComesFirst) {
  Dag dag(testing::wizards_nodes());
  std::vector<NodeIndex> order = topological_order(dag);
  std::vector<size_t> position(dag.size());
  for (size_t i = 0; i < order.size(); ++i)
    position[order[i]] = i;
  for (NodeIndex node = 0; node < dag.size(); ++node) {
    for (NodeIndex parent : dag.parents(node))
      EXPECT_LT(position[parent], position[node]);
  }
}

TEST(TopologicalOrder, IndependentOfInputOrder) {
  std::vector<GraphNode> nodes = testing::wizards_nodes();
  Dag reference(nodes);
  std::vector<std::string> expected = order_labels(reference, topological_order(reference));
  std::mt19937 shuffle_seed(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(nodes.begin(), nodes.end(), shuffle_seed);
    Dag dag(nodes);
    EXPECT_EQ(order_labels(dag, topological_order(dag)), expected);
  }
}

TEST(TopologicalOrder, SubsetKeepsTheWholeGraphsOrder) {
  Dag dag(testing::wizards_nodes());
  NodeSet subset = dag.set_of(
      {"model.wizards.world_revenue", "source.wizards.raw.orders", "model.wizards.stg_orders"});
  EXPECT_EQ(order_labels(dag, topological_order(dag, subset)),
            (std::vector<std::string>{"source:raw.orders", "stg_orders", "world_revenue"}));
}

TEST(TopologicalOrder, TestGatesPushGatedNodesLater) {
  Dag dag(testing::wizards_nodes());
  std::vector<uint32_t> before = generations(dag);
  add_build_test_gates(dag);
  std::vector<uint32_t> after = generations(dag);
  NodeIndex fct = *dag.find("model.wizards.fct_orders");
  // raw.wizards' test now gates stg_wizards (generation 2), whose test gates fct_orders.
  EXPECT_EQ(before[fct], 2u);
  EXPECT_EQ(after[fct], 4u);
}

}  // namespace
}  // namespace kiln::graph
