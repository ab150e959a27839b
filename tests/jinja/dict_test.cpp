#include "jinja/dict.h"

#include <gtest/gtest.h>

#include "jinja/error.h"

namespace kiln::jinja {
namespace {

Value S(std::string s) {
  return Value::string(std::move(s));
}
Value I(int64_t i) {
  return Value::integer(i);
}

std::string keys_of(const Dict& d) {
  std::string out;
  for (const auto& entry : d.entries())
    out += entry.key.repr() + " ";
  return out;
}

TEST(Dict, KeepsInsertionOrderAndPositionOnOverwrite) {
  Dict d;
  d.set(S("b"), I(1));
  d.set(S("a"), I(2));
  d.set(S("c"), I(3));
  d.set(S("b"), I(4));
  EXPECT_EQ(keys_of(d), "'b' 'a' 'c' ");
  EXPECT_EQ(d.find(S("b"))->repr(), "4");
  EXPECT_EQ(d.size(), 3u);
}

TEST(Dict, NumericKeysUnifyAsPython) {
  Dict d;
  d.set(I(1), S("int"));
  d.set(Value::floating(1.0), S("float"));
  d.set(Value::boolean(true), S("bool"));
  EXPECT_EQ(d.size(), 1u);
  EXPECT_EQ(d.entries()[0].key.repr(), "1");  // the first key object is kept
  EXPECT_EQ(d.find(Value::floating(1.0))->str(), "bool");
  EXPECT_EQ(d.find(S("1")), nullptr);
}

TEST(Dict, StringViewLookupFindsStringKeysOnly) {
  Dict d;
  d.set(std::string_view("materialized"), S("table"));
  d.set(I(7), S("seven"));
  ASSERT_NE(d.find(std::string_view("materialized")), nullptr);
  EXPECT_EQ(d.find(std::string_view("materialized"))->str(), "table");
  EXPECT_EQ(d.find(S("materialized"))->str(), "table");
  EXPECT_EQ(d.find(std::string_view("7")), nullptr);
  d.set(std::string_view("materialized"), S("view"));
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.find(std::string_view("materialized"))->str(), "view");
}

TEST(Dict, LargeDictsUseTheIndexCorrectly) {
  Dict d;
  for (int i = 0; i < 1000; ++i)
    d.set(S("k" + std::to_string(i)), I(i));
  for (int i = 0; i < 1000; ++i)
    d.set(I(i), I(-i));
  ASSERT_EQ(d.size(), 2000u);
  for (int i = 0; i < 1000; i += 37) {
    EXPECT_EQ(d.find(std::string_view("k" + std::to_string(i)))->repr(), std::to_string(i));
    EXPECT_EQ(d.find(Value::floating(i))->repr(), std::to_string(-i));
  }
  EXPECT_EQ(d.find(std::string_view("k1000")), nullptr);
  EXPECT_TRUE(d.erase(S("k500")));
  EXPECT_FALSE(d.erase(S("k500")));
  EXPECT_EQ(d.find(std::string_view("k500")), nullptr);
  EXPECT_EQ(d.find(std::string_view("k501"))->repr(), "501");
  EXPECT_EQ(d.entries()[500].key.str(), "k501");
}

TEST(Dict, EraseAndPopLast) {
  Dict d;
  d.set(S("a"), I(1));
  d.set(S("b"), I(2));
  d.set(S("c"), I(3));
  EXPECT_TRUE(d.erase(S("a")));
  EXPECT_EQ(keys_of(d), "'b' 'c' ");
  Dict::Entry last = d.pop_last();
  EXPECT_EQ(last.key.str(), "c");
  EXPECT_EQ(last.value.repr(), "3");
  EXPECT_EQ(keys_of(d), "'b' ");
  d.clear();
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.find(S("b")), nullptr);
}

TEST(Dict, UnhashableKeysThrow) {
  Dict d;
  try {
    d.set(Value::list(), I(1));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Type);
    EXPECT_EQ(e.message(), "unhashable type: 'list'");
  }
  EXPECT_THROW((void)d.find(Value::dict()), Error);
}

TEST(Dict, TupleKeys) {
  Dict d;
  d.set(Value::tuple({I(1), S("a")}), S("x"));
  EXPECT_EQ(d.find(Value::tuple({Value::floating(1.0), S("a")}))->str(), "x");
  EXPECT_EQ(d.find(Value::tuple({I(1)})), nullptr);
}

}  // namespace
}  // namespace kiln::jinja
