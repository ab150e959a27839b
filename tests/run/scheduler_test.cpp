#include "run/scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>

namespace kiln::run {
namespace {

graph::GraphNode node(std::string id, std::vector<std::string> parents = {}) {
  graph::GraphNode n;
  n.unique_id = std::move(id);
  n.resource_type = "model";
  n.depends_on = std::move(parents);
  return n;
}

// a -> b -> d, a -> c -> d, e independent
graph::Dag diamond() {
  return graph::Dag(
      {node("a"), node("b", {"a"}), node("c", {"a"}), node("d", {"b", "c"}), node("e")});
}

struct Recorder {
  std::mutex mutex;
  std::vector<std::string> order;
  std::map<std::string, std::string> skipped;  // node -> cause ("" when none)
};

TEST(Scheduler, RunsEveryNodeAfterItsParents) {
  graph::Dag dag = diamond();
  for (int threads : {1, 2, 4}) {
    Recorder rec;
    Scheduler scheduler(dag, dag.all_nodes(), {threads, false});
    auto outcomes = scheduler.run(
        [&](NodeIndex n) {
          std::lock_guard<std::mutex> lock(rec.mutex);
          rec.order.push_back(dag.id(n));
          return Outcome::Done;
        },
        [&](NodeIndex, std::optional<NodeIndex>) { ADD_FAILURE() << "nothing should skip"; });
    ASSERT_EQ(rec.order.size(), 5u);
    auto pos = [&](const std::string& id) {
      return std::find(rec.order.begin(), rec.order.end(), id) - rec.order.begin();
    };
    EXPECT_LT(pos("a"), pos("b"));
    EXPECT_LT(pos("a"), pos("c"));
    EXPECT_LT(pos("b"), pos("d"));
    EXPECT_LT(pos("c"), pos("d"));
    for (auto outcome : outcomes)
      EXPECT_EQ(outcome, Outcome::Done);
  }
}

TEST(Scheduler, FailureSkipsOnlyDescendants) {
  graph::Dag dag = diamond();
  Recorder rec;
  Scheduler scheduler(dag, dag.all_nodes(), {2, false});
  auto outcomes = scheduler.run(
      [&](NodeIndex n) {
        std::lock_guard<std::mutex> lock(rec.mutex);
        rec.order.push_back(dag.id(n));
        return dag.id(n) == "b" ? Outcome::Failed : Outcome::Done;
      },
      [&](NodeIndex n, std::optional<NodeIndex> cause) {
        std::lock_guard<std::mutex> lock(rec.mutex);
        rec.skipped[dag.id(n)] = cause ? dag.id(*cause) : "";
      });
  EXPECT_EQ(rec.skipped, (std::map<std::string, std::string>{{"d", "b"}}));
  std::set<std::string> ran(rec.order.begin(), rec.order.end());
  EXPECT_EQ(ran, (std::set<std::string>{"a", "b", "c", "e"}));
  EXPECT_EQ(outcomes[*dag.find("d")], Outcome::Skipped);
  EXPECT_EQ(outcomes[*dag.find("b")], Outcome::Failed);
}

TEST(Scheduler, FailFastStartsNothingNew) {
  graph::Dag dag = diamond();
  Recorder rec;
  Scheduler scheduler(dag, dag.all_nodes(), {1, true});
  scheduler.run(
      [&](NodeIndex n) {
        rec.order.push_back(dag.id(n));
        return dag.id(n) == "a" ? Outcome::Failed : Outcome::Done;
      },
      [&](NodeIndex n, std::optional<NodeIndex>) { rec.skipped[dag.id(n)] = ""; });
  EXPECT_EQ(rec.order, std::vector<std::string>{"a"});
  EXPECT_EQ(rec.skipped.size(), 4u);
}

TEST(Scheduler, CancelSkipsWhatHasNotStarted) {
  graph::Dag dag = diamond();
  Recorder rec;
  Scheduler scheduler(dag, dag.all_nodes(), {1, false});
  scheduler.run(
      [&](NodeIndex n) {
        rec.order.push_back(dag.id(n));
        if (rec.order.size() == 2) scheduler.cancel();
        return Outcome::Done;
      },
      [&](NodeIndex n, std::optional<NodeIndex>) { rec.skipped[dag.id(n)] = ""; });
  EXPECT_EQ(rec.order.size(), 2u);
  EXPECT_EQ(rec.skipped.size(), 3u);
  EXPECT_TRUE(scheduler.cancelled());
}

TEST(Scheduler, RunsOnlyTheSelection) {
  graph::Dag dag = diamond();
  graph::NodeSet selected = dag.set_of({"a", "d"});
  std::vector<std::string> order;
  Scheduler scheduler(dag, selected, {1, false});
  auto outcomes = scheduler.run(
      [&](NodeIndex n) {
        order.push_back(dag.id(n));
        return Outcome::Done;
      },
      [&](NodeIndex, std::optional<NodeIndex>) {});
  EXPECT_EQ(order, (std::vector<std::string>{"a", "d"}));
  EXPECT_EQ(outcomes[*dag.find("e")], Outcome::Skipped);
}

}  // namespace
}  // namespace kiln::run
