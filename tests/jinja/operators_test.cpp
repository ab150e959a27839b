#include "jinja/operators.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "jinja/bigint.h"
#include "jinja/dict.h"
#include "jinja/error.h"

namespace kiln::jinja {
namespace {

Value S(std::string s) {
  return Value::string(std::move(s));
}
Value I(int64_t i) {
  return Value::integer(i);
}
Value F(double d) {
  return Value::floating(d);
}
Value B(bool b) {
  return Value::boolean(b);
}
Value L(std::vector<Value> items) {
  return Value::list(std::move(items));
}
Value T(std::vector<Value> items) {
  return Value::tuple(std::move(items));
}
Value N() {
  return Value::none();
}
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// repr() of the result of a op b, or "<Kind>: message" when it throws.
std::string eval(BinaryOp op, const Value& a, const Value& b) {
  try {
    return binary_op(op, a, b).repr();
  } catch (const Error& e) {
    const char* names[] = {"Syntax", "Undefined",    "Type",     "Value",    "Key",
                           "Index",  "ZeroDivision", "Overflow", "Security", "Runtime"};
    return std::string(names[static_cast<int>(e.kind())]) + ": " + e.message();
  }
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "no error";
}

using enum BinaryOp;

TEST(Operators, IntegerArithmeticPromotesOnOverflow) {
  EXPECT_EQ(eval(Add, I(2), I(3)), "5");
  EXPECT_EQ(eval(Add, I(kMax), I(1)), "9223372036854775808");
  EXPECT_EQ(eval(Sub, I(kMin), I(1)), "-9223372036854775809");
  EXPECT_EQ(eval(Mul, I(int64_t{1} << 62), I(4)), "18446744073709551616");
  EXPECT_EQ(eval(Pow, I(2), I(100)), "1267650600228229401496703205376");
  EXPECT_EQ(eval(FloorDiv, I(kMin), I(-1)), "9223372036854775808");
  // Results that fit again go back inline.
  Value big = binary_op(Add, I(kMax), I(1));
  EXPECT_FALSE(big.int_fits_int64());
  EXPECT_TRUE(binary_op(Sub, big, I(1)).int_fits_int64());
}

TEST(Operators, DivisionAndModuloFloorAsPython) {
  EXPECT_EQ(eval(Div, I(10), I(4)), "2.5");
  EXPECT_EQ(eval(Div, I(1), I(3)), "0.3333333333333333");
  EXPECT_EQ(eval(Div, I(4), I(2)), "2.0");
  EXPECT_EQ(eval(FloorDiv, I(-7), I(2)), "-4");
  EXPECT_EQ(eval(Mod, I(-7), I(2)), "1");
  EXPECT_EQ(eval(Mod, I(5), I(-3)), "-1");
  EXPECT_EQ(eval(FloorDiv, F(7.5), I(2)), "3.0");
  EXPECT_EQ(eval(FloorDiv, F(-7.5), I(2)), "-4.0");
  EXPECT_EQ(eval(FloorDiv, I(7), F(-2.0)), "-4.0");
  EXPECT_EQ(eval(Mod, F(-7.5), I(2)), "0.5");
  EXPECT_EQ(eval(Mod, F(-5.5), I(3)), "0.5");
  EXPECT_EQ(eval(Mod, I(1), F(-0.5)), "-0.0");
  EXPECT_EQ(eval(Mod, F(-0.0), I(5)), "0.0");
}

TEST(Operators, DivisionByZeroMessages) {
  EXPECT_EQ(eval(Div, I(1), I(0)), "ZeroDivision: division by zero");
  EXPECT_EQ(eval(Div, F(1), I(0)), "ZeroDivision: float division by zero");
  EXPECT_EQ(eval(FloorDiv, I(1), B(false)), "ZeroDivision: integer division or modulo by zero");
  EXPECT_EQ(eval(FloorDiv, F(1), I(0)), "ZeroDivision: float floor division by zero");
  EXPECT_EQ(eval(Mod, I(1), I(0)), "ZeroDivision: integer modulo by zero");
  EXPECT_EQ(eval(Mod, F(1), I(0)), "ZeroDivision: float modulo");
  EXPECT_EQ(eval(Pow, I(0), I(-1)), "ZeroDivision: 0.0 cannot be raised to a negative power");
}

TEST(Operators, PowerAndFloats) {
  EXPECT_EQ(eval(Pow, I(2), I(-1)), "0.5");
  EXPECT_EQ(eval(Pow, I(-2), I(-2)), "0.25");
  EXPECT_EQ(eval(Pow, F(2.0), F(0.5)), "1.4142135623730951");
  EXPECT_EQ(eval(Pow, I(-1), I(1000001)), "-1");
  EXPECT_EQ(eval(Mul, F(0.1), I(3)), "0.30000000000000004");
  EXPECT_EQ(eval(Mul, F(1e308), I(10)), "inf");
  EXPECT_EQ(eval(Add, B(true), B(true)), "2");
  EXPECT_EQ(eval(Mul, B(true), F(3.5)), "3.5");
  Value huge = binary_op(Pow, I(10), I(400));
  EXPECT_EQ(eval(Mul, huge, F(1.0)), "Overflow: int too large to convert to float");
  EXPECT_EQ(eval(Pow, F(2.0), I(10000)), "Overflow: (34, 'Numerical result out of range')");
  EXPECT_EQ(eval(Pow, I(10), I(100000000)).substr(0, 9), "Overflow:");
}

TEST(Operators, SequencesAndStrings) {
  EXPECT_EQ(eval(Add, S("ab"), S("cd")), "'abcd'");
  EXPECT_EQ(eval(Add, L({I(1)}), L({I(2)})), "[1, 2]");
  EXPECT_EQ(eval(Add, T({I(1)}), T({I(2)})), "(1, 2)");
  EXPECT_EQ(eval(Mul, S("ab"), I(3)), "'ababab'");
  EXPECT_EQ(eval(Mul, I(3), S("x")), "'xxx'");
  EXPECT_EQ(eval(Mul, S("a"), I(-1)), "''");
  EXPECT_EQ(eval(Mul, L({I(1)}), I(2)), "[1, 1]");
  EXPECT_EQ(eval(Mul, T({I(1)}), I(0)), "()");
}

TEST(Operators, TypeErrorsUsePythonsWording) {
  EXPECT_EQ(eval(Add, S("a"), I(1)), "Type: can only concatenate str (not \"int\") to str");
  EXPECT_EQ(eval(Add, L({}), T({})), "Type: can only concatenate list (not \"tuple\") to list");
  EXPECT_EQ(eval(Add, I(1), S("a")), "Type: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(eval(Sub, S("a"), S("b")), "Type: unsupported operand type(s) for -: 'str' and 'str'");
  EXPECT_EQ(eval(Add, N(), I(1)), "Type: unsupported operand type(s) for +: 'NoneType' and 'int'");
  EXPECT_EQ(eval(Add, Value::dict(), Value::dict()),
            "Type: unsupported operand type(s) for +: 'dict' and 'dict'");
  EXPECT_EQ(eval(Mul, S("a"), F(1.5)), "Type: can't multiply sequence by non-int of type 'float'");
  EXPECT_EQ(eval(Mul, F(1.5), S("a")), "Type: can't multiply sequence by non-int of type 'float'");
  EXPECT_EQ(eval(Mul, L({}), S("a")), "Type: can't multiply sequence by non-int of type 'str'");
  EXPECT_EQ(error_of([] { unary_op(UnaryOp::Neg, S("a")); }),
            "bad operand type for unary -: 'str'");
}

TEST(Operators, ConcatPrintsBothSides) {
  EXPECT_EQ(eval(Concat, I(1), S("a")), "'1a'");
  EXPECT_EQ(eval(Concat, Value::undefined("x"), L({I(1)})), "'[1]'");
  EXPECT_EQ(eval(Concat, N(), F(1.0)), "'None1.0'");
  EXPECT_TRUE(binary_op(Concat, Value::string("a", true), Value::string("b", true)).is_safe());
  EXPECT_FALSE(binary_op(Concat, Value::string("a", true), S("b")).is_safe());
  EXPECT_TRUE(binary_op(Add, Value::string("a", true), Value::string("b", true)).is_safe());
}

TEST(Operators, PercentFormattingThroughMod) {
  EXPECT_EQ(eval(Mod, S("%s-%d"), T({S("a"), I(3)})), "'a-3'");
  EXPECT_EQ(eval(Mod, S("%s"), L({I(1)})), "'[1]'");
}

TEST(Operators, UndefinedRaisesOnUse) {
  Value x = Value::undefined("x");
  EXPECT_EQ(eval(Add, x, I(1)), "Undefined: 'x' is undefined");
  EXPECT_EQ(eval(Mul, I(1), x), "Undefined: 'x' is undefined");
  EXPECT_EQ(error_of([&] { unary_op(UnaryOp::Neg, x); }), "'x' is undefined");
  EXPECT_TRUE(unary_op(UnaryOp::Not, x).as_bool());
  EXPECT_EQ(error_of([&] { get_attribute(x, "y"); }), "'x' is undefined");
  EXPECT_EQ(error_of([&] { get_item(x, I(0)); }), "'x' is undefined");
  EXPECT_EQ(error_of([&] { compare_op(CompareOp::Lt, I(1), x); }), "'x' is undefined");
  EXPECT_TRUE(compare_op(CompareOp::Eq, x, Value::undefined("y")));
  EXPECT_FALSE(compare_op(CompareOp::Eq, x, N()));
  EXPECT_TRUE(iterate(x).empty());
  EXPECT_EQ(length(x), 0u);
}

TEST(Operators, UnaryOps) {
  EXPECT_EQ(unary_op(UnaryOp::Neg, I(kMin)).repr(), "9223372036854775808");
  EXPECT_EQ(unary_op(UnaryOp::Neg, F(0.0)).repr(), "-0.0");
  EXPECT_EQ(unary_op(UnaryOp::Pos, B(true)).repr(), "1");
  EXPECT_EQ(unary_op(UnaryOp::Neg, B(true)).repr(), "-1");
  EXPECT_FALSE(unary_op(UnaryOp::Not, S("x")).as_bool());
}

TEST(Operators, Comparisons) {
  EXPECT_TRUE(compare_op(CompareOp::Eq, I(1), F(1.0)));
  EXPECT_TRUE(compare_op(CompareOp::Ne, S("1"), I(1)));
  EXPECT_TRUE(compare_op(CompareOp::Le, I(2), F(2.0)));
  EXPECT_TRUE(compare_op(CompareOp::Gt, S("b"), S("a")));
  EXPECT_FALSE(compare_op(CompareOp::Lt, F(NAN), I(1)));
  EXPECT_FALSE(compare_op(CompareOp::Ge, F(NAN), F(NAN)));
  EXPECT_EQ(error_of([] { compare_op(CompareOp::Ge, S("a"), I(1)); }),
            "'>=' not supported between instances of 'str' and 'int'");
}

TEST(Operators, Contains) {
  EXPECT_TRUE(contains(S("hello"), S("ell")));
  EXPECT_TRUE(contains(S("hello"), S("")));
  EXPECT_FALSE(contains(S("hello"), S("x")));
  EXPECT_TRUE(contains(L({I(1), S("a")}), F(1.0)));
  EXPECT_TRUE(contains(T({N()}), N()));
  Dict d;
  d.set(S("k"), I(1));
  EXPECT_TRUE(contains(Value::dict(d), S("k")));
  EXPECT_FALSE(contains(Value::dict(d), I(1)));
  EXPECT_FALSE(contains(L({I(1)}), Value::undefined("u")));
  EXPECT_EQ(error_of([] { contains(S("abc"), I(1)); }),
            "'in <string>' requires string as left operand, not int");
  EXPECT_EQ(error_of([] { contains(I(5), I(1)); }), "argument of type 'int' is not iterable");
  EXPECT_EQ(error_of([&] { contains(Value::dict(d), L({})); }), "unhashable type: 'list'");
  EXPECT_EQ(error_of([] { contains(Value::undefined("u"), I(1)); }), "'u' is undefined");
}

Value sample_dict() {
  Dict d;
  d.set(S("a"), I(1));
  d.set(S("items"), S("shadowed"));
  d.set(S("_private"), I(2));
  d.set(I(1), S("one"));
  return Value::dict(std::move(d));
}

TEST(Operators, GetAttributeOnDicts) {
  Value d = sample_dict();
  EXPECT_EQ(get_attribute(d, "a").repr(), "1");
  EXPECT_TRUE(get_attribute(d, "items").is_callable());  // attribute before item, as Jinja2
  EXPECT_EQ(get_attribute(d, "_private").repr(), "2");   // item fallback for '_' names
  Value missing = get_attribute(d, "bar");
  EXPECT_TRUE(missing.is_undefined());
  EXPECT_EQ(missing.str(), "");
  EXPECT_EQ(missing.undefined_message(), "'dict object' has no attribute 'bar'");
  EXPECT_EQ(error_of([&] { binary_op(Add, missing, I(1)); }),
            "'dict object' has no attribute 'bar'");
  EXPECT_EQ(get_attribute(N(), "x").undefined_message(), "'None' has no attribute 'x'");
  EXPECT_EQ(get_attribute(S("s"), "foo").undefined_message(),
            "'str object' has no attribute 'foo'");
  EXPECT_TRUE(get_attribute(S("s"), "__class__").is_undefined());
}

TEST(Operators, GetItem) {
  Value d = sample_dict();
  EXPECT_EQ(get_item(d, S("a")).repr(), "1");
  EXPECT_EQ(get_item(d, F(1.0)).repr(), "'one'");
  EXPECT_EQ(get_item(d, I(2)).undefined_message(), "dict object has no element 2");
  EXPECT_EQ(get_item(d, S("zz")).undefined_message(), "'dict object' has no attribute 'zz'");
  EXPECT_TRUE(get_item(d, L({})).is_undefined());
  Value xs = L({I(10), I(20), I(30)});
  EXPECT_EQ(get_item(xs, I(-1)).repr(), "30");
  EXPECT_EQ(get_item(xs, B(true)).repr(), "20");
  EXPECT_EQ(get_item(xs, I(3)).undefined_message(), "list object has no element 3");
  EXPECT_TRUE(get_item(xs, S("append")).is_callable());
  EXPECT_TRUE(get_item(xs, F(0.0)).is_undefined());
  EXPECT_EQ(get_item(S("h\xc3\xa9llo"), I(1)).str(), "\xc3\xa9");
  EXPECT_EQ(get_item(S("h\xc3\xa9llo"), I(-1)).str(), "o");
  EXPECT_EQ(get_item(T({I(1)}), I(0)).repr(), "1");
}

TEST(Operators, SlicesAsPython) {
  Value xs = L({I(1), I(2), I(3), I(4), I(5)});
  EXPECT_EQ(slice(xs, I(-2), N(), N()).repr(), "[4, 5]");
  EXPECT_EQ(slice(xs, N(), N(), I(-1)).repr(), "[5, 4, 3, 2, 1]");
  EXPECT_EQ(slice(xs, I(1), I(4), I(2)).repr(), "[2, 4]");
  EXPECT_EQ(slice(xs, I(5), I(1), I(-1)).repr(), "[5, 4, 3]");
  EXPECT_EQ(slice(T({I(1), I(2)}), I(1), N(), N()).repr(), "(2,)");
  EXPECT_EQ(slice(S("abcdef"), N(), N(), I(-2)).repr(), "'fdb'");
  EXPECT_EQ(slice(S("abc"), I(10), N(), N()).repr(), "''");
  EXPECT_EQ(slice(S("abc"), I(-100), I(100), N()).repr(), "'abc'");
  EXPECT_EQ(slice(S("h\xc3\xa9llo"), I(1), I(3), N()).str(), "\xc3\xa9l");
  EXPECT_EQ(error_of([&] { slice(xs, N(), N(), I(0)); }), "slice step cannot be zero");
  EXPECT_EQ(error_of([&] { slice(xs, S("a"), N(), N()); }),
            "slice indices must be integers or None or have an __index__ method");
  EXPECT_TRUE(slice(I(5), N(), N(), N()).is_undefined());
}

TEST(Operators, IterateAndLength) {
  Dict d;
  d.set(S("b"), I(1));
  d.set(S("a"), I(2));
  EXPECT_EQ(L(iterate(Value::dict(d))).repr(), "['b', 'a']");
  EXPECT_EQ(L(iterate(S("h\xc3\xa9"))).repr(), "['h', '\xc3\xa9']");
  EXPECT_EQ(L(iterate(T({I(1), I(2)}))).repr(), "[1, 2]");
  EXPECT_EQ(error_of([] { iterate(I(5)); }), "'int' object is not iterable");
  EXPECT_EQ(error_of([] { iterate(N()); }), "'NoneType' object is not iterable");
  EXPECT_EQ(length(S("h\xc3\xa9llo")), 5u);
  EXPECT_EQ(length(Value::dict(d)), 2u);
  EXPECT_EQ(length(L({I(1)})), 1u);
  EXPECT_EQ(error_of([] { length(I(5)); }), "object of type 'int' has no len()");
}

class Relation final : public Object {
 public:
  std::string_view type_name() const override { return "Relation"; }
  Value get_attr(std::string_view name) const override {
    return name == "schema" ? Value::string("analytics") : Value();
  }
  Value get_item(const Value& key) const override {
    return key.is_string() && key.as_string() == "database" ? Value::string("db") : Value();
  }
  std::optional<std::vector<Value>> iterate() const override {
    return std::vector<Value>{Value::string("db"), Value::string("analytics")};
  }
};

TEST(Operators, ObjectsAnswerAttributesThenItems) {
  Value r = Value::object(new Relation);
  EXPECT_EQ(get_attribute(r, "schema").str(), "analytics");
  EXPECT_EQ(get_attribute(r, "database").str(), "db");
  EXPECT_EQ(get_item(r, S("schema")).str(), "analytics");
  EXPECT_EQ(get_attribute(r, "nope").undefined_message(),
            "'Relation object' has no attribute 'nope'");
  EXPECT_TRUE(contains(r, S("db")));
  EXPECT_EQ(iterate(r).size(), 2u);
  EXPECT_EQ(error_of([&] { length(r); }), "object of type 'Relation' has no len()");
}

}  // namespace
}  // namespace kiln::jinja
