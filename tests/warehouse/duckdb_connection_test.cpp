#include <gtest/gtest.h>

#include "warehouse/error.h"
#include "warehouse_test_support.h"

namespace kiln::warehouse {
namespace {

using testing::DuckDbTest;

TEST_F(DuckDbTest, ExecuteReturnsColumnsAndRows) {
  ResultTable result = connection->execute("SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, NULL");
  ASSERT_EQ(result.columns.size(), 2u);
  EXPECT_EQ(result.columns[0].name, "a");
  EXPECT_EQ(result.columns[0].type, "INTEGER");
  EXPECT_EQ(result.columns[0].kind, ValueKind::Integer);
  EXPECT_EQ(result.columns[1].type, "VARCHAR");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.at(0, "a"), Cell(int64_t{1}));
  EXPECT_EQ(result.at(0, "b"), Cell(std::string("x")));
  EXPECT_TRUE(is_null(result.at(1, "b")));
}

}  // namespace
}  // namespace kiln::warehouse
