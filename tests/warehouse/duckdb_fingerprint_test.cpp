#include <gtest/gtest.h>

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

class DuckDbFingerprintTest : public DuckDbTest {
 protected:
  std::string fingerprint(const std::string& table) {
    return adapter.content_fingerprint(*connection, in_main(table));
  }
};

TEST_F(DuckDbFingerprintTest, SameRowsInAnotherOrderGiveTheSameToken) {
  connection->execute(
      "CREATE TABLE a AS SELECT * FROM (VALUES (1, 'x'), (2, 'y'), (3, NULL)) v(i, s);"
      "CREATE TABLE b AS SELECT * FROM (VALUES (3, NULL), (1, 'x'), (2, 'y')) v(i, s);");
  EXPECT_EQ(fingerprint("a"), fingerprint("b"));
}

TEST_F(DuckDbFingerprintTest, AddedChangedAndDuplicatedRowsChangeTheToken) {
  connection->execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'x'), (2, 'y')) v(i, s)");
  std::string original = fingerprint("t");

  connection->execute("INSERT INTO t VALUES (3, 'z')");
  std::string added = fingerprint("t");
  EXPECT_NE(added, original);

  connection->execute("DELETE FROM t WHERE i = 3");
  EXPECT_EQ(fingerprint("t"), original);  // back to the same rows: back to the same token

  connection->execute("UPDATE t SET s = 'changed' WHERE i = 2");
  EXPECT_NE(fingerprint("t"), original);
  connection->execute("UPDATE t SET s = 'y' WHERE i = 2");

  // The same row twice: bit_xor would cancel the pair out; the sum does not.
  connection->execute("INSERT INTO t VALUES (1, 'x'), (1, 'x')");
  std::string duplicated = fingerprint("t");
  EXPECT_NE(duplicated, original);
  connection->execute("INSERT INTO t VALUES (1, 'x')");
  EXPECT_NE(fingerprint("t"), duplicated);
}

TEST_F(DuckDbFingerprintTest, EmptyTableHasAToken) {
  connection->execute("CREATE TABLE empty (i INTEGER)");
  EXPECT_EQ(fingerprint("empty"), "0:0");
}

TEST_F(DuckDbFingerprintTest, BatchedTokensMatchSingleOnesInOrder) {
  connection->execute(
      "CREATE TABLE a AS SELECT range AS i FROM range(10);"
      "CREATE TABLE b AS SELECT range AS i FROM range(20);"
      "CREATE VIEW c AS SELECT i * 2 AS j FROM a;");
  std::vector<std::string> tokens =
      adapter.content_fingerprints(*connection, {in_main("c"), in_main("a"), in_main("b")});
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0], fingerprint("c"));
  EXPECT_EQ(tokens[1], fingerprint("a"));
  EXPECT_EQ(tokens[2], fingerprint("b"));
  EXPECT_NE(tokens[1], tokens[2]);
  EXPECT_TRUE(adapter.content_fingerprints(*connection, {}).empty());
}

TEST_F(DuckDbFingerprintTest, AMissingRelationIsAnError) {
  EXPECT_THROW(fingerprint("missing"), WarehouseError);
}

}  // namespace
}  // namespace kiln::warehouse
