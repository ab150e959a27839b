#include "jinja/value.h"

#include <gtest/gtest.h>

#include <cmath>
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
Value D(std::vector<std::pair<Value, Value>> items) {
  Dict d;
  for (auto& [k, v] : items)
    d.set(k, v);
  return Value::dict(std::move(d));
}

ErrorKind kind_of(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) *message = e.message();
    return e.kind();
  }
  ADD_FAILURE() << "no error thrown";
  return ErrorKind::Runtime;
}

TEST(Value, IsSixteenBytes) {
  EXPECT_EQ(sizeof(Value), 16u);
}

TEST(Value, DefaultIsUndefined) {
  Value v;
  EXPECT_TRUE(v.is_undefined());
  EXPECT_FALSE(v.truthy());
  EXPECT_EQ(v.str(), "");
}

TEST(Value, CopiesShareContainersLikePython) {
  Value a = L({I(1)});
  Value b = a;
  b.as_list().push_back(I(2));
  EXPECT_EQ(a.repr(), "[1, 2]");
  Value moved = std::move(b);
  EXPECT_TRUE(b.is_undefined());  // NOLINT: moved-from state is specified
  EXPECT_EQ(moved.repr(), "[1, 2]");
  a = a;  // self-assignment keeps the payload alive
  EXPECT_EQ(a.repr(), "[1, 2]");
}

TEST(Value, BigIntegersNormaliseToInline) {
  EXPECT_TRUE(Value::integer(BigInt(5)).int_fits_int64());
  Value big = Value::integer(BigInt(2).pow(70));
  EXPECT_TRUE(big.is_int());
  EXPECT_FALSE(big.int_fits_int64());
  EXPECT_EQ(big.str(), "1180591620717411303424");
  EXPECT_EQ(big.to_bigint().to_string(), "1180591620717411303424");
}

TEST(Value, StrOfScalarsAsPython) {
  EXPECT_EQ(Value::none().str(), "None");
  EXPECT_EQ(B(true).str(), "True");
  EXPECT_EQ(B(false).str(), "False");
  EXPECT_EQ(I(-42).str(), "-42");
  EXPECT_EQ(I(std::numeric_limits<int64_t>::min()).str(), "-9223372036854775808");
  EXPECT_EQ(F(1.0).str(), "1.0");
  EXPECT_EQ(F(0.1 + 0.2).str(), "0.30000000000000004");
  EXPECT_EQ(F(1e-07).str(), "1e-07");
  EXPECT_EQ(F(INFINITY).str(), "inf");
  EXPECT_EQ(F(NAN).str(), "nan");
  EXPECT_EQ(S("it's").str(), "it's");
}

TEST(Value, ReprOfStringsPicksPythonsQuotes) {
  EXPECT_EQ(S("abc").repr(), "'abc'");
  EXPECT_EQ(S("it's").repr(), "\"it's\"");
  EXPECT_EQ(S("a\"b").repr(), "'a\"b'");
  EXPECT_EQ(S("both'\"").repr(), "'both\\'\"'");
  EXPECT_EQ(S("tab\there\n").repr(), "'tab\\there\\n'");
  EXPECT_EQ(S("\\").repr(), "'\\\\'");
  EXPECT_EQ(S(std::string("\xc3\xa9\x00\x7f\xc2\xa0\xe2\x80\x8b", 9)).repr(),
            "'\xc3\xa9\\x00\\x7f\\xa0\\u200b'");
  EXPECT_EQ(Value::string("<b>", true).repr(), "Markup('<b>')");
}

TEST(Value, ReprOfContainers) {
  EXPECT_EQ(L({I(1), S("a"), Value::none(), F(2.5)}).repr(), "[1, 'a', None, 2.5]");
  EXPECT_EQ(L({}).str(), "[]");
  EXPECT_EQ(T({I(1)}).str(), "(1,)");
  EXPECT_EQ(T({}).str(), "()");
  EXPECT_EQ(T({I(1), I(2)}).str(), "(1, 2)");
  EXPECT_EQ(D({{S("k"), I(1)}, {I(2), L({B(true)})}}).str(), "{'k': 1, 2: [True]}");
  EXPECT_EQ(Value::dict().str(), "{}");
  EXPECT_EQ(L({Value()}).str(), "[Undefined]");
}

TEST(Value, SelfContainingContainersPrintEllipsis) {
  Value xs = L({I(1)});
  xs.as_list().push_back(xs);
  Value d = Value::dict();
  d.as_dict().set(S("self"), d);
  d.as_dict().set(S("xs"), xs);
  EXPECT_EQ(xs.repr(), "[1, [...]]");
  EXPECT_EQ(d.repr(), "{'self': {...}, 'xs': [1, [...]]}");
  // Break the cycles: refcounting cannot free them (Python's cycle collector would).
  xs.as_list().clear();
  d.as_dict().clear();
}

TEST(Value, AppendStrAppends) {
  std::string out = "x=";
  S("abc").append_str(out);
  I(3).append_str(out);
  Value().append_str(out);
  EXPECT_EQ(out, "x=abc3");
}

TEST(Value, Truthiness) {
  EXPECT_FALSE(Value::none().truthy());
  EXPECT_FALSE(I(0).truthy());
  EXPECT_TRUE(I(-1).truthy());
  EXPECT_FALSE(F(0.0).truthy());
  EXPECT_FALSE(F(-0.0).truthy());
  EXPECT_TRUE(F(NAN).truthy());
  EXPECT_FALSE(S("").truthy());
  EXPECT_TRUE(S("0").truthy());
  EXPECT_FALSE(L({}).truthy());
  EXPECT_TRUE(T({Value::none()}).truthy());
  EXPECT_FALSE(Value::dict().truthy());
  EXPECT_TRUE(Value::integer(BigInt(2).pow(80)).truthy());
}

TEST(Value, TypeNames) {
  EXPECT_EQ(Value::none().type_name(), "NoneType");
  EXPECT_EQ(B(true).type_name(), "bool");
  EXPECT_EQ(I(1).type_name(), "int");
  EXPECT_EQ(F(1).type_name(), "float");
  EXPECT_EQ(S("").type_name(), "str");
  EXPECT_EQ(L({}).type_name(), "list");
  EXPECT_EQ(T({}).type_name(), "tuple");
  EXPECT_EQ(Value::dict().type_name(), "dict");
}

TEST(Value, EqualNumbersAcrossKindsHashAlike) {
  EXPECT_TRUE(I(1).equals(F(1.0)));
  EXPECT_TRUE(I(1).equals(B(true)));
  EXPECT_TRUE(F(0.0).equals(B(false)));
  EXPECT_EQ(I(1).hash(), F(1.0).hash());
  EXPECT_EQ(I(1).hash(), B(true).hash());
  EXPECT_EQ(I(-1).hash(), static_cast<size_t>(-2));
  EXPECT_EQ(F(2.5).hash(), 1152921504606846978u);
  EXPECT_EQ(F(1e100).hash(), 1822893315824342674u);
  Value big = Value::integer(BigInt(2).pow(70));
  EXPECT_TRUE(big.equals(F(std::ldexp(1.0, 70))));
  EXPECT_EQ(big.hash(), F(std::ldexp(1.0, 70)).hash());
  EXPECT_FALSE(I(1).equals(F(1.5)));
  EXPECT_FALSE(F(NAN).equals(F(NAN)));
  // 2**53 + 1 is not equal to the double 2**53, though converting it would round to it.
  EXPECT_FALSE(I((int64_t{1} << 53) + 1).equals(F(std::ldexp(1.0, 53))));
}

TEST(Value, EqualityOfOtherKinds) {
  EXPECT_TRUE(S("a").equals(S("a")));
  EXPECT_FALSE(S("1").equals(I(1)));
  EXPECT_TRUE(L({I(1), S("x")}).equals(L({F(1.0), S("x")})));
  EXPECT_FALSE(L({I(1)}).equals(T({I(1)})));
  EXPECT_TRUE(D({{S("a"), I(1)}, {S("b"), I(2)}}).equals(D({{S("b"), I(2)}, {S("a"), I(1)}})));
  EXPECT_FALSE(D({{S("a"), I(1)}}).equals(D({{S("a"), I(2)}})));
  EXPECT_TRUE(Value::none().equals(Value::none()));
  EXPECT_TRUE(Value().equals(Value::undefined("x")));
  EXPECT_FALSE(Value().equals(Value::none()));
}

TEST(Value, UnhashableKinds) {
  std::string message;
  EXPECT_EQ(kind_of([] { (void)L({}).hash(); }, &message), ErrorKind::Type);
  EXPECT_EQ(message, "unhashable type: 'list'");
  EXPECT_EQ(kind_of([] { (void)Value::dict().hash(); }, &message), ErrorKind::Type);
  EXPECT_EQ(message, "unhashable type: 'dict'");
  EXPECT_EQ(T({I(1), S("a")}).hash(), T({F(1.0), S("a")}).hash());
}

TEST(Value, OrderingAsPython) {
  EXPECT_LT(I(1).compare(F(1.5)), 0);
  EXPECT_GT(F(2.0).compare(B(true)), 0);
  EXPECT_EQ(I(2).compare(F(2.0)), 0);
  EXPECT_LT(I(std::numeric_limits<int64_t>::max()).compare(F(9.3e18)), 0);
  EXPECT_LT(Value::integer(-BigInt(2).pow(80)).compare(I(0)), 0);
  EXPECT_LT(S("B").compare(S("a")), 0);
  EXPECT_LT(S("abc").compare(S("abd")), 0);
  EXPECT_LT(L({I(1), I(2)}).compare(L({I(1), I(3)})), 0);
  EXPECT_LT(L({I(1)}).compare(L({I(1), I(0)})), 0);
  EXPECT_GT(T({I(2)}).compare(T({I(1), I(9)})), 0);
}

TEST(Value, OrderingAcrossKindsIsATypeError) {
  std::string message;
  EXPECT_EQ(kind_of([] { (void)I(1).compare(S("a")); }, &message), ErrorKind::Type);
  EXPECT_EQ(message, "'<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(kind_of([] { (void)S("a").compare(Value::none(), ">="); }, &message), ErrorKind::Type);
  EXPECT_EQ(message, "'>=' not supported between instances of 'str' and 'NoneType'");
  EXPECT_EQ(kind_of([] { (void)L({I(1)}).compare(L({S("a")})); }, &message), ErrorKind::Type);
  EXPECT_EQ(message, "'<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(kind_of([] { (void)L({}).compare(T({})); }, &message), ErrorKind::Type);
}

TEST(Value, UndefinedMessages) {
  EXPECT_EQ(Value::undefined("foo").undefined_name(), "foo");
  EXPECT_EQ(Value::undefined("foo").undefined_message(), "'foo' is undefined");
  EXPECT_EQ(Value().undefined_message(), "None is undefined");
  Value hinted = Value::undefined_with_hint("bar", "'dict object' has no attribute 'bar'");
  EXPECT_EQ(hinted.undefined_message(), "'dict object' has no attribute 'bar'");
  EXPECT_EQ(hinted.str(), "");
  EXPECT_FALSE(hinted.truthy());
}

class Relation final : public Object {
 public:
  std::string_view type_name() const override { return "Relation"; }
  std::string str() const override { return "\"db\".\"tbl\""; }
};

TEST(Value, ObjectsPrintAndCompareByIdentity) {
  Value r = Value::object(new Relation);
  EXPECT_EQ(r.str(), "\"db\".\"tbl\"");
  EXPECT_EQ(r.repr(), "<Relation object>");
  EXPECT_EQ(r.type_name(), "Relation");
  EXPECT_TRUE(r.truthy());
  EXPECT_FALSE(r.is_callable());
  EXPECT_TRUE(r.equals(Value(r)));
  EXPECT_FALSE(r.equals(Value::object(new Relation)));
  EXPECT_TRUE(r.as_object().get_attr("x").is_undefined());
}

TEST(Value, NativeFunctionIsCallable) {
  Value f = Value::function("ref", [](CallContext&, CallArgs& args) {
    return Value::integer(static_cast<int64_t>(args.positional.size()));
  });
  EXPECT_TRUE(f.is_callable());
  EXPECT_EQ(f.type_name(), "function");
  EXPECT_EQ(f.repr(), "<function ref>");
}

}  // namespace
}  // namespace kiln::jinja
