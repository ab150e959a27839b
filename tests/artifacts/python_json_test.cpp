#include "artifacts/python_json.h"

#include <gtest/gtest.h>

#include <string>

#include "artifacts/python_float.h"

namespace kiln::artifacts {
namespace {

using Json = nlohmann::ordered_json;

std::string float_repr(double value) {
  std::string out;
  append_python_float(out, value);
  return out;
}

// Expected spellings come from CPython 3: repr(float) and json.dumps.
TEST(PythonFloat, MatchesPythonRepr) {
  EXPECT_EQ(float_repr(1.0), "1.0");
  EXPECT_EQ(float_repr(0.1), "0.1");
  EXPECT_EQ(float_repr(-2.5), "-2.5");
  EXPECT_EQ(float_repr(123.456), "123.456");
  EXPECT_EQ(float_repr(0.0535128116607666), "0.0535128116607666");
  EXPECT_EQ(float_repr(1759423716.418234), "1759423716.418234");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(1e-05), "1e-05");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1.2345678901234568e+17), "1.2345678901234568e+17");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
  EXPECT_EQ(float_repr(0.0), "0.0");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
}

TEST(PythonJson, UsesPythonSeparatorsAndKeepsKeyOrder) {
  Json value = Json::object();
  value["zeta"] = 1;
  value["alpha"] = Json::array({true, nullptr, "x"});
  value["mid"] = Json::object();
  value["list"] = Json::array();
  EXPECT_EQ(dump_like_python(value),
            R"({"zeta": 1, "alpha": [true, null, "x"], "mid": {}, "list": []})");
}

TEST(PythonJson, EscapesLikeEnsureAscii) {
  Json value = Json::object();
  value["a"] = "\xC3\xA9\xF0\x9F\x98\x80\x7F\x01\n/\"\\\t";
  EXPECT_EQ(dump_like_python(value), R"({"a": "\u00e9\ud83d\ude00\u007f\u0001\n/\"\\\t"})");
}

TEST(PythonJson, ReplacesInvalidUtf8InsteadOfThrowing) {
  Json value = std::string("ok\xFF\xC3");
  EXPECT_EQ(dump_like_python(value), R"("ok\ufffd\ufffd")");
  Json overlong = std::string("\xC0\xAF");
  EXPECT_EQ(dump_like_python(overlong), R"("\ufffd\ufffd")");
}

TEST(PythonJson, IntegersStayIntegers) {
  Json value = Json::array({-3, std::uint64_t{18446744073709551615u}, 2.0});
  EXPECT_EQ(dump_like_python(value), "[-3, 18446744073709551615, 2.0]");
}

TEST(PythonJson, RoundTripsThroughNlohmannParse) {
  Json value = Json::object();
  value["text"] = "caf\xC3\xA9 \xF0\x9F\x98\x80 \"quoted\"\n";
  value["number"] = 0.1;
  value["nested"] = Json{{"list", Json::array({1, 2.5, "three"})}, {"none", nullptr}};
  Json parsed = Json::parse(dump_like_python(value));
  EXPECT_EQ(parsed, value);
}

}  // namespace
}  // namespace kiln::artifacts
