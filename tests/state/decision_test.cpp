// The decision table, row by row, in the order the rules apply.

#include "state/decision.h"

#include <gtest/gtest.h>

namespace kiln::state {
namespace {

using namespace std::chrono_literals;
using std::chrono::system_clock;

const system_clock::time_point kBuiltAt = system_clock::time_point{} + 1'000'000h;

class DecisionTest : public ::testing::Test {
 protected:
  DecisionTest() {
    prior.unique_id = "model.p.m";
    prior.code_fingerprint = "code-1";
    prior.input_versions = {{"source.p.raw.wizards", "w1"}, {"model.p.stg_spells", "s1"}};
    prior.status = "success";
    prior.built_at = kBuiltAt;
    input.kind = NodeKind::Table;
    input.prior = &prior;
    input.relation_exists = true;
    input.code_fingerprint = "code-1";
    input.inputs = {{"source.p.raw.wizards", "raw.wizards", "w1"},
                    {"model.p.stg_spells", "stg_spells", "s1"}};
    input.now = kBuiltAt + 1h;
  }

  Decision decision() const { return decide(input); }
  void expect(Action action, const std::string& reason) const {
    Decision d = decision();
    EXPECT_EQ(d.action, action) << d.reason;
    EXPECT_EQ(d.reason, reason);
  }
  void new_wizards() { input.inputs[0].version = "w2"; }
  void new_spells() { input.inputs[1].version = "s2"; }
  void build_after(std::chrono::seconds window, UpdatesOn on = UpdatesOn::Any) {
    input.freshness.window = window;
    input.freshness.updates_on = on;
  }

  NodeRecord prior;
  DecisionInput input;
};

TEST_F(DecisionTest, NothingChangedIsReused) {
  expect(Action::Reuse, "No new changes on any upstreams");
}

TEST_F(DecisionTest, StateAgnosticAndFullRefreshAlwaysBuild) {
  input.mode = RunMode::StateAgnostic;
  expect(Action::Build, "state-agnostic run");
  input.mode = RunMode::FullRefresh;
  expect(Action::Build, "state-agnostic run");
  input.prior = nullptr;  // before every other rule
  expect(Action::Build, "state-agnostic run");
}

TEST_F(DecisionTest, UnselectedNodesAreNotBuilt) {
  input.selected = false;
  input.prior = nullptr;
  expect(Action::Reuse, "not selected");
}

TEST_F(DecisionTest, NeverBuilt) {
  input.prior = nullptr;
  expect(Action::Build, "never built");
  input.kind = NodeKind::Test;
  expect(Action::Build, "never built");
}

TEST_F(DecisionTest, RelationMissing) {
  input.relation_exists = false;
  expect(Action::Build, "relation missing");
  input.kind = NodeKind::View;
  expect(Action::Build, "relation missing");
}

TEST_F(DecisionTest, LastBuildFailed) {
  prior.status = "error";
  expect(Action::Build, "last build failed");
  prior.status = "skipped";
  expect(Action::Build, "last build failed");
}

TEST_F(DecisionTest, RulesApplyInOrder) {
  // Every condition at once: the first rule in the table names the reason.
  input.relation_exists = false;
  prior.status = "error";
  input.code_fingerprint = "code-2";
  new_wizards();
  expect(Action::Build, "relation missing");
  input.relation_exists = true;
  expect(Action::Build, "last build failed");
  prior.status = "success";
  expect(Action::Build, "code changed");
  input.code_fingerprint = "code-1";
  expect(Action::Build, "new data in raw.wizards");
}

TEST_F(DecisionTest, CodeChangedBeatsBuildAfter) {
  input.code_fingerprint = "code-2";
  build_after(4h);
  expect(Action::Build, "code changed");
}

TEST_F(DecisionTest, CodeChangedNamesWhatChanged) {
  const std::string a(32, 'a'), b(32, 'b'), c(32, 'c');
  prior.code_fingerprint = a + "." + b + "." + c;
  input.code_fingerprint = a + "." + a + "." + a;
  expect(Action::Build, "code changed (config, upstream columns)");
  input.code_fingerprint = c + "." + b + "." + c;
  expect(Action::Build, "code changed (SQL)");
}

TEST_F(DecisionTest, NewDataNamesTheFirstChangedInput) {
  new_spells();
  expect(Action::Build, "new data in stg_spells");
  new_wizards();
  expect(Action::Build, "new data in raw.wizards");
}

TEST_F(DecisionTest, UnmeasuredInputCountsAsChanged) {
  input.inputs[1].version.reset();
  expect(Action::Build, "no data version for stg_spells");
  input.kind = NodeKind::View;
  expect(Action::Reuse, "view: upstream data flows through");
}

TEST_F(DecisionTest, InputMissingFromThePriorRecordCountsAsChanged) {
  input.inputs.push_back({"source.p.raw.houses", "raw.houses", "h1"});
  expect(Action::Build, "new data in raw.houses");
}

TEST_F(DecisionTest, ViewsLetUpstreamDataFlowThrough) {
  input.kind = NodeKind::View;
  expect(Action::Reuse, "No new changes on any upstreams");
  new_wizards();
  expect(Action::Reuse, "view: upstream data flows through");
  input.code_fingerprint = "code-2";
  expect(Action::Build, "code changed");
}

TEST_F(DecisionTest, IncrementalSeedAndSnapshotFollowTheTableRules) {
  for (NodeKind kind : {NodeKind::Incremental, NodeKind::Seed, NodeKind::Snapshot}) {
    input.kind = kind;
    input.inputs[0].version = "w1";
    expect(Action::Reuse, "No new changes on any upstreams");
    new_wizards();
    expect(Action::Build, "new data in raw.wizards");
  }
}

TEST_F(DecisionTest, BuildAfterHoldsNewDataBack) {
  new_wizards();
  build_after(4h);
  expect(Action::Reuse,
         "New changes detected. Did not meet build_after of 4h. Last updated 1h ago");
  input.now = kBuiltAt + 42min + 20s;
  expect(Action::Reuse,
         "New changes detected. Did not meet build_after of 4h. Last updated 42m 20s ago");
}

TEST_F(DecisionTest, BuildAfterWindowBoundaries) {
  new_wizards();
  build_after(4h);
  input.now = kBuiltAt + 4h - 1s;
  EXPECT_EQ(decision().action, Action::Reuse);
  input.now = kBuiltAt + 4h;  // elapsed exactly: due
  expect(Action::Build, "new data in raw.wizards");
  input.now = kBuiltAt + 30h;
  expect(Action::Build, "new data in raw.wizards");
}

TEST_F(DecisionTest, BuildAfterDoesNotMatterWithoutNewData) {
  build_after(4h);
  input.now = kBuiltAt + 100h;
  expect(Action::Reuse, "No new changes on any upstreams");
}

TEST_F(DecisionTest, BuildAfterAgainstAClockThatWentBack) {
  new_wizards();
  build_after(4h);
  input.now = kBuiltAt - 10min;
  expect(Action::Reuse,
         "New changes detected. Did not meet build_after of 4h. Last updated 0s ago");
}

TEST_F(DecisionTest, LagToleranceIsNamedInTheMessage) {
  new_wizards();
  input.freshness.config_name = "lag_tolerance";
  input.freshness.window = 2 * 86400s;
  expect(Action::Reuse,
         "New changes detected. Did not meet lag_tolerance of 2days. Last updated 1h ago");
}

TEST_F(DecisionTest, UpdatesOnAllWaitsForEveryParent) {
  build_after(0s, UpdatesOn::All);
  input.freshness.window.reset();
  new_wizards();
  expect(Action::Reuse, "No new changes on all upstreams");
  new_spells();
  expect(Action::Build, "new data in raw.wizards");
}

TEST_F(DecisionTest, UpdatesOnAnyBuildsOnOneParent) {
  input.freshness.updates_on = UpdatesOn::Any;
  new_spells();
  expect(Action::Build, "new data in stg_spells");
}

TEST_F(DecisionTest, UpdatesOnAllAndBuildAfterTogether) {
  build_after(4h, UpdatesOn::All);
  new_wizards();
  expect(Action::Reuse, "No new changes on all upstreams");
  new_spells();
  expect(Action::Reuse,
         "New changes detected. Did not meet build_after of 4h. Last updated 1h ago");
  input.now = kBuiltAt + 5h;
  expect(Action::Build, "new data in raw.wizards");
}

TEST_F(DecisionTest, UpdatesOnAllWithOneParent) {
  input.inputs.pop_back();
  build_after(0s, UpdatesOn::All);
  input.freshness.window.reset();
  new_wizards();
  expect(Action::Build, "new data in raw.wizards");
}

TEST_F(DecisionTest, NoInputsMeansNoNewData) {
  input.inputs.clear();
  expect(Action::Reuse, "No new changes on any upstreams");
}

TEST_F(DecisionTest, TestsAreReusedWhileCodeAndTestedDataAreUnchanged) {
  input.kind = NodeKind::Test;
  input.relation_exists = false;  // tests have no relation
  prior.status = "pass";
  expect(Action::Reuse, "No new changes on any upstreams");
  new_spells();
  build_after(4h);  // freshness does not hold tests back
  expect(Action::Build, "new data in stg_spells");
}

TEST_F(DecisionTest, TestsRerunUnlessTheyPassed) {
  input.kind = NodeKind::Test;
  for (const char* status : {"fail", "warn", "error", "success"}) {
    prior.status = status;
    expect(Action::Build, "last run did not pass");
  }
  prior.status = "pass";
  input.code_fingerprint = "code-2";
  expect(Action::Build, "code changed");
}

TEST(GoodStatus, ModelsSucceedAndTestsPass) {
  EXPECT_TRUE(is_good_status(NodeKind::Table, "success"));
  EXPECT_FALSE(is_good_status(NodeKind::Table, "pass"));
  EXPECT_TRUE(is_good_status(NodeKind::Test, "pass"));
  EXPECT_FALSE(is_good_status(NodeKind::Test, "success"));
  EXPECT_FALSE(is_good_status(NodeKind::View, "error"));
}

}  // namespace
}  // namespace kiln::state
