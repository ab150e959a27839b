#include "jinja/methods.h"

#include <gtest/gtest.h>

#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/operators.h"

namespace kiln::jinja {
namespace {

Value S(std::string s) {
  return Value::string(std::move(s));
}
Value I(int64_t i) {
  return Value::integer(i);
}
Value N() {
  return Value::none();
}
Value L(std::vector<Value> items) {
  return Value::list(std::move(items));
}
Value T(std::vector<Value> items) {
  return Value::tuple(std::move(items));
}

// repr() of self.name(positional..., keyword...), or the error message.
std::string call(const Value& self, std::string_view name, std::vector<Value> positional = {},
                 std::vector<std::pair<std::string, Value>> keyword = {}) {
  CallArgs args{std::move(positional), std::move(keyword)};
  try {
    auto result = call_method(self, name, args);
    if (!result) return "<no such method>";
    return result->repr();
  } catch (const Error& e) {
    return "!" + e.message();
  }
}

TEST(StrMethods, Split) {
  EXPECT_EQ(call(S("  a  b "), "split"), "['a', 'b']");
  EXPECT_EQ(call(S("a,b,,c"), "split", {S(",")}), "['a', 'b', '', 'c']");
  EXPECT_EQ(call(S("a,b,c"), "split", {S(","), I(1)}), "['a', 'b,c']");
  EXPECT_EQ(call(S("a,b,c"), "rsplit", {S(",")}, {{"maxsplit", I(1)}}), "['a,b', 'c']");
  EXPECT_EQ(call(S("  a b  c "), "split", {N(), I(1)}), "['a', 'b  c ']");
  EXPECT_EQ(call(S("  a b  c "), "rsplit", {N(), I(1)}), "['  a b', 'c']");
  EXPECT_EQ(call(S(""), "split"), "[]");
  EXPECT_EQ(call(S(""), "split", {S(",")}), "['']");
  EXPECT_EQ(call(S("a::b::c"), "rsplit", {S("::")}), "['a', 'b', 'c']");
  EXPECT_EQ(call(S("a\nb\r\nc\n"), "splitlines"), "['a', 'b', 'c']");
  EXPECT_EQ(call(S("a\nb\r\nc\n"), "splitlines", {Value::boolean(true)}),
            "['a\\n', 'b\\r\\n', 'c\\n']");
  EXPECT_EQ(call(S("a"), "split", {S("")}), "!empty separator");
  EXPECT_EQ(call(S("a"), "split", {I(1)}), "!must be str or None, not int");
  EXPECT_EQ(call(S("a"), "split", {S(","), I(1), I(2)}),
            "!split() takes at most 2 arguments (3 given)");
  EXPECT_EQ(call(S("a"), "split", {}, {{"foo", I(1)}}),
            "!'foo' is an invalid keyword argument for split()");
}

TEST(StrMethods, StripReplaceJoin) {
  EXPECT_EQ(call(S("xxhixx"), "strip", {S("x")}), "'hi'");
  EXPECT_EQ(call(S("  hi "), "lstrip"), "'hi '");
  EXPECT_EQ(call(S("  hi \n"), "rstrip"), "'  hi'");
  EXPECT_EQ(call(S("aaa"), "replace", {S("a"), S("b"), I(2)}), "'bba'");
  EXPECT_EQ(call(S("ab"), "replace", {S(""), S("-")}), "'-a-b-'");
  EXPECT_EQ(call(S("a"), "replace", {S("a")}), "!replace expected at least 2 arguments, got 1");
  EXPECT_EQ(call(S("-"), "join", {L({S("a"), S("b")})}), "'a-b'");
  EXPECT_EQ(call(S(","), "join", {S("abc")}), "'a,b,c'");
  EXPECT_EQ(call(S("a"), "join", {L({I(1)})}),
            "!sequence item 0: expected str instance, int found");
  EXPECT_EQ(call(S("abc"), "removeprefix", {S("ab")}), "'c'");
  EXPECT_EQ(call(S("abc"), "removesuffix", {S("bc")}), "'a'");
}

TEST(StrMethods, Case) {
  EXPECT_EQ(call(S("hello world"), "title"), "'Hello World'");
  EXPECT_EQ(call(S("they're bill's"), "title"), "\"They'Re Bill'S\"");
  EXPECT_EQ(call(S("hELLO"), "capitalize"), "'Hello'");
  EXPECT_EQ(call(S("Hello"), "swapcase"), "'hELLO'");
  EXPECT_EQ(call(S("\xc3\x89"
                   "COLE"),
                 "lower"),
            "'\xc3\xa9"
            "cole'");
  EXPECT_EQ(call(S("stra\xc3\x9f"
                   "e"),
                 "upper"),
            "'STRASSE'");
  EXPECT_EQ(call(S("a"), "upper", {I(1)}), "!str.upper() takes no arguments (1 given)");
}

TEST(StrMethods, SearchAndCount) {
  EXPECT_EQ(call(S("hello"), "startswith", {T({S("x"), S("he")})}), "True");
  EXPECT_EQ(call(S("hello"), "endswith", {S("lo"), I(0), I(4)}), "False");
  EXPECT_EQ(call(S("hello"), "startswith", {S("ell"), I(1)}), "True");
  EXPECT_EQ(call(S("hello"), "find", {S("l")}), "2");
  EXPECT_EQ(call(S("hello"), "rfind", {S("l")}), "3");
  EXPECT_EQ(call(S("hello"), "find", {S("l"), I(-2)}), "3");
  EXPECT_EQ(call(S("hello"), "find", {S("z")}), "-1");
  EXPECT_EQ(call(S("h\xc3\xa9llo"), "find", {S("l")}), "2");
  EXPECT_EQ(call(S("hello"), "count", {S("l")}), "2");
  EXPECT_EQ(call(S("aaaa"), "count", {S("aa")}), "2");
  EXPECT_EQ(call(S("abc"), "count", {S("")}), "4");
  EXPECT_EQ(call(S("a"), "index", {S("x")}), "!substring not found");
  EXPECT_EQ(call(S("a"), "find", {I(1)}), "!must be str, not int");
  EXPECT_EQ(call(S("a"), "startswith", {I(1)}),
            "!startswith first arg must be str or a tuple of str, not int");
}

TEST(StrMethods, Predicates) {
  EXPECT_EQ(call(S("123"), "isdigit"), "True");
  EXPECT_EQ(call(S(""), "isdigit"), "False");
  EXPECT_EQ(call(S("abc"), "isalpha"), "True");
  EXPECT_EQ(call(S("a1"), "isalnum"), "True");
  EXPECT_EQ(call(S(" \t"), "isspace"), "True");
  EXPECT_EQ(call(S("abc1"), "islower"), "True");
  EXPECT_EQ(call(S("ABC"), "isupper"), "True");
  EXPECT_EQ(call(S("1"), "islower"), "False");
}

TEST(StrMethods, Padding) {
  EXPECT_EQ(call(S("-42"), "zfill", {I(6)}), "'-00042'");
  EXPECT_EQ(call(S("ab"), "center", {I(5), S("*")}), "'**ab*'");
  EXPECT_EQ(call(S("ab"), "center", {I(6)}), "'  ab  '");
  EXPECT_EQ(call(S("abc"), "center", {I(6), S("*")}), "'*abc**'");
  EXPECT_EQ(call(S("ab"), "ljust", {I(4), S(".")}), "'ab..'");
  EXPECT_EQ(call(S("ab"), "rjust", {I(4)}), "'  ab'");
  EXPECT_EQ(call(S("a"), "center", {S("x")}), "!'str' object cannot be interpreted as an integer");
  EXPECT_EQ(call(S("a"), "center", {I(3), S("xy")}),
            "!The fill character must be exactly one character long");
}

TEST(StrMethods, PartitionAndFormat) {
  EXPECT_EQ(call(S("a=b=c"), "partition", {S("=")}), "('a', '=', 'b=c')");
  EXPECT_EQ(call(S("a=b=c"), "rpartition", {S("=")}), "('a=b', '=', 'c')");
  EXPECT_EQ(call(S("abc"), "partition", {S("x")}), "('abc', '', '')");
  EXPECT_EQ(call(S("abc"), "rpartition", {S("x")}), "('', '', 'abc')");
  EXPECT_EQ(call(S("{}-{x:>3}"), "format", {I(1)}, {{"x", S("a")}}), "'1-  a'");
}

TEST(ListMethods, Mutation) {
  Value xs = L({I(3), I(1)});
  Value alias = xs;  // shares the list, as Python names do
  EXPECT_EQ(call(xs, "append", {I(2)}), "None");
  EXPECT_EQ(alias.repr(), "[3, 1, 2]");
  EXPECT_EQ(call(xs, "extend", {T({I(5), I(4)})}), "None");
  EXPECT_EQ(call(xs, "sort"), "None");
  EXPECT_EQ(xs.repr(), "[1, 2, 3, 4, 5]");
  EXPECT_EQ(call(xs, "sort", {}, {{"reverse", Value::boolean(true)}}), "None");
  EXPECT_EQ(xs.repr(), "[5, 4, 3, 2, 1]");
  EXPECT_EQ(call(xs, "pop"), "1");
  EXPECT_EQ(call(xs, "pop", {I(0)}), "5");
  EXPECT_EQ(call(xs, "insert", {I(-1), S("x")}), "None");
  EXPECT_EQ(xs.repr(), "[4, 3, 'x', 2]");
  EXPECT_EQ(call(xs, "remove", {S("x")}), "None");
  EXPECT_EQ(call(xs, "index", {I(2)}), "2");
  EXPECT_EQ(call(xs, "count", {I(3)}), "1");
  EXPECT_EQ(call(xs, "reverse"), "None");
  EXPECT_EQ(xs.repr(), "[2, 3, 4]");
  Value copy = *call_method(xs, "copy", *std::make_unique<CallArgs>());
  EXPECT_EQ(call(xs, "clear"), "None");
  EXPECT_EQ(xs.repr(), "[]");
  EXPECT_EQ(copy.repr(), "[2, 3, 4]");
}

TEST(ListMethods, Errors) {
  EXPECT_EQ(call(L({}), "pop"), "!pop from empty list");
  EXPECT_EQ(call(L({I(1)}), "pop", {I(5)}), "!pop index out of range");
  EXPECT_EQ(call(L({I(1)}), "remove", {I(2)}), "!list.remove(x): x not in list");
  EXPECT_EQ(call(L({I(1)}), "index", {I(2)}), "!2 is not in list");
  EXPECT_EQ(call(T({I(1)}), "index", {I(2)}), "!tuple.index(x): x not in tuple");
  EXPECT_EQ(call(L({}), "append"), "!list.append() takes exactly one argument (0 given)");
  EXPECT_EQ(call(L({}), "insert", {I(1)}), "!insert expected 2 arguments, got 1");
  EXPECT_EQ(call(L({I(1), S("a")}), "sort"),
            "!'<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(call(T({I(1)}), "append", {I(1)}), "<no such method>");
  EXPECT_EQ(call(T({I(1), I(1)}), "count", {I(1)}), "2");
}

Value sample() {
  Dict d;
  d.set(S("a"), I(1));
  d.set(S("b"), I(2));
  return Value::dict(std::move(d));
}

TEST(DictMethods, Views) {
  Value d = sample();
  EXPECT_EQ(call(d, "items"), "[('a', 1), ('b', 2)]");
  EXPECT_EQ(call(d, "keys"), "['a', 'b']");
  EXPECT_EQ(call(d, "values"), "[1, 2]");
  EXPECT_EQ(call(d, "get", {S("a")}), "1");
  EXPECT_EQ(call(d, "get", {S("z")}), "None");
  EXPECT_EQ(call(d, "get", {S("z"), I(0)}), "0");
  EXPECT_EQ(call(d, "get", {L({})}), "!unhashable type: 'list'");
  EXPECT_EQ(call(d, "get"), "!get expected at least 1 argument, got 0");
  EXPECT_EQ(call(d, "keys", {I(1)}), "!dict.keys() takes no arguments (1 given)");
}

TEST(DictMethods, Mutation) {
  Value d = sample();
  Dict other;
  other.set(S("b"), I(20));
  other.set(S("c"), I(3));
  EXPECT_EQ(call(d, "update", {Value::dict(other)}, {{"e", I(5)}}), "None");
  EXPECT_EQ(d.repr(), "{'a': 1, 'b': 20, 'c': 3, 'e': 5}");
  EXPECT_EQ(call(d, "update", {L({T({S("f"), I(6)})})}), "None");
  EXPECT_EQ(call(d, "update", {d}), "None");
  EXPECT_EQ(d.repr(), "{'a': 1, 'b': 20, 'c': 3, 'e': 5, 'f': 6}");
  EXPECT_EQ(call(d, "pop", {S("a")}), "1");
  EXPECT_EQ(call(d, "pop", {S("a"), S("gone")}), "'gone'");
  EXPECT_EQ(call(d, "pop", {S("a")}), "!'a'");
  EXPECT_EQ(call(d, "setdefault", {S("b"), I(0)}), "20");
  EXPECT_EQ(call(d, "setdefault", {S("g")}), "None");
  EXPECT_EQ(call(d, "popitem"), "('g', None)");
  Value copy = *call_method(d, "copy", *std::make_unique<CallArgs>());
  EXPECT_EQ(call(d, "clear"), "None");
  EXPECT_EQ(d.repr(), "{}");
  EXPECT_EQ(copy.repr(), "{'b': 20, 'c': 3, 'e': 5, 'f': 6}");
  EXPECT_EQ(call(d, "popitem"), "!'popitem(): dictionary is empty'");
  EXPECT_EQ(call(d, "update", {I(1)}), "!'int' object is not iterable");
  EXPECT_EQ(call(d, "update", {L({T({I(1), I(2), I(3)})})}),
            "!dictionary update sequence element #0 has length 3; 2 is required");
}

// A CallContext for calling bound methods outside a render; bound methods ignore it.
class NoContext final : public CallContext {
 public:
  Value call(const Value&, CallArgs) override { return Value(); }
  Value apply_filter(std::string_view, const Value&, CallArgs) override { return Value(); }
  bool apply_test(std::string_view, const Value&, CallArgs) override { return false; }
  Value lookup(std::string_view) override { return Value(); }
  SourceLocation location() const override { return {}; }
  const Environment& environment() const override { std::abort(); }
};

TEST(BoundMethods, ComeFromGetAttribute) {
  Value xs = L({});
  Value append = get_attribute(xs, "append");
  ASSERT_TRUE(append.is_callable());
  EXPECT_EQ(append.repr(), "<built-in method append of list object>");
  NoContext ctx;
  append.as_object().call(ctx, CallArgs{{I(7)}, {}});
  EXPECT_EQ(xs.repr(), "[7]");
  EXPECT_TRUE(has_method(S(""), "format"));
  EXPECT_FALSE(has_method(I(1), "format"));
  EXPECT_TRUE(bound_method(Value::dict(), "nope").is_undefined());
}

}  // namespace
}  // namespace kiln::jinja
