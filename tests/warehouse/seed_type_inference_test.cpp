#include "warehouse/seed_type_inference.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiln::warehouse {
namespace {

SeedColumnType guess(const std::vector<std::string>& cells) {
  SeedColumnTypeGuesser guesser;
  for (const std::string& cell : cells)
    guesser.observe(cell);
  return guesser.guess();
}

TEST(SeedTypeInferenceTest, NullsAreEmptyOrNullInAnyCaseAndSpacing) {
  EXPECT_TRUE(is_seed_null(""));
  EXPECT_TRUE(is_seed_null("  "));
  EXPECT_TRUE(is_seed_null("null"));
  EXPECT_TRUE(is_seed_null(" NULL\t"));
  EXPECT_FALSE(is_seed_null("none"));
  EXPECT_FALSE(is_seed_null("nullish"));
}

TEST(SeedTypeInferenceTest, IntegersBySize) {
  EXPECT_EQ(guess({"1", "-2", "", "2147483647"}), SeedColumnType::Integer);
  EXPECT_EQ(guess({"-2147483648"}), SeedColumnType::Integer);
  EXPECT_EQ(guess({"2147483648"}), SeedColumnType::BigInteger);
  EXPECT_EQ(guess({"-9223372036854775808"}), SeedColumnType::BigInteger);
  EXPECT_EQ(guess({"9223372036854775808"}), SeedColumnType::WideInteger);
  EXPECT_EQ(guess({"000000000000000000000000001"}), SeedColumnType::Integer);
}

TEST(SeedTypeInferenceTest, AgatesNumberDecorationIsAccepted) {
  EXPECT_EQ(guess({"1,000", "$5", "-$7", "12%", " 3 "}), SeedColumnType::Integer);
  EXPECT_EQ(guess({"€1,234.50"}), SeedColumnType::Float);
  EXPECT_EQ(seed_number_text(" -$1,234.50 "), "-1234.50");
  EXPECT_EQ(seed_number_text("12%"), "12");
}

TEST(SeedTypeInferenceTest, DecimalsOrExponentsMakeAFloat) {
  EXPECT_EQ(guess({"1", "2.5"}), SeedColumnType::Float);
  EXPECT_EQ(guess({"1.0"}), SeedColumnType::Float);
  EXPECT_EQ(guess({".5"}), SeedColumnType::Float);
  EXPECT_EQ(guess({"1e5"}), SeedColumnType::Float);
  EXPECT_EQ(guess({"-1.5E-3"}), SeedColumnType::Float);
}

TEST(SeedTypeInferenceTest, OddNumbersMakeText) {
  EXPECT_EQ(guess({"1", "NaN"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"--5"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"5$5"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"1e"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"."}), SeedColumnType::Text);
  EXPECT_EQ(guess({"0x10"}), SeedColumnType::Text);
}

TEST(SeedTypeInferenceTest, Dates) {
  EXPECT_EQ(guess({"2024-01-31", "2024-2-9", "null"}), SeedColumnType::Date);
  EXPECT_EQ(guess({"2024-02-29"}), SeedColumnType::Date);
  EXPECT_EQ(guess({"2023-02-29"}), SeedColumnType::Text);  // not a leap year
  EXPECT_EQ(guess({"2024-13-01"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"24-01-01"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"2024/01/01"}), SeedColumnType::Text);
}

TEST(SeedTypeInferenceTest, DatetimesInOneStyleOrTheOther) {
  EXPECT_EQ(guess({"2024-01-31 10:00:00", "2024-1-1 1:2:3"}), SeedColumnType::Timestamp);
  EXPECT_EQ(guess({"2024-01-31T10:00:00", "2024-01-31T10:00", "2024-01-31T10:00:00.123456"}),
            SeedColumnType::Timestamp);
  EXPECT_EQ(guess({"2024-01-31T10:00:00Z", "2024-01-31T10:00:00+02:00"}),
            SeedColumnType::TimestampWithZone);
  // One style per column, as agate tests each type against every value.
  EXPECT_EQ(guess({"2024-01-31 10:00:00", "2024-01-31T10:00:00"}), SeedColumnType::Text);
  // A date and a datetime in one column fit neither.
  EXPECT_EQ(guess({"2024-01-31", "2024-01-31 10:00:00"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"2024-01-31 24:00:00"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"2024-01-31 10:00:00.5"}), SeedColumnType::Text);  // %S has no fraction
}

TEST(SeedTypeInferenceTest, BooleansAreTrueAndFalseOnly) {
  EXPECT_EQ(guess({"true", "False", " TRUE ", ""}), SeedColumnType::Boolean);
  EXPECT_EQ(guess({"true", "yes"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"1", "0"}), SeedColumnType::Integer);  // numbers win, as in dbt
}

TEST(SeedTypeInferenceTest, EmptyAndAllNullColumnsAreIntegers) {
  EXPECT_EQ(guess({}), SeedColumnType::Integer);
  EXPECT_EQ(guess({"", "null", "  "}), SeedColumnType::Integer);
}

TEST(SeedTypeInferenceTest, AnythingElseIsText) {
  EXPECT_EQ(guess({"1", "two"}), SeedColumnType::Text);
  EXPECT_EQ(guess({"hello"}), SeedColumnType::Text);
}

}  // namespace
}  // namespace kiln::warehouse
