#include <gtest/gtest.h>

#include "cli/progress_line.h"

namespace kiln::cli {
namespace {

using namespace std::chrono_literals;

TEST(ProgressLine, ShowsDoneTotalRunningNodesAndElapsedTime) {
  auto start = ProgressLine::Clock::time_point{};
  ProgressLine line(5, start);
  line.node_started(1, "stg_orders");
  line.node_started(2, "stg_customers");
  EXPECT_EQ(line.render(start + 1500ms, 200),
            "0 of 5 done, 2 running (stg_orders, stg_customers), 1.5s");
  line.node_finished(1);
  line.node_skipped();
  EXPECT_EQ(line.render(start + 2s, 200), "2 of 5 done, 1 running (stg_customers), 2.0s");
  line.node_finished(2);
  EXPECT_EQ(line.render(start + 2s, 200), "3 of 5 done, 2.0s");
}

TEST(ProgressLine, FinishingAnUnknownNodeCountsNothing) {
  ProgressLine line(2, {});
  line.node_finished(7);
  EXPECT_EQ(line.done(), 0u);
}

TEST(ProgressLine, IsCutToTheTerminalWidth) {
  auto start = ProgressLine::Clock::time_point{};
  ProgressLine line(3, start);
  line.node_started(1, std::string(100, 'x'));
  std::string text = line.render(start, 40);
  EXPECT_EQ(text.size(), 40u);
  EXPECT_EQ(text.substr(37), "...");
}

}  // namespace
}  // namespace kiln::cli
