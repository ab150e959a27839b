// swap_in: the building block of "a rebuild never exposes a half-built relation".

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <set>
#include <thread>

#include "warehouse/error.h"
#include "warehouse_test_support.h"

namespace kiln::warehouse {
namespace {

using testing::DuckDbTest;

Relation in_main(std::string identifier) {
  Relation relation;
  relation.identifier = std::move(identifier);
  return relation;
}

class DuckDbSwapInTest : public DuckDbTest {
 protected:
  void build(const std::string& name, int rows, const std::string& tag) {
    connection->execute(fmt::format(
        "CREATE TABLE {} AS SELECT range AS i, '{}' AS tag FROM range({})", name, tag, rows));
  }
  std::string tag_of(const std::string& name) {
    return cell_text(scalar(fmt::format("SELECT min(tag) FROM {}", name)));
  }
};

TEST_F(DuckDbSwapInTest, ReplacesTheTargetAndRemovesTheBuiltName) {
  build("target", 10, "old");
  build("target__kiln_new", 20, "new");
  adapter.swap_in(*connection, in_main("target__kiln_new"), in_main("target"));
  EXPECT_EQ(tag_of("target"), "new");
  EXPECT_EQ(scalar("SELECT count(*) FROM target"), Cell(int64_t{20}));
  EXPECT_FALSE(adapter.get_relation(*connection, in_main("target__kiln_new")).has_value());
  EXPECT_FALSE(connection->in_transaction());
}

TEST_F(DuckDbSwapInTest, WorksWhenTheTargetDoesNotExistYet) {
  build("fresh__kiln_new", 3, "new");
  adapter.swap_in(*connection, in_main("fresh__kiln_new"), in_main("fresh"));
  EXPECT_EQ(tag_of("fresh"), "new");
}

TEST_F(DuckDbSwapInTest, ReplacesAViewWithATableAndATableWithAView) {
  connection->execute("CREATE VIEW target AS SELECT 'view' AS tag");
  build("target__kiln_new", 1, "table");
  adapter.swap_in(*connection, in_main("target__kiln_new"), in_main("target"));
  EXPECT_EQ(adapter.get_relation(*connection, in_main("target"))->type, RelationType::Table);

  connection->execute("CREATE VIEW target__kiln_new AS SELECT 'view again' AS tag");
  adapter.swap_in(*connection, in_main("target__kiln_new"), in_main("target"));
  EXPECT_EQ(adapter.get_relation(*connection, in_main("target"))->type, RelationType::View);
  EXPECT_EQ(tag_of("target"), "view again");
}

TEST_F(DuckDbSwapInTest, AFailedSwapLeavesTheOldRelation) {
  build("target", 10, "old");
  // The built relation is missing, so the rename fails after the drop: the drop must not stay.
  EXPECT_THROW(adapter.swap_in(*connection, in_main("missing"), in_main("target")), WarehouseError);
  EXPECT_FALSE(connection->in_transaction());
  EXPECT_EQ(tag_of("target"), "old");
}

TEST_F(DuckDbSwapInTest, InsideTheCallersTransactionItCommitsOrRollsBackWithIt) {
  build("target", 10, "old");
  build("target__kiln_new", 20, "new");
  connection->begin();
  adapter.swap_in(*connection, in_main("target__kiln_new"), in_main("target"));
  EXPECT_TRUE(connection->in_transaction());
  connection->rollback();
  EXPECT_EQ(tag_of("target"), "old");

  connection->begin();
  adapter.swap_in(*connection, in_main("target__kiln_new"), in_main("target"));
  connection->execute("CREATE TABLE state_record AS SELECT 'built' AS what");
  connection->commit();
  EXPECT_EQ(tag_of("target"), "new");
  EXPECT_TRUE(adapter.get_relation(*connection, in_main("state_record")).has_value());
}

TEST_F(DuckDbSwapInTest, RelationsInDifferentSchemasAreRefused) {
  connection->execute("CREATE SCHEMA other");
  build("other.built", 1, "new");
  Relation built = in_main("built");
  built.schema = "other";
  EXPECT_THROW(adapter.swap_in(*connection, built, in_main("target")), WarehouseError);
}

// A reader on another connection, querying while the target is swapped again and again,
// sees the old rows or the new rows, and never a missing table.
TEST_F(DuckDbSwapInTest, AConcurrentReaderSeesOldOrNewNeverNeither) {
  build("target", 100, "gen0");
  std::atomic<bool> done = false;
  std::set<std::string> seen;
  std::vector<std::string> errors;
  std::thread reader([&] {
    auto own = adapter.open_connection();
    while (!done) {
      try {
        ResultTable result = own->execute("SELECT count(*) AS n, min(tag) AS tag FROM target");
        seen.insert(
            fmt::format("{}:{}", cell_text(result.at(0, "n")), cell_text(result.at(0, "tag"))));
      } catch (const WarehouseError& error) {
        errors.push_back(error.engine_message());
      }
    }
  });
  constexpr int kGenerations = 15;
  for (int generation = 1; generation <= kGenerations; ++generation) {
    build("target__kiln_new", 100 + generation, fmt::format("gen{}", generation));
    adapter.swap_in(*connection, in_main("target__kiln_new"), in_main("target"));
  }
  done = true;
  reader.join();
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_FALSE(seen.empty());
  for (const std::string& observation : seen) {
    // Every observation is one whole generation: its row count matches its tag.
    int count = std::stoi(observation.substr(0, observation.find(':')));
    int generation = std::stoi(observation.substr(observation.find(":gen") + 4));
    EXPECT_EQ(count, 100 + generation) << observation;
  }
  EXPECT_EQ(tag_of("target"), fmt::format("gen{}", kGenerations));
}

}  // namespace
}  // namespace kiln::warehouse
