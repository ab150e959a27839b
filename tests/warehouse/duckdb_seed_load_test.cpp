#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>

#include "warehouse/error.h"
#include "warehouse_test_support.h"

namespace kiln::warehouse {
namespace {

using testing::DuckDbTest;
using testing::TempDir;

Relation in_main(std::string identifier) {
  Relation relation;
  relation.identifier = std::move(identifier);
  return relation;
}

class DuckDbSeedLoadTest : public DuckDbTest {
 protected:
  std::filesystem::path write_csv(const std::string& name, const std::string& content) {
    std::filesystem::path path = dir.path() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  SeedLoadResult load(const std::string& table, const std::string& content,
                      const SeedCsvOptions& options = {}) {
    return adapter.load_csv(*connection, in_main(table), write_csv(table + ".csv", content),
                            options);
  }

  std::map<std::string, std::string> column_types(const SeedLoadResult& result) {
    std::map<std::string, std::string> types;
    for (const CatalogColumn& column : result.columns)
      types[column.name] = column.type;
    return types;
  }

  TempDir dir;
};

TEST_F(DuckDbSeedLoadTest, InfersDbtTypesAndLoadsValues) {
  SeedLoadResult result =
      load("people",
           "id,name,amount,joined,last_seen,active,nothing\n"
           "1,\"Smith, Jane\",\"$1,234.50\",2024-01-31,2024-01-31 10:00:00,true,\n"
           "2,\"Say \"\"hi\"\"\",7,2024-2-9,2024-02-09 08:30:00,False,null\n"
           "3,\"two\nlines\",-0.25,,,,\n");
  EXPECT_EQ(result.rows, 3);
  std::map<std::string, std::string> expected = {
      {"id", "INTEGER"},          {"name", "VARCHAR"},   {"amount", "DOUBLE"},  {"joined", "DATE"},
      {"last_seen", "TIMESTAMP"}, {"active", "BOOLEAN"}, {"nothing", "INTEGER"}};
  EXPECT_EQ(column_types(result), expected);
  ASSERT_EQ(result.columns.at(0).name, "id");  // the file's column order

  ResultTable rows = connection->execute("SELECT * FROM people ORDER BY id");
  EXPECT_EQ(rows.at(0, "name"), Cell(std::string("Smith, Jane")));
  EXPECT_EQ(rows.at(1, "name"), Cell(std::string("Say \"hi\"")));
  EXPECT_EQ(rows.at(2, "name"), Cell(std::string("two\nlines")));
  EXPECT_EQ(rows.at(0, "amount"), Cell(1234.5));
  EXPECT_EQ(rows.at(2, "amount"), Cell(-0.25));
  EXPECT_EQ(rows.at(1, "joined"), Cell(std::string("2024-02-09")));
  EXPECT_EQ(rows.at(0, "last_seen"), Cell(std::string("2024-01-31 10:00:00")));
  EXPECT_EQ(rows.at(0, "active"), Cell(true));
  EXPECT_EQ(rows.at(1, "active"), Cell(false));
  EXPECT_TRUE(is_null(rows.at(2, "joined")));
  EXPECT_TRUE(is_null(rows.at(2, "active")));
  EXPECT_TRUE(is_null(rows.at(1, "nothing")));
}

TEST_F(DuckDbSeedLoadTest, TextKeepsItsSpacesAndNullsAreEmptyOrNull) {
  load("texts", "s\n  padded  \nNULL\n\"\"\nnull text\n");
  ResultTable rows = connection->execute("SELECT s FROM texts");
  ASSERT_EQ(rows.rows.size(), 4u);
  EXPECT_EQ(rows.rows[0][0], Cell(std::string("  padded  ")));
  EXPECT_TRUE(is_null(rows.rows[1][0]));
  EXPECT_TRUE(is_null(rows.rows[2][0]));
  EXPECT_EQ(rows.rows[3][0], Cell(std::string("null text")));
}

TEST_F(DuckDbSeedLoadTest, DelimiterAndQuoteAreTheSeedsOwn) {
  SeedCsvOptions options;
  options.delimiter = ';';
  options.quote = '\'';
  SeedLoadResult result = load("semicolons", "a;b\n1;'x;y'\n2;'it''s'\n", options);
  EXPECT_EQ(column_types(result)["a"], "INTEGER");
  ResultTable rows = connection->execute("SELECT b FROM semicolons ORDER BY a");
  EXPECT_EQ(rows.rows.at(0)[0], Cell(std::string("x;y")));
  EXPECT_EQ(rows.rows.at(1)[0], Cell(std::string("it's")));
}

TEST_F(DuckDbSeedLoadTest, ColumnTypesOverrideInference) {
  SeedCsvOptions options;
  options.column_types = {{"zip", "VARCHAR"}, {"price", "DECIMAL(10,2)"}, {"when", "DATE"}};
  SeedLoadResult result =
      load("overrides", "zip,price,when,n\n00501,1.5,2024-01-01,1\n,null,,2\n", options);
  std::map<std::string, std::string> expected = {
      {"zip", "VARCHAR"}, {"price", "DECIMAL(10,2)"}, {"when", "DATE"}, {"n", "INTEGER"}};
  EXPECT_EQ(column_types(result), expected);
  ResultTable rows = connection->execute("SELECT * FROM overrides ORDER BY n");
  EXPECT_EQ(rows.at(0, "zip"), Cell(std::string("00501")));  // leading zeros kept
  EXPECT_EQ(rows.at(0, "price"), Cell(std::string("1.50")));
  EXPECT_TRUE(is_null(rows.at(1, "zip")));
  EXPECT_TRUE(is_null(rows.at(1, "price")));
}

TEST_F(DuckDbSeedLoadTest, AnOverrideTheValuesDoNotFitFailsWithDuckDbsMessage) {
  SeedCsvOptions options;
  options.column_types = {{"n", "INTEGER"}};
  try {
    load("bad", "n\nabc\n", options);
    FAIL() << "expected an error";
  } catch (const WarehouseError& error) {
    EXPECT_NE(error.engine_message().find("Conversion Error"), std::string::npos)
        << error.engine_message();
  }
}

TEST_F(DuckDbSeedLoadTest, WideIntegersAndZonedTimestamps) {
  SeedLoadResult result = load("wide",
                               "big,huge,seen_at\n"
                               "3000000000,99999999999999999999,2024-01-31T10:00:00Z\n"
                               "1,1,2024-01-31T12:00:00+02:00\n");
  EXPECT_EQ(column_types(result)["big"], "BIGINT");
  EXPECT_EQ(column_types(result)["huge"], "HUGEINT");
  EXPECT_EQ(column_types(result)["seen_at"], "TIMESTAMP WITH TIME ZONE");
  connection->execute("SET TimeZone = 'UTC'");
  ResultTable rows =
      connection->execute("SELECT count(DISTINCT seen_at) AS instants, max(big) AS m FROM wide");
  EXPECT_EQ(rows.at(0, "instants"), Cell(int64_t{1}));  // both are 10:00 UTC
  EXPECT_EQ(rows.at(0, "m"), Cell(int64_t{3000000000}));
}

TEST_F(DuckDbSeedLoadTest, AHeaderOnlyFileMakesAnEmptyTable) {
  SeedLoadResult result = load("header_only", "a,b\n");
  EXPECT_EQ(result.rows, 0);
  ASSERT_EQ(result.columns.size(), 2u);
  EXPECT_EQ(result.columns[0].type, "INTEGER");
}

TEST_F(DuckDbSeedLoadTest, ManyRowsLoadInBulk) {
  std::string content = "i,label,value\n";
  for (int i = 0; i < 50000; ++i)
    content += fmt::format("{},row {},{}.5\n", i, i, i);
  SeedLoadResult result = load("many", content);
  EXPECT_EQ(result.rows, 50000);
  EXPECT_EQ(scalar("SELECT sum(i) FROM many"), Cell(std::string("1249975000")));
  EXPECT_EQ(column_types(result)["value"], "DOUBLE");
}

TEST_F(DuckDbSeedLoadTest, AnExistingTableIsNotReplaced) {
  connection->execute("CREATE TABLE taken (i INTEGER)");
  EXPECT_THROW(load("taken", "i\n1\n"), WarehouseError);
}

TEST_F(DuckDbSeedLoadTest, AMissingFileFailsWithDuckDbsMessage) {
  try {
    adapter.load_csv(*connection, in_main("x"), dir.path() / "missing.csv", {});
    FAIL() << "expected an error";
  } catch (const WarehouseError& error) {
    EXPECT_NE(error.engine_message().find("missing.csv"), std::string::npos)
        << error.engine_message();
  }
}

}  // namespace
}  // namespace kiln::warehouse
