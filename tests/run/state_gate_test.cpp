// StateGate on a real (in-memory) DuckDB: a source, a view on it, an ephemeral model on the
// view and a table on the ephemeral model. Each "run" plans every node in DAG order and, as
// NodeRunner does, builds inside a transaction that ends with StateGate::built.

#include <gtest/gtest.h>

#include "../warehouse/warehouse_test_support.h"
#include "compile/ref_resolution.h"
#include "run/state_gate.h"
#include "run/state_snapshot.h"
#include "state/data_versions.h"

namespace kiln::run {
namespace {

using compile::ParsedNode;
using project::ResourceType;

class StateGateTest : public warehouse::testing::DuckDbTest {
 protected:
  StateGateTest() {
    source_common.name = "t";
    source_common.source_name = "raw";
    add(ResourceType::Source, source_common, "source.p.raw.t", "", "raw", {});
    add(ResourceType::Model, stg_common, "model.p.stg", "view", "main", {"source.p.raw.t"});
    add(ResourceType::Model, eph_common, "model.p.eph", "ephemeral", "main", {"model.p.stg"});
    add(ResourceType::Model, mart_common, "model.p.mart", "table", "main", {"model.p.eph"});
    connection->execute("create schema raw");
    connection->execute("create table raw.t as select 1 as id");
  }

  void add(ResourceType type, project::NodeCommon& common, const std::string& id,
           const std::string& materialized, const std::string& schema,
           std::vector<std::string> depends_on) {
    if (common.name.empty()) common.name = id.substr(id.rfind('.') + 1);
    ParsedNode node;
    node.unique_id = id;
    node.resource_type = type;
    node.node = &common;
    if (type == ResourceType::Source) node.source = &source_common;
    if (!materialized.empty()) node.config["materialized"] = materialized;
    node.depends_on = std::move(depends_on);
    node.database = adapter.database();
    node.schema = schema;
    node.alias = common.name;
    manifest.index[id] = manifest.nodes.size();
    manifest.nodes.push_back(std::move(node));
  }

  const ParsedNode& node(const std::string& id) { return *manifest.find(id); }

  std::unique_ptr<StateGate> gate(bool dry_run = false) {
    if (!dry_run) store.ensure_schema(*connection);
    StateSnapshot snapshot = measure();
    return std::make_unique<StateGate>(
        manifest, adapter, store, std::move(snapshot),
        StateGateOptions{state::RunMode::StateAware, "run", dry_run});
  }

  // What load_snapshot measures, without the compiler it needs for loaded_at_query.
  StateSnapshot measure() {
    StateSnapshot snapshot;
    snapshot.records = load_records(adapter, *connection, store);
    for (const auto& relation :
         adapter.catalog(*connection, {{adapter.database(), "main"}, {adapter.database(), "raw"}}))
      snapshot.existing_relations.insert(relation_key(relation.relation, adapter.database()));
    std::vector<state::SourceVersionRequest> sources{
        {"source.p.raw.t", compile::relation_of(node("source.p.raw.t")), {}, {}}};
    snapshot.source_versions = state::source_data_versions(adapter, *connection, sources);
    return snapshot;
  }

  // Plans stg then mart; builds what the gate says. Returns each node's reason.
  std::map<std::string, std::string> run(StateGate& g) {
    std::map<std::string, std::string> reasons;
    const std::vector<std::pair<std::string, std::string>> steps = {
        {"model.p.stg", "create or replace view main.stg as select * from raw.t"},
        {"model.p.mart", "create or replace table main.mart as select * from main.stg"}};
    for (const auto& [id, sql] : steps) {
      std::optional<NodePlan> plan = g.plan(node(id), sql, *connection);
      EXPECT_TRUE(plan.has_value()) << id;
      if (!plan) continue;
      reasons[id] = (plan->decision.build() ? "build: " : "reuse: ") + plan->decision.reason;
      if (!plan->decision.build()) {
        g.reused(node(id), *plan, *connection);
      } else if (g.dry_run()) {
        g.would_build(node(id));
      } else {
        connection->begin();
        connection->execute(sql);
        g.built(node(id), *plan, *connection, 0.5);
        connection->commit();
      }
    }
    return reasons;
  }

  compile::Manifest manifest;
  project::Source source_common;
  project::NodeCommon stg_common, eph_common, mart_common;
  state::StateStore store{adapter};
};

TEST_F(StateGateTest, BuildsOnceThenReusesWhileNothingChanges) {
  EXPECT_EQ(run(*gate())["model.p.mart"], "build: never built");
  auto second = run(*gate());
  EXPECT_EQ(second["model.p.stg"], "reuse: No new changes on any upstreams");
  EXPECT_EQ(second["model.p.mart"], "reuse: No new changes on any upstreams");
}

TEST_F(StateGateTest, NewSourceDataFlowsThroughTheViewAndTheEphemeralModelToTheTable) {
  run(*gate());
  connection->execute("insert into raw.t values (2)");
  auto after = run(*gate());
  EXPECT_EQ(after["model.p.stg"], "reuse: view: upstream data flows through");
  EXPECT_EQ(after["model.p.mart"], "build: new data in eph");
  // The view's record followed its input, so the next run reuses everything.
  auto again = run(*gate());
  EXPECT_EQ(again["model.p.stg"], "reuse: No new changes on any upstreams");
  EXPECT_EQ(again["model.p.mart"], "reuse: No new changes on any upstreams");
}

TEST_F(StateGateTest, ALogicEditToTheViewIsNewDataForTheTableBelow) {
  run(*gate());
  auto g = gate();
  std::optional<NodePlan> plan =
      g->plan(node("model.p.stg"), "select id + 1 as id from raw.t", *connection);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->decision.reason, "code changed (SQL)");
  connection->begin();
  connection->execute("create or replace view main.stg as select id + 1 as id from raw.t");
  g->built(node("model.p.stg"), *plan, *connection, 0.1);
  connection->commit();
  std::optional<NodePlan> mart = g->plan(node("model.p.mart"),
                                         "create or replace table main.mart as select * from "
                                         "main.stg",
                                         *connection);
  ASSERT_TRUE(mart);
  EXPECT_EQ(mart->decision.reason, "new data in eph");
}

TEST_F(StateGateTest, ABuildRolledBackLeavesNoRecord) {
  auto g = gate();
  std::optional<NodePlan> plan = g->plan(node("model.p.stg"), "select 1", *connection);
  ASSERT_TRUE(plan);
  connection->begin();
  connection->execute("create or replace view main.stg as select * from raw.t");
  g->built(node("model.p.stg"), *plan, *connection, 0.1);
  connection->rollback();
  EXPECT_TRUE(store.load_all(*connection).empty());
}

TEST_F(StateGateTest, ADryRunWritesNothingAndItsPlannedBuildsAreNewDataBelow) {
  auto reasons = run(*gate(/*dry_run=*/true));
  EXPECT_EQ(reasons["model.p.stg"], "build: never built");
  EXPECT_EQ(reasons["model.p.mart"], "build: never built");
  EXPECT_TRUE(load_records(adapter, *connection, store).empty());
  EXPECT_EQ(std::get<int64_t>(scalar("select count(*) from information_schema.schemata "
                                     "where schema_name = 'kiln_state'")),
            0);
}

}  // namespace
}  // namespace kiln::run
