// Values become SQL literals in one place; these read back unchanged through DuckDB.

#include "state/sql_literal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "state/timestamp_text.h"
#include "state_test_support.h"

namespace kiln::state {
namespace {

using testing::DuckDbTest;

TEST(SqlLiteral, QuotesAreDoubled) {
  EXPECT_EQ(sql_text("it's"), "'it''s'");
  EXPECT_EQ(sql_text(""), "''");
  EXPECT_EQ(sql_text("''"), "''''''");
  EXPECT_EQ(sql_text_or_null(std::nullopt), "NULL");
  EXPECT_EQ(sql_text_or_null(std::string("x")), "'x'");
}

TEST(SqlLiteral, NulIsRefused) {
  EXPECT_THROW(sql_text(std::string_view("a\0b", 3)), std::invalid_argument);
}

TEST(SqlLiteral, NumbersAndNonFinite) {
  EXPECT_EQ(sql_number(1.5), "1.5");
  EXPECT_EQ(sql_number(0), "0");
  EXPECT_EQ(sql_number(std::nan("")), "NULL");
  EXPECT_EQ(sql_number(std::numeric_limits<double>::infinity()), "NULL");
}

class SqlLiteralRoundTrip : public DuckDbTest {};

TEST_F(SqlLiteralRoundTrip, HostileTextReadsBackUnchanged) {
  for (const std::string text :
       {"plain", "it's", "'; DROP TABLE x; --", "two\nlines\r\nand\ttab", "back\\slash\\'",
        "\"double\"", "$$dollar$$", "unicode \xc3\xa9\xe2\x82\xac", "", "'''",
        "/* comment */ -- line"}) {
    warehouse::Cell cell = scalar("SELECT " + sql_text(text) + " AS v");
    ASSERT_TRUE(std::holds_alternative<std::string>(cell)) << text;
    EXPECT_EQ(std::get<std::string>(cell), text);
  }
}

TEST_F(SqlLiteralRoundTrip, NumbersReadBackExactly) {
  for (double value : {0.1, 1e-300, 123456.789, -2.5}) {
    warehouse::Cell cell = scalar("SELECT CAST(" + sql_number(value) + " AS DOUBLE) AS v");
    EXPECT_EQ(std::get<double>(cell), value);
  }
}

TEST_F(SqlLiteralRoundTrip, TimestampsKeepMicroseconds) {
  auto time = parse_timestamp("2026-11-25 13:20:18.123456").value();
  warehouse::Cell cell = scalar("SELECT CAST(" + sql_timestamp(time) + " AS VARCHAR) AS v");
  EXPECT_EQ(std::get<std::string>(cell), "2026-11-25 13:20:18.123456");
}

}  // namespace
}  // namespace kiln::state
