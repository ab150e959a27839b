// Result cells for every common DuckDB type: native values where they fit, and otherwise the
// very text DuckDB itself gives when the value is cast to VARCHAR (checked against DuckDB, not
// against strings written here, so a formatting difference cannot hide).

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "warehouse_test_support.h"

namespace kiln::warehouse {
namespace {

using testing::DuckDbTest;

TEST_F(DuckDbTest, IntegersOfEveryWidthUpTo64BitsAreNativeIntegers) {
  ResultTable result = connection->execute(
      "SELECT (-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INTEGER, "
      "(-9223372036854775808)::BIGINT, 255::UTINYINT, 65535::USMALLINT, 4294967295::UINTEGER");
  const std::vector<Cell> expected = {int64_t{-128},      int64_t{-32768}, int64_t{-2147483648},
                                      INT64_MIN,          int64_t{255},    int64_t{65535},
                                      int64_t{4294967295}};
  EXPECT_EQ(result.rows.at(0), expected);
  for (const ResultColumn& column : result.columns)
    EXPECT_EQ(column.kind, ValueKind::Integer);
  EXPECT_EQ(result.columns[0].type, "TINYINT");
  EXPECT_EQ(result.columns[6].type, "UINTEGER");
}

TEST_F(DuckDbTest, WideIntegersAreExactText) {
  ResultTable result = connection->execute(
      "SELECT 18446744073709551615::UBIGINT, (-170141183460469231731687303715884105728)::HUGEINT, "
      "340282366920938463463374607431768211455::UHUGEINT");
  EXPECT_EQ(result.rows.at(0)[0], Cell(std::string("18446744073709551615")));
  EXPECT_EQ(result.rows.at(0)[1], Cell(std::string("-170141183460469231731687303715884105728")));
  EXPECT_EQ(result.rows.at(0)[2], Cell(std::string("340282366920938463463374607431768211455")));
  EXPECT_EQ(result.columns[1].type, "HUGEINT");
}

TEST_F(DuckDbTest, BooleansAndFloatsAreNative) {
  ResultTable result = connection->execute("SELECT true, false, 0.5::FLOAT, 1e300::DOUBLE");
  EXPECT_EQ(result.rows.at(0)[0], Cell(true));
  EXPECT_EQ(result.rows.at(0)[1], Cell(false));
  EXPECT_EQ(result.rows.at(0)[2], Cell(0.5));
  EXPECT_EQ(result.rows.at(0)[3], Cell(1e300));
  EXPECT_EQ(result.columns[2].kind, ValueKind::Float);
}

TEST_F(DuckDbTest, NullsOfEveryTypeAreNullCells) {
  ResultTable result = connection->execute(
      "SELECT NULL::INTEGER, NULL::VARCHAR, NULL::DECIMAL(10,2), NULL::DATE, NULL::INTEGER[]");
  for (const Cell& cell : result.rows.at(0))
    EXPECT_TRUE(is_null(cell));
}

// Each expression's cell must be exactly DuckDB's own text for it.
struct TextCase {
  const char* expression;
  const char* type;  // DuckDB's typeof()
  ValueKind kind;
};

void PrintTo(const TextCase& test, std::ostream* out) {
  *out << test.expression;
}

class DuckDbTextTest : public DuckDbTest, public ::testing::WithParamInterface<TextCase> {};

TEST_P(DuckDbTextTest, CellIsDuckDbsOwnTextAndTypeIsTypeof) {
  const TextCase& test = GetParam();
  connection->execute("SET TimeZone = 'UTC'");
  ResultTable result = connection->execute(fmt::format(
      "SELECT v, v::VARCHAR AS text, typeof(v) AS type FROM (SELECT {} AS v)", test.expression));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0][0], result.rows[0][1]) << test.expression;
  EXPECT_EQ(result.columns[0].type, cell_text(result.rows[0][2])) << test.expression;
  EXPECT_EQ(result.columns[0].type, test.type) << test.expression;
  EXPECT_EQ(result.columns[0].kind, test.kind) << test.expression;
}

INSTANTIATE_TEST_SUITE_P(
    Types, DuckDbTextTest,
    ::testing::Values(
        TextCase{"12.50::DECIMAL(10,2)", "DECIMAL(10,2)", ValueKind::Decimal},
        TextCase{"-0.05::DECIMAL(4,2)", "DECIMAL(4,2)", ValueKind::Decimal},
        TextCase{"123456789012345.123::DECIMAL(18,3)", "DECIMAL(18,3)", ValueKind::Decimal},
        TextCase{"-12345678901234567890123.4567::DECIMAL(38,4)", "DECIMAL(38,4)",
                 ValueKind::Decimal},
        TextCase{"7::DECIMAL(9,0)", "DECIMAL(9,0)", ValueKind::Decimal},
        TextCase{"DATE '2024-02-29'", "DATE", ValueKind::Date},
        TextCase{"DATE '0044-03-15' - INTERVAL 100 YEAR", "TIMESTAMP", ValueKind::Timestamp},
        TextCase{"DATE '-0043-03-15'", "DATE", ValueKind::Date},
        TextCase{"'infinity'::DATE", "DATE", ValueKind::Date},
        TextCase{"TIME '13:04:05.25'", "TIME", ValueKind::Time},
        TextCase{"TIMESTAMP '2024-01-31 10:00:00'", "TIMESTAMP", ValueKind::Timestamp},
        TextCase{"TIMESTAMP '1969-12-31 23:59:59.999999'", "TIMESTAMP", ValueKind::Timestamp},
        TextCase{"TIMESTAMP '2024-01-31 10:00:00.120'", "TIMESTAMP", ValueKind::Timestamp},
        TextCase{"'-infinity'::TIMESTAMP", "TIMESTAMP", ValueKind::Timestamp},
        TextCase{"TIMESTAMP_S '2024-01-31 10:00:01'", "TIMESTAMP_S", ValueKind::Timestamp},
        TextCase{"TIMESTAMP_MS '2024-01-31 10:00:01.5'", "TIMESTAMP_MS", ValueKind::Timestamp},
        TextCase{"TIMESTAMP_NS '2024-01-31 10:00:01.123456789'", "TIMESTAMP_NS",
                 ValueKind::Timestamp},
        TextCase{"TIMESTAMPTZ '2024-01-31 10:00:00+02'", "TIMESTAMP WITH TIME ZONE",
                 ValueKind::TimestampTz},
        TextCase{"TIMETZ '10:00:00+05:30'", "TIME WITH TIME ZONE", ValueKind::Time},
        TextCase{"INTERVAL '1 year 2 months 3 days 04:05:06.789'", "INTERVAL", ValueKind::Interval},
        TextCase{"INTERVAL '-1 day'", "INTERVAL", ValueKind::Interval},
        TextCase{"INTERVAL '0 seconds'", "INTERVAL", ValueKind::Interval},
        TextCase{"INTERVAL '-36 hours'", "INTERVAL", ValueKind::Interval},
        TextCase{"INTERVAL '-14 months'", "INTERVAL", ValueKind::Interval},
        TextCase{"'hello'::VARCHAR", "VARCHAR", ValueKind::Text},
        TextCase{"'{\"a\": 1}'::JSON", "JSON", ValueKind::Text},
        TextCase{"'\\xAA\\x00ab\\x5C''\"'::BLOB", "BLOB", ValueKind::Blob},
        TextCase{"'101101'::BIT", "BIT", ValueKind::Blob},
        TextCase{"'0123e456-789a-4bcd-8ef0-123456789abc'::UUID", "UUID", ValueKind::Uuid},
        TextCase{"'b'::ENUM('a', 'b')", "ENUM('a', 'b')", ValueKind::Text},
        TextCase{"[1, 2, NULL]", "INTEGER[]", ValueKind::Nested},
        TextCase{"['a', 'b c', 'd,e', '', 'it''s', NULL]", "VARCHAR[]", ValueKind::Nested},
        TextCase{"[[1.5, 2.0], []]", "DECIMAL(2,1)[][]", ValueKind::Nested},
        TextCase{"[1.5::DOUBLE, 2.0::DOUBLE, 1e20::DOUBLE]", "DOUBLE[]", ValueKind::Nested},
        TextCase{"[1, 2, 3]::INTEGER[3]", "INTEGER[3]", ValueKind::Nested},
        TextCase{"{'a': 1, 'B c': 'x', 'n': NULL::DATE}",
                 "STRUCT(a INTEGER, \"B c\" VARCHAR, n DATE)", ValueKind::Nested},
        TextCase{"MAP {'k': 1, 'l': 2}", "MAP(VARCHAR, INTEGER)", ValueKind::Nested},
        TextCase{"union_value(num := 2)::UNION(num INTEGER, str VARCHAR)",
                 "UNION(num INTEGER, str VARCHAR)", ValueKind::Nested},
        TextCase{"[DATE '2024-01-01', NULL]", "DATE[]", ValueKind::Nested},
        TextCase{"[{'x': [1]}]", "STRUCT(x INTEGER[])[]", ValueKind::Nested}));

}  // namespace
}  // namespace kiln::warehouse
