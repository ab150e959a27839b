// The run's table of current data versions, and the small mappings the runner needs.

#include "state/run_versions.h"

#include <gtest/gtest.h>

#include <thread>

namespace kiln::state {
namespace {

TEST(RunVersions, InputsComeInTheOrderGivenWithUnmeasuredOnesEmpty) {
  RunVersions versions;
  versions.set_all({{"source.p.raw.a", "1"}, {"model.p.b", "2"}});
  versions.set("model.p.b", "3");
  auto inputs =
      versions.inputs({{"model.p.b", "b"}, {"model.p.c", "c"}, {"source.p.raw.a", "raw.a"}});
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_EQ(inputs[0].unique_id, "model.p.b");
  EXPECT_EQ(inputs[0].display_name, "b");
  EXPECT_EQ(inputs[0].version, "3");
  EXPECT_FALSE(inputs[1].version);
  EXPECT_EQ(inputs[2].version, "1");
  EXPECT_EQ(recorded_versions(inputs), (DataVersions{{"model.p.b", "3"}, {"source.p.raw.a", "1"}}));
}

TEST(RunVersions, WorkersSetAndReadConcurrently) {
  RunVersions versions;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        std::string id = "model.p.m" + std::to_string(t * 1000 + i);
        versions.set(id, std::to_string(i));
        EXPECT_EQ(versions.get(id), std::to_string(i));
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(versions.get("model.p.m3499"), "499");
  EXPECT_FALSE(versions.get("model.p.m5000"));
}

TEST(NodeKindOf, FromResourceTypeAndMaterialization) {
  EXPECT_EQ(node_kind_of("model", "view"), NodeKind::View);
  EXPECT_EQ(node_kind_of("model", "table"), NodeKind::Table);
  EXPECT_EQ(node_kind_of("model", "incremental"), NodeKind::Incremental);
  EXPECT_EQ(node_kind_of("seed", "seed"), NodeKind::Seed);
  EXPECT_EQ(node_kind_of("snapshot", "snapshot"), NodeKind::Snapshot);
  EXPECT_EQ(node_kind_of("test", "test"), NodeKind::Test);
  EXPECT_FALSE(node_kind_of("model", "ephemeral"));
  EXPECT_FALSE(node_kind_of("model", "my_custom"));
  EXPECT_FALSE(node_kind_of("analysis", "view"));
}

TEST(RunModeName, AsStoredInRuns) {
  EXPECT_STREQ(run_mode_name(RunMode::StateAware), "state-aware");
  EXPECT_STREQ(run_mode_name(RunMode::StateAgnostic), "state-agnostic");
  EXPECT_STREQ(run_mode_name(RunMode::FullRefresh), "full-refresh");
}

}  // namespace
}  // namespace kiln::state
