#include "warehouse/relation.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "warehouse/error.h"
#include "warehouse/quoting.h"
#include "warehouse/result_table.h"
#include "warehouse_test_support.h"

namespace kiln::warehouse {
namespace {

Relation orders() {
  Relation relation;
  relation.database = "dev";
  relation.schema = "analytics";
  relation.identifier = "orders";
  return relation;
}

TEST(QuotingTest, IdentifiersDoubleTheirQuoteCharacter) {
  EXPECT_EQ(quote_identifier("orders"), "\"orders\"");
  EXPECT_EQ(quote_identifier("my \"odd\" name"), "\"my \"\"odd\"\" name\"");
  EXPECT_EQ(quote_identifier("x`y", '`'), "`x``y`");
}

TEST(QuotingTest, StringLiteralsDoubleSingleQuotes) {
  EXPECT_EQ(quote_string_literal("it's"), "'it''s'");
  EXPECT_EQ(quote_string_literal(""), "''");
}

TEST(RelationTest, RendersAllPartsQuotedByDefault) {
  EXPECT_EQ(orders().render(), "\"dev\".\"analytics\".\"orders\"");
}

TEST(RelationTest, QuotePolicyIsPerPart) {
  Relation relation = orders();
  relation.quote_policy.database = false;
  relation.quote_policy.identifier = false;
  EXPECT_EQ(relation.render(), "dev.\"analytics\".orders");
}

TEST(RelationTest, IncludePolicyDropsParts) {
  Relation relation = orders();
  relation.include_policy.database = false;
  EXPECT_EQ(relation.render(), "\"analytics\".\"orders\"");
  relation.include_policy.schema = false;
  EXPECT_EQ(relation.render(), "\"orders\"");
}

TEST(RelationTest, EmptyPartsAreLeftOutLikeNone) {
  Relation relation = orders();
  relation.database.clear();
  EXPECT_EQ(relation.render(), "\"analytics\".\"orders\"");
}

TEST(RelationTest, WithIdentifierKeepsEverythingElse) {
  Relation relation = orders();
  relation.quote_policy.schema = false;
  Relation temp = relation.with_identifier("orders__kiln_tmp");
  EXPECT_EQ(temp.render(), "\"dev\".analytics.\"orders__kiln_tmp\"");
}

TEST(RelationTest, TypeNamesAreDbts) {
  EXPECT_STREQ(relation_type_name(RelationType::Table), "table");
  EXPECT_STREQ(relation_type_name(RelationType::View), "view");
  EXPECT_STREQ(relation_type_name(RelationType::External), "external");
  EXPECT_STREQ(relation_type_name(RelationType::Unknown), "unknown");
}

TEST(ResultTableTest, CellTextAndLookupByName) {
  ResultTable table;
  table.columns = {{"a", "INTEGER", ValueKind::Integer}, {"b", "DOUBLE", ValueKind::Float}};
  table.rows = {{int64_t{3}, 0.1}};
  EXPECT_EQ(table.column_index("b"), 1);
  EXPECT_EQ(table.column_index("c"), -1);
  EXPECT_EQ(cell_text(table.at(0, "a")), "3");
  EXPECT_EQ(cell_text(table.at(0, "b")), "0.1");
  EXPECT_EQ(cell_text(Cell{}), "");
  EXPECT_EQ(cell_text(Cell{true}), "true");
  EXPECT_THROW(table.at(0, "c"), WarehouseError);
}

// The rendered name is what DuckDB accepts for an awkward name.
using testing::DuckDbTest;

TEST_F(DuckDbTest, RenderedRelationsWorkInDuckDb) {
  Relation relation;
  relation.database = adapter.database();
  relation.schema = "main";
  relation.identifier = "odd \"name\"";
  connection->execute(fmt::format("CREATE TABLE {} AS SELECT 1 AS i", adapter.render(relation)));
  EXPECT_EQ(scalar(fmt::format("SELECT i FROM {}", adapter.render(relation))), Cell(int64_t{1}));
  EXPECT_EQ(adapter.quote("a\"b"), "\"a\"\"b\"");
}

}  // namespace
}  // namespace kiln::warehouse
