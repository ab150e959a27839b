#include "graph/ready_queue.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "graph/test_gates.h"
#include "wizards_fixture.h"

namespace kiln::graph {
namespace {

GraphNode node(const std::string& id, std::vector<std::string> depends_on = {}) {
  GraphNode n;
  n.unique_id = id;
  n.resource_type = "model";
  n.depends_on = std::move(depends_on);
  return n;
}

std::vector<std::string> ids(const Dag& dag, const std::vector<NodeIndex>& nodes) {
  std::vector<std::string> out;
  for (NodeIndex n : nodes)
    out.push_back(dag.id(n));
  return out;
}

TEST(ReadyQueue, NodeIsReadyWhenAllSelectedParentsAreDone) {
  Dag dag({node("a"), node("b"), node("c", {"a", "b"})});
  ReadyQueue queue(dag, dag.all_nodes());
  EXPECT_EQ(ids(dag, queue.pop_all()), (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(queue.pop().has_value());
  queue.mark_done(*dag.find("a"));
  EXPECT_FALSE(queue.pop().has_value());  // c still waits for b
  queue.mark_done(*dag.find("b"));
  EXPECT_EQ(ids(dag, queue.pop_all()), std::vector<std::string>{"c"});
  queue.mark_done(*dag.find("c"));
  EXPECT_TRUE(queue.finished());
}

TEST(ReadyQueue, UnselectedParentsDoNotBlock) {
  Dag dag({node("a"), node("b", {"a"})});
  ReadyQueue queue(dag, dag.set_of({"b"}));
  EXPECT_EQ(queue.remaining(), 1u);
  EXPECT_EQ(ids(dag, queue.pop_all()), std::vector<std::string>{"b"});
}

TEST(ReadyQueue, WaitsThroughUnselectedNodes) {
  // a -> b -> c with b not selected: c still waits for a, as in dbt's subset graph.
  Dag dag({node("a"), node("b", {"a"}), node("c", {"b"})});
  ReadyQueue queue(dag, dag.set_of({"a", "c"}));
  EXPECT_EQ(ids(dag, queue.waits_for(*dag.find("c"))), std::vector<std::string>{"a"});
  EXPECT_EQ(ids(dag, queue.pop_all()), std::vector<std::string>{"a"});
  queue.mark_done(*dag.find("a"));
  EXPECT_EQ(ids(dag, queue.pop_all()), std::vector<std::string>{"c"});
}

TEST(ReadyQueue, MostUrgentFirstByGenerationThenUniqueId) {
  // z is a root, so it outranks "b" which is one level deeper even though z > b.
  Dag dag({node("a"), node("b", {"a"}), node("z"), node("y", {"z"}), node("x", {"y"})});
  ReadyQueue queue(dag, dag.all_nodes());
  EXPECT_EQ(ids(dag, queue.pop_all()), (std::vector<std::string>{"a", "z"}));
  queue.mark_done(*dag.find("z"));
  queue.mark_done(*dag.find("a"));
  EXPECT_EQ(ids(dag, queue.pop_all()), (std::vector<std::string>{"b", "y"}));
  EXPECT_EQ(queue.priority(*dag.find("x")), 2u);
}

TEST(ReadyQueue, MarkDoneOfANodeNotHandedOutIsAProgrammingError) {
  Dag dag({node("a"), node("b", {"a"})});
  ReadyQueue queue(dag, dag.all_nodes());
  EXPECT_THROW(queue.mark_done(*dag.find("b")), std::logic_error);
}

TEST(ReadyQueue, BuildTestGatesHoldDownstreamNodesUntilTestsRan) {
  Dag dag(testing::wizards_nodes());
  add_build_test_gates(dag);
  NodeSet selected =
      dag.set_of({"source.wizards.raw.orders", "model.wizards.stg_orders",
                  "test.wizards.not_null_stg_orders_order_id", "model.wizards.fct_orders"});
  ReadyQueue queue(dag, selected);
  NodeIndex fct = *dag.find("model.wizards.fct_orders");
  EXPECT_EQ(ids(dag, queue.waits_for(fct)),
            (std::vector<std::string>{"model.wizards.stg_orders",
                                      "test.wizards.not_null_stg_orders_order_id"}));
  std::vector<std::string> run_order;
  while (!queue.finished()) {
    for (NodeIndex n : queue.pop_all()) {
      run_order.push_back(dag.id(n));
      queue.mark_done(n);
    }
  }
  EXPECT_EQ(run_order.back(), "model.wizards.fct_orders");
}

}  // namespace
}  // namespace kiln::graph
