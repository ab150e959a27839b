// Data versions of sources, tables and views, measured in a real DuckDB database.

#include "state/data_versions.h"

#include <gtest/gtest.h>

#include "state_test_support.h"
#include "warehouse/error.h"

namespace kiln::state {
namespace {

using testing::DuckDbTest;
using warehouse::Relation;
using warehouse::RelationType;

Relation table(const std::string& schema, const std::string& name) {
  return Relation{"memory", schema, name, RelationType::Table, {}, {}};
}

class DataVersionsTest : public DuckDbTest {
 protected:
  DataVersionsTest() {
    connection->execute(
        "CREATE SCHEMA raw;"
        "CREATE TABLE raw.wizards AS SELECT * FROM (VALUES (1, 'Merlin', TIMESTAMP '2024-01-01 "
        "10:00:00'), (2, 'Morgana', TIMESTAMP '2024-01-02 09:30:00')) t(id, name, loaded_at);"
        "CREATE TABLE raw.spells AS SELECT * FROM (VALUES (1, 'fire'), (2, 'ice')) t(id, name);");
  }

  SourceVersionRequest by_content(const std::string& name) {
    return {"source.p.raw." + name, table("raw", name), std::nullopt, std::nullopt};
  }
  SourceVersionRequest by_loaded_at(const std::string& name) {
    return {"source.p.raw." + name, table("raw", name), "loaded_at", std::nullopt};
  }

  DataVersions measure(const std::vector<SourceVersionRequest>& sources) {
    return source_data_versions(adapter, *connection, sources);
  }
};

TEST_F(DataVersionsTest, ContentVersionChangesWithTheRows) {
  std::string before = measure({by_content("spells")}).at("source.p.raw.spells");
  EXPECT_EQ(measure({by_content("spells")}).at("source.p.raw.spells"), before);
  connection->execute("INSERT INTO raw.spells VALUES (3, 'wind')");
  std::string added = measure({by_content("spells")}).at("source.p.raw.spells");
  EXPECT_NE(added, before);
  connection->execute("UPDATE raw.spells SET name = 'gale' WHERE id = 3");
  EXPECT_NE(measure({by_content("spells")}).at("source.p.raw.spells"), added);
  connection->execute("DELETE FROM raw.spells WHERE id = 3");
  EXPECT_EQ(measure({by_content("spells")}).at("source.p.raw.spells"), before);
}

TEST_F(DataVersionsTest, LoadedAtFieldIsTheNewestLoadTime) {
  EXPECT_EQ(measure({by_loaded_at("wizards")}).at("source.p.raw.wizards"),
            "loaded_at:2024-01-02 09:30:00");
  // As in dbt's source freshness, a row loaded with an older timestamp is not new data...
  connection->execute("INSERT INTO raw.wizards VALUES (3, 'Gandalf', TIMESTAMP '2023-12-31')");
  EXPECT_EQ(measure({by_loaded_at("wizards")}).at("source.p.raw.wizards"),
            "loaded_at:2024-01-02 09:30:00");
  // ...and a newer one is.
  connection->execute("INSERT INTO raw.wizards VALUES (4, 'Saruman', TIMESTAMP '2024-02-01')");
  EXPECT_EQ(measure({by_loaded_at("wizards")}).at("source.p.raw.wizards"),
            "loaded_at:2024-02-01 00:00:00");
}

TEST_F(DataVersionsTest, LoadedAtFieldMayBeAnExpression) {
  SourceVersionRequest source = by_loaded_at("wizards");
  source.loaded_at_field = "loaded_at + INTERVAL 1 DAY";
  EXPECT_EQ(measure({source}).at("source.p.raw.wizards"), "loaded_at:2024-01-03 09:30:00");
}

TEST_F(DataVersionsTest, EmptyTableHasANullLoadTime) {
  connection->execute("DELETE FROM raw.wizards");
  EXPECT_EQ(measure({by_loaded_at("wizards")}).at("source.p.raw.wizards"), "loaded_at:null");
}

TEST_F(DataVersionsTest, LoadedAtQuery) {
  SourceVersionRequest source = by_content("spells");
  source.loaded_at_query = "select TIMESTAMP '2025-05-05 05:05:05'";
  EXPECT_EQ(measure({source}).at("source.p.raw.spells"), "loaded_at:2025-05-05 05:05:05");
}

TEST_F(DataVersionsTest, MixedSourcesInOneCall) {
  connection->execute("CREATE TABLE raw.houses AS SELECT 1 AS id, now() AS loaded_at");
  DataVersions versions =
      measure({by_content("spells"), by_loaded_at("wizards"), by_loaded_at("houses")});
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions.at("source.p.raw.wizards"), "loaded_at:2024-01-02 09:30:00");
  EXPECT_EQ(versions.at("source.p.raw.spells"),
            measure({by_content("spells")}).at("source.p.raw.spells"));
  EXPECT_EQ(versions.at("source.p.raw.houses").rfind("loaded_at:20", 0), 0u);
  EXPECT_TRUE(measure({}).empty());
}

TEST_F(DataVersionsTest, MissingSourceThrows) {
  EXPECT_THROW(measure({by_content("ghosts")}), warehouse::WarehouseError);
  EXPECT_THROW(measure({by_loaded_at("ghosts")}), warehouse::WarehouseError);
}

TEST_F(DataVersionsTest, TableVersionsAreContentFingerprintsInOrder) {
  std::vector<std::string> versions =
      table_data_versions(adapter, *connection, {table("raw", "spells"), table("raw", "wizards")});
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0], adapter.content_fingerprint(*connection, table("raw", "spells")));
  EXPECT_EQ(versions[1], adapter.content_fingerprint(*connection, table("raw", "wizards")));
  EXPECT_NE(versions[0], versions[1]);
  EXPECT_TRUE(table_data_versions(adapter, *connection, {}).empty());
}

TEST_F(DataVersionsTest, ReorderedRowsKeepTheVersion) {
  connection->execute("CREATE TABLE raw.spells2 AS SELECT * FROM raw.spells ORDER BY id DESC");
  auto versions =
      table_data_versions(adapter, *connection, {table("raw", "spells"), table("raw", "spells2")});
  EXPECT_EQ(versions[0], versions[1]);
}

TEST(ViewDataVersion, FollowsItsInputs) {
  DataVersions inputs = {{"source.p.raw.a", "1:2"}, {"model.p.b", "3:4"}};
  std::string version = view_data_version(inputs);
  EXPECT_EQ(version.rfind("view:", 0), 0u);
  EXPECT_EQ(version.size(), 5u + 32u);
  EXPECT_EQ(view_data_version(inputs), version);
  DataVersions changed = inputs;
  changed["model.p.b"] = "3:5";
  EXPECT_NE(view_data_version(changed), version);
  DataVersions renamed = {{"source.p.raw.a", "1:2"}, {"model.p.c", "3:4"}};
  EXPECT_NE(view_data_version(renamed), version);
  EXPECT_NE(view_data_version({}), version);
}

}  // namespace
}  // namespace kiln::state
