#include "jinja/bigint.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace kiln::jinja {
namespace {

BigInt big(const char* text) {
  return *BigInt::parse(text);
}

TEST(BigInt, ParsesAndPrintsDecimal) {
  EXPECT_EQ(big("0").to_string(), "0");
  EXPECT_EQ(big("-0").to_string(), "0");
  EXPECT_EQ(big("+42").to_string(), "42");
  EXPECT_EQ(big("1267650600228229401496703205376").to_string(), "1267650600228229401496703205376");
  EXPECT_EQ(big("-18446744073709551616").to_string(), "-18446744073709551616");
  EXPECT_EQ(big("1_000_000").to_string(), "1000000");
  EXPECT_EQ(big("1000000000").to_string(), "1000000000");  // a whole 10**9 chunk
}

TEST(BigInt, RejectsMalformedText) {
  EXPECT_FALSE(BigInt::parse(""));
  EXPECT_FALSE(BigInt::parse("-"));
  EXPECT_FALSE(BigInt::parse("12a"));
  EXPECT_FALSE(BigInt::parse("_1"));
  EXPECT_FALSE(BigInt::parse("1__0"));
  EXPECT_FALSE(BigInt::parse("1_"));
  EXPECT_FALSE(BigInt::parse(" 1"));
}

TEST(BigInt, ParsesOtherBases) {
  EXPECT_EQ(BigInt::parse("ff", 16)->to_string(), "255");
  EXPECT_EQ(BigInt::parse("-101", 2)->to_string(), "-5");
  EXPECT_EQ(big("255").to_string(16), "ff");
  EXPECT_EQ(big("-8").to_string(8), "-10");
  EXPECT_FALSE(BigInt::parse("2", 2));
}

TEST(BigInt, Int64RoundTripIncludingExtremes) {
  for (int64_t v : {int64_t{0}, int64_t{1}, int64_t{-1}, std::numeric_limits<int64_t>::max(),
                    std::numeric_limits<int64_t>::min()}) {
    BigInt b(v);
    EXPECT_TRUE(b.fits_int64());
    EXPECT_EQ(b.to_int64(), v);
    EXPECT_EQ(b.to_string(), std::to_string(v));
  }
  EXPECT_FALSE(big("9223372036854775808").fits_int64());
  EXPECT_TRUE(big("-9223372036854775808").fits_int64());
  EXPECT_FALSE(big("-9223372036854775809").fits_int64());
}

TEST(BigInt, Arithmetic) {
  BigInt two64 = big("18446744073709551616");
  EXPECT_EQ((two64 + BigInt(1)).to_string(), "18446744073709551617");
  EXPECT_EQ((two64 - two64).to_string(), "0");
  EXPECT_FALSE((two64 - two64).is_negative());
  EXPECT_EQ((BigInt(5) - two64).to_string(), "-18446744073709551611");
  EXPECT_EQ((two64 * two64).to_string(), "340282366920938463463374607431768211456");
  EXPECT_EQ((two64 * BigInt(-3)).to_string(), "-55340232221128654848");
  EXPECT_EQ(BigInt(2).pow(100).to_string(), "1267650600228229401496703205376");
  EXPECT_EQ(BigInt(-3).pow(3).to_string(), "-27");
  EXPECT_EQ(BigInt(7).pow(0).to_string(), "1");
}

struct DivCase {
  const char* a;
  const char* b;
  const char* quotient;   // Python's a // b
  const char* remainder;  // Python's a % b
};

TEST(BigInt, FloorDivmodMatchesPython) {
  const DivCase cases[] = {
      {"18446744073709551616", "3", "6148914691236517205", "1"},
      {"-1180591620717411303424", "7", "-168655945816773043347", "5"},
      {"1180591620717411303424", "-7", "-168655945816773043347", "-5"},
      {"1267650600228229401496703205376", "1099511627777", "1152921504605798400",
       "1267650600228229401496703205376"},
      {"-7", "2", "-4", "1"},
      {"7", "-2", "-4", "-1"},
      {"-7", "-2", "3", "-1"},
      {"3", "18446744073709551616", "0", "3"},
      {"-3", "18446744073709551616", "-1", "18446744073709551613"},
  };
  for (const auto& c : cases) {
    BigInt q, r;
    BigInt::floor_divmod(big(c.a), big(c.b), &q, &r);
    EXPECT_EQ(q.to_string(), c.quotient) << c.a << " // " << c.b;
    if (std::string(c.a) == "1267650600228229401496703205376") {
      // 2**100 % (2**40 + 1), checked through the identity a == q*b + r.
      EXPECT_EQ((q * big(c.b) + r).to_string(), c.a);
    } else {
      EXPECT_EQ(r.to_string(), c.remainder) << c.a << " % " << c.b;
    }
  }
}

TEST(BigInt, MultiLimbDivisionIsExact) {
  // (x * y + z) // y == x and % y == z for multi-limb operands, which exercises the
  // quotient-digit correction of long division.
  BigInt x = big("98765432109876543210987654321098765432109876543210");
  BigInt y = big("340282366920938463463374607431768211455");  // 2**128 - 1
  BigInt z = big("12345678901234567890");
  BigInt q, r;
  BigInt::floor_divmod(x * y + z, y, &q, &r);
  EXPECT_EQ(q, x);
  EXPECT_EQ(r, z);
}

TEST(BigInt, ToDoubleRoundsToNearestEven) {
  EXPECT_EQ(big("9007199254740993").to_double(), 9007199254740992.0);  // 2**53 + 1: tie, even
  EXPECT_EQ(big("9007199254740995").to_double(), 9007199254740996.0);
  EXPECT_EQ(big("1267650600228229401496703205376").to_double(), std::ldexp(1.0, 100));
  // 2**100 + 2**47 + 1 is just above the halfway point: rounds up.
  BigInt above = BigInt(2).pow(100) + BigInt(2).pow(47) + BigInt(1);
  EXPECT_EQ(above.to_double(), std::ldexp(1.0, 100) + std::ldexp(1.0, 48));
  EXPECT_EQ((-BigInt(2).pow(70)).to_double(), -std::ldexp(1.0, 70));
  EXPECT_TRUE(std::isinf(BigInt(10).pow(400).to_double()));
}

TEST(BigInt, FromDoubleTruncates) {
  EXPECT_EQ(BigInt::from_double(1e20).to_string(), "100000000000000000000");
  EXPECT_EQ(BigInt::from_double(-2.9).to_string(), "-2");
  EXPECT_EQ(BigInt::from_double(0.5).to_string(), "0");
  EXPECT_EQ(BigInt::from_double(std::ldexp(1.0, 80)).to_string(), "1208925819614629174706176");
}

TEST(BigInt, PythonHash) {
  EXPECT_EQ(big("2305843009213693952").python_hash(), 1);  // 2**61
  EXPECT_EQ(BigInt(-1).python_hash(), -2);
  EXPECT_EQ(BigInt(-5).python_hash(), -5);
  EXPECT_EQ(BigInt(2).pow(100).python_hash(), BigInt(2).pow(100 % 61).python_hash());
}

TEST(BigInt, Compare) {
  EXPECT_LT(big("-18446744073709551616"), BigInt(-1));
  EXPECT_LT(BigInt(1), big("18446744073709551616"));
  EXPECT_LT(big("-18446744073709551617"), big("-18446744073709551616"));
  EXPECT_EQ(BigInt::compare(BigInt(3), BigInt(3)), 0);
}

}  // namespace
}  // namespace kiln::jinja
