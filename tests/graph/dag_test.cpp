#include "graph/dag.h"

#include <gtest/gtest.h>

#include "graph/errors.h"
#include "wizards_fixture.h"

namespace kiln::graph {
namespace {

using testing::labels;

GraphNode node(const std::string& id, std::vector<std::string> depends_on = {}) {
  GraphNode n;
  n.unique_id = id;
  n.resource_type = "model";
  n.original_file_path = "models/" + id + ".sql";
  n.depends_on = std::move(depends_on);
  return n;
}

std::string error_of(std::vector<GraphNode> nodes) {
  try {
    Dag dag(std::move(nodes));
  } catch (const GraphError& error) {
    return error.what();
  }
  return "no error";
}

TEST(Dag, LinksParentsAndChildrenInUniqueIdOrder) {
  Dag dag({node("model.p.c", {"model.p.b", "model.p.a"}), node("model.p.a"), node("model.p.b")});
  NodeIndex c = *dag.find("model.p.c");
  ASSERT_EQ(dag.parents(c).size(), 2u);
  EXPECT_EQ(dag.id(dag.parents(c)[0]), "model.p.a");
  EXPECT_EQ(dag.id(dag.parents(c)[1]), "model.p.b");
  EXPECT_EQ(dag.children(*dag.find("model.p.a")), std::vector<NodeIndex>{c});
  EXPECT_FALSE(dag.find("model.p.missing").has_value());
}

TEST(Dag, DuplicateDependenciesCountOnce) {
  Dag dag({node("model.p.a"), node("model.p.b", {"model.p.a", "model.p.a"})});
  EXPECT_EQ(dag.parents(*dag.find("model.p.b")).size(), 1u);
  EXPECT_EQ(dag.children(*dag.find("model.p.a")).size(), 1u);
}

TEST(Dag, MissingDependencyNamesTheNodeAndTheDependency) {
  std::string message = error_of({node("model.p.a", {"model.p.ghost"})});
  EXPECT_NE(message.find("'model.p.a' depends on 'model.p.ghost' which is not in the graph!"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("models/model.p.a.sql"), std::string::npos) << message;
}

TEST(Dag, DuplicateUniqueIdIsAnError) {
  std::string message = error_of({node("model.p.a"), node("model.p.a")});
  EXPECT_NE(message.find("two nodes have the unique_id 'model.p.a'"), std::string::npos) << message;
}

TEST(Dag, CycleIsReportedAsDbtDoes) {
  // a -> b -> a (b depends on a, a depends on b); dbt joins the cycle's nodes with " --> ".
  EXPECT_EQ(error_of({node("model.p.a", {"model.p.b"}), node("model.p.b", {"model.p.a"})}),
            "Found a cycle: model.p.a --> model.p.b");
}

TEST(Dag, LongerCycleListsItsPathInEdgeOrder) {
  // x is upstream of the cycle and not part of it.
  EXPECT_EQ(error_of({node("model.p.x"), node("model.p.c", {"model.p.b", "model.p.x"}),
                      node("model.p.b", {"model.p.a"}), node("model.p.a", {"model.p.c"})}),
            "Found a cycle: model.p.a --> model.p.b --> model.p.c");
}

TEST(Dag, SelfDependencyIsACycle) {
  EXPECT_EQ(error_of({node("model.p.a", {"model.p.a"})}), "Found a cycle: model.p.a");
}

TEST(Dag, CycleIsTheSameWhateverTheInputOrder) {
  std::vector<GraphNode> nodes = {node("model.p.a", {"model.p.c"}),
                                  node("model.p.b", {"model.p.a"}),
                                  node("model.p.c", {"model.p.b"})};
  std::string first = error_of(nodes);
  std::reverse(nodes.begin(), nodes.end());
  EXPECT_EQ(error_of(nodes), first);
}

TEST(Dag, AncestorsAndDescendantsHonourDepth) {
  Dag dag = Dag(testing::wizards_nodes());
  NodeSet start = dag.set_of({"model.wizards.dim_wizards"});
  EXPECT_EQ(labels(dag, dag.ancestors(start, 1)),
            (std::vector<std::string>{"stg_wands", "stg_wizards", "stg_worlds"}));
  EXPECT_EQ(labels(dag, dag.ancestors(start)),
            (std::vector<std::string>{"source:raw.wands", "source:raw.wizards", "source:raw.worlds",
                                      "stg_wands", "stg_wizards", "stg_worlds"}));
  EXPECT_TRUE(dag.ancestors(start, 0).empty());
  EXPECT_EQ(labels(dag, dag.descendants(start)),
            (std::vector<std::string>{"test:relationships_fct_orders_wizard_id"}));
}

TEST(Dag, AStartNodeCountsOnlyWhenReachedFromAnother) {
  Dag dag({node("model.p.a"), node("model.p.b", {"model.p.a"})});
  NodeSet both = dag.set_of({"model.p.a", "model.p.b"});
  EXPECT_EQ(dag.ids(dag.descendants(both)), std::vector<std::string>{"model.p.b"});
  EXPECT_EQ(dag.ids(dag.ancestors(both)), std::vector<std::string>{"model.p.a"});
}

TEST(Dag, DeepChainDoesNotOverflowTheStack) {
  std::vector<GraphNode> nodes;
  for (int i = 0; i < 50000; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "model.p.n%06d", i);
    nodes.push_back(node(id));
    if (i > 0) {
      char parent[32];
      std::snprintf(parent, sizeof parent, "model.p.n%06d", i - 1);
      nodes.back().depends_on = {parent};
    }
  }
  nodes.front().depends_on = {"model.p.n049999"};  // closes a 50,000-node cycle
  std::string message = error_of(nodes);
  EXPECT_EQ(message.rfind("Found a cycle: model.p.n000000 --> model.p.n000001 --> ", 0), 0u);
}

}  // namespace
}  // namespace kiln::graph
