#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>

#include "warehouse/error.h"
#include "warehouse_test_support.h"

namespace kiln::warehouse {
namespace {

using testing::DuckDbTest;

Relation named(std::string schema, std::string identifier) {
  Relation relation;
  relation.schema = std::move(schema);
  relation.identifier = std::move(identifier);
  return relation;
}

class DuckDbCatalogTest : public DuckDbTest {
 protected:
  void SetUp() override {
    connection->execute(
        "CREATE SCHEMA analytics; CREATE SCHEMA staging; CREATE SCHEMA other;"
        "CREATE TABLE analytics.orders (id INTEGER, amount DECIMAL(10,2), placed DATE);"
        "CREATE VIEW analytics.big_orders AS SELECT id, amount FROM analytics.orders "
        "  WHERE amount > 100;"
        "CREATE TABLE staging.\"Mixed Case\" (\"Col A\" VARCHAR);"
        "CREATE TABLE other.ignored (x INTEGER);");
  }
};

TEST_F(DuckDbCatalogTest, CatalogListsRelationsAndColumnsOfTheAskedSchemasOnly) {
  std::vector<CatalogRelation> catalog =
      adapter.catalog(*connection, {{"", "analytics"}, {"memory", "STAGING"}});
  ASSERT_EQ(catalog.size(), 3u);

  EXPECT_EQ(catalog[0].relation.identifier, "big_orders");
  EXPECT_EQ(catalog[0].relation.type, RelationType::View);
  ASSERT_EQ(catalog[0].columns.size(), 2u);
  EXPECT_EQ(catalog[0].columns[1].name, "amount");
  EXPECT_EQ(catalog[0].columns[1].type, "DECIMAL(10,2)");

  EXPECT_EQ(catalog[1].relation.database, "memory");
  EXPECT_EQ(catalog[1].relation.schema, "analytics");
  EXPECT_EQ(catalog[1].relation.identifier, "orders");
  EXPECT_EQ(catalog[1].relation.type, RelationType::Table);
  ASSERT_EQ(catalog[1].columns.size(), 3u);
  EXPECT_EQ(catalog[1].columns[0].name, "id");
  EXPECT_EQ(catalog[1].columns[0].type, "INTEGER");
  EXPECT_EQ(catalog[1].columns[0].ordinal, 1);
  EXPECT_EQ(catalog[1].columns[2].name, "placed");
  EXPECT_EQ(catalog[1].columns[2].type, "DATE");
  EXPECT_EQ(catalog[1].columns[2].ordinal, 3);

  EXPECT_EQ(catalog[2].relation.schema, "staging");
  EXPECT_EQ(catalog[2].relation.identifier, "Mixed Case");
  EXPECT_EQ(catalog[2].columns.at(0).name, "Col A");
}

TEST_F(DuckDbCatalogTest, CatalogOfMissingOrNoSchemasIsEmpty) {
  EXPECT_TRUE(adapter.catalog(*connection, {}).empty());
  EXPECT_TRUE(adapter.catalog(*connection, {{"", "nope"}}).empty());
}

TEST_F(DuckDbCatalogTest, CatalogSeesUncommittedRelationsOfItsOwnTransaction) {
  connection->begin();
  connection->execute("CREATE TABLE analytics.fresh (i INTEGER)");
  EXPECT_EQ(adapter.catalog(*connection, {{"", "analytics"}}).size(), 3u);
  auto other = adapter.open_connection();
  EXPECT_EQ(adapter.catalog(*other, {{"", "analytics"}}).size(), 2u);
  connection->rollback();
}

TEST_F(DuckDbCatalogTest, GetRelationFindsTablesAndViewsIgnoringCase) {
  std::optional<Relation> view =
      adapter.get_relation(*connection, named("ANALYTICS", "Big_Orders"));
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->type, RelationType::View);
  EXPECT_EQ(view->identifier, "big_orders");
  EXPECT_EQ(view->database, "memory");
  EXPECT_FALSE(adapter.get_relation(*connection, named("analytics", "missing")).has_value());
  EXPECT_FALSE(adapter.get_relation(*connection, named("main", "orders")).has_value());
}

TEST_F(DuckDbCatalogTest, GetColumnsInRelationInOrder) {
  std::vector<CatalogColumn> columns =
      adapter.get_columns_in_relation(*connection, named("analytics", "orders"));
  ASSERT_EQ(columns.size(), 3u);
  EXPECT_EQ(columns[0].name, "id");
  EXPECT_EQ(columns[1].name, "amount");
  EXPECT_EQ(columns[2].name, "placed");
  EXPECT_TRUE(adapter.get_columns_in_relation(*connection, named("analytics", "missing")).empty());
}

TEST_F(DuckDbCatalogTest, ListSchemasShowsUserSchemas) {
  std::vector<std::string> schemas = adapter.list_schemas(*connection, "memory");
  std::vector<std::string> expected = {"analytics", "main", "other", "staging"};
  EXPECT_EQ(schemas, expected);
}

TEST_F(DuckDbCatalogTest, CreateSchemaIsIdempotent) {
  adapter.create_schema(*connection, {"", "marts"});
  adapter.create_schema(*connection, {"", "marts"});
  std::vector<std::string> schemas = adapter.list_schemas(*connection, "");
  EXPECT_NE(std::find(schemas.begin(), schemas.end(), "marts"), schemas.end());
}

TEST_F(DuckDbCatalogTest, DropRelationDropsTablesAndViewsAndIgnoresMissingOnes) {
  adapter.drop_relation(*connection, named("analytics", "big_orders"));
  adapter.drop_relation(*connection, named("analytics", "orders"));
  adapter.drop_relation(*connection, named("analytics", "never_existed"));
  EXPECT_TRUE(adapter.catalog(*connection, {{"", "analytics"}}).empty());
}

TEST_F(DuckDbCatalogTest, RenameRelationKeepsItsSchema) {
  adapter.rename_relation(*connection, named("analytics", "orders"), "orders_old");
  adapter.rename_relation(*connection, named("analytics", "big_orders"), "large_orders");
  EXPECT_TRUE(adapter.get_relation(*connection, named("analytics", "orders_old")).has_value());
  EXPECT_TRUE(adapter.get_relation(*connection, named("analytics", "large_orders")).has_value());
  EXPECT_FALSE(adapter.get_relation(*connection, named("analytics", "orders")).has_value());
  EXPECT_THROW(adapter.rename_relation(*connection, named("analytics", "missing"), "x"),
               WarehouseError);
}

TEST_F(DuckDbCatalogTest, CatalogOfManyTablesIsComplete) {
  std::string ddl = "CREATE SCHEMA wide;";
  for (int i = 0; i < 200; ++i)
    ddl += fmt::format("CREATE TABLE wide.t{} (a INTEGER, b VARCHAR);", i);
  connection->execute(ddl);
  std::vector<CatalogRelation> catalog = adapter.catalog(*connection, {{"", "wide"}});
  ASSERT_EQ(catalog.size(), 200u);
  for (const CatalogRelation& entry : catalog)
    ASSERT_EQ(entry.columns.size(), 2u);
}

}  // namespace
}  // namespace kiln::warehouse
