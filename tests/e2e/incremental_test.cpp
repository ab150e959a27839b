// Incremental models across builds: a second build after new source data applies only the new
// rows with each strategy, and --full-refresh rebuilds from scratch. The `change_orders` macro
// updates order 2, adds order 5 and deletes order 1 from the source: an incremental model
// still holds order 1 afterwards (it was never rebuilt), a full refresh does not.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

class IncrementalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
    ASSERT_KILN_EXIT(project.run({"build"}), 0);
    ASSERT_KILN_EXIT(project.run({"run-operation", "change_orders"}), 0);
  }

  KilnProject project{"e2e_basic"};
};

TEST_F(IncrementalTest, SecondBuildMergesNewAndChangedRowsByUniqueKey) {
  ASSERT_KILN_EXIT(project.run({"build"}), 0);
  EXPECT_EQ(short_statuses(project).at("model.fct_orders"), "success");

  DuckDbFile db(basic_database(project));
  // delete+insert on order_id: order 2 replaced, order 5 added, order 1 kept.
  EXPECT_EQ(db.rows("select order_id, status, updated_at::varchar from main_marts.fct_orders "
                    "order by order_id"),
            (Rows{{"1", "placed", "2024-01-01 10:00:00"},
                  {"2", "shipped", "2024-01-05 10:00:00"},
                  {"3", "shipped", "2024-01-03 10:00:00"},
                  {"4", "returned", "2024-01-04 10:00:00"},
                  {"5", "placed", "2024-01-06 10:00:00"}}));
  // merge on order_id: the same result through MERGE.
  EXPECT_EQ(db.rows("select order_id, status from main_marts.order_status order by order_id"),
            (Rows{{"1", "placed"},
                  {"2", "shipped"},
                  {"3", "shipped"},
                  {"4", "returned"},
                  {"5", "placed"}}));
}

TEST_F(IncrementalTest, SecondBuildAppendsOnlyNewRowsWithAppendStrategy) {
  ASSERT_KILN_EXIT(project.run({"build"}), 0);

  DuckDbFile db(basic_database(project));
  // The four first rows, untouched, then the two rows newer than the table's max(updated_at).
  EXPECT_EQ(db.rows("select order_id, status from main_marts.order_events "
                    "order by updated_at, order_id"),
            (Rows{{"1", "placed"},
                  {"2", "placed"},
                  {"3", "shipped"},
                  {"4", "returned"},
                  {"2", "shipped"},
                  {"5", "placed"}}));
}

TEST_F(IncrementalTest, RebuildWithoutNewDataAddsNothing) {
  ASSERT_KILN_EXIT(project.run({"build"}), 0);
  ASSERT_KILN_EXIT(project.run({"build"}), 0);

  DuckDbFile db(basic_database(project));
  EXPECT_EQ(db.count("select count(*) from main_marts.order_events"), 6);
  EXPECT_EQ(db.count("select count(*) from main_marts.fct_orders"), 5);
}

TEST_F(IncrementalTest, FullRefreshRebuildsFromTheSourceAsItIsNow) {
  ASSERT_KILN_EXIT(project.run({"build", "--full-refresh"}), 0);
  EXPECT_EQ(short_statuses(project).at("model.fct_orders"), "success");

  DuckDbFile db(basic_database(project));
  EXPECT_EQ(db.rows("select order_id, status from main_marts.fct_orders order by order_id"),
            (Rows{{"2", "shipped"}, {"3", "shipped"}, {"4", "returned"}, {"5", "placed"}}));
  EXPECT_EQ(db.rows("select order_id, status from main_marts.order_events order by order_id"),
            (Rows{{"2", "shipped"}, {"3", "shipped"}, {"4", "returned"}, {"5", "placed"}}));
  EXPECT_EQ(db.count("select count(*) from main_marts.order_status"), 4);
}

}  // namespace
}  // namespace kiln::e2e
