#include "artifacts/node_status.h"

#include <gtest/gtest.h>

namespace kiln::artifacts {
namespace {

TEST(NodeStatus, SpellsStatusesAsDbt) {
  EXPECT_EQ(status_name(NodeStatus::kSuccess), "success");
  EXPECT_EQ(status_name(NodeStatus::kError), "error");
  EXPECT_EQ(status_name(NodeStatus::kSkipped), "skipped");
  EXPECT_EQ(status_name(NodeStatus::kPartialSuccess), "partial success");
  EXPECT_EQ(status_name(NodeStatus::kNoOp), "no-op");
  EXPECT_EQ(status_name(NodeStatus::kPass), "pass");
  EXPECT_EQ(status_name(NodeStatus::kFail), "fail");
  EXPECT_EQ(status_name(NodeStatus::kWarn), "warn");
  EXPECT_EQ(status_name(NodeStatus::kRuntimeError), "runtime error");
  EXPECT_EQ(status_name(NodeStatus::kReused), "reused");
}

TEST(NodeStatus, ParsesEverySpellingBack) {
  for (auto status :
       {NodeStatus::kSuccess, NodeStatus::kError, NodeStatus::kSkipped, NodeStatus::kPartialSuccess,
        NodeStatus::kNoOp, NodeStatus::kPass, NodeStatus::kFail, NodeStatus::kWarn,
        NodeStatus::kRuntimeError, NodeStatus::kReused}) {
    EXPECT_EQ(parse_status(status_name(status)), status) << status_name(status);
  }
  EXPECT_EQ(parse_status("Success"), std::nullopt);
  EXPECT_EQ(parse_status("runtime_error"), std::nullopt);
}

TEST(NodeStatus, SpellsFreshnessStatuses) {
  EXPECT_EQ(status_name(FreshnessStatus::kPass), "pass");
  EXPECT_EQ(status_name(FreshnessStatus::kWarn), "warn");
  EXPECT_EQ(status_name(FreshnessStatus::kError), "error");
  EXPECT_EQ(status_name(FreshnessStatus::kRuntimeError), "runtime error");
}

}  // namespace
}  // namespace kiln::artifacts
