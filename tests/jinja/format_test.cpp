#include "jinja/python_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

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
Value T(std::vector<Value> items) {
  return Value::tuple(std::move(items));
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "no error";
}

TEST(FloatRepr, ShortestRoundTripInPythonsLayout) {
  EXPECT_EQ(float_repr(1.0), "1.0");
  EXPECT_EQ(float_repr(0.1), "0.1");
  EXPECT_EQ(float_repr(1e-07), "1e-07");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(123456789.123), "123456789.123");
  EXPECT_EQ(float_repr(1.5e300), "1.5e+300");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
  EXPECT_EQ(float_repr(std::ldexp(1.0, 63)), "9.223372036854776e+18");
  EXPECT_EQ(float_repr(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(float_repr(100.0), "100.0");
  EXPECT_EQ(float_repr(12345678901234567.0), "1.2345678901234568e+16");
  EXPECT_EQ(float_repr(-INFINITY), "-inf");
  EXPECT_EQ(float_repr(NAN), "nan");
}

TEST(PercentFormat, Conversions) {
  EXPECT_EQ(percent_format("%5s|%-5s|%.2s", T({S("ab"), S("cd"), S("xyz")})), "   ab|cd   |xy");
  EXPECT_EQ(percent_format("%d", F(3.9)), "3");
  EXPECT_EQ(percent_format("%i", F(-0.5)), "0");
  EXPECT_EQ(percent_format("%d", B(true)), "1");
  EXPECT_EQ(percent_format("%c", I(65)), "A");
  EXPECT_EQ(percent_format("%#x %#o %#X", T({I(255), I(8), I(255)})), "0xff 0o10 0XFF");
  EXPECT_EQ(percent_format("%+05d|% d|%05.1f", T({I(42), I(7), F(-3.14159)})), "+0042| 7|-03.1");
  EXPECT_EQ(percent_format("%.3d", I(5)), "005");
  EXPECT_EQ(percent_format("%e", F(12345.678)), "1.234568e+04");
  EXPECT_EQ(percent_format("%g", F(0.00001)), "1e-05");
  EXPECT_EQ(percent_format("%10.4g|", F(3.14159265)), "     3.142|");
  EXPECT_EQ(percent_format("%*d", T({I(5), I(42)})), "   42");
  EXPECT_EQ(percent_format("%%", T({})), "%");
  EXPECT_EQ(percent_format("%s", Value::none()), "None");
  EXPECT_EQ(percent_format("%x", I(-255)), "-ff");
  EXPECT_EQ(percent_format("%.0f", F(2.5)), "2");
  EXPECT_EQ(percent_format("%r", S("it's")), "\"it's\"");
  EXPECT_EQ(percent_format("%#.0f", I(3)), "3.");
  EXPECT_EQ(percent_format("%.2f", F(INFINITY)), "inf");
  EXPECT_EQ(percent_format("%F", F(NAN)), "NAN");
  EXPECT_EQ(percent_format("%d", Value::integer(BigInt(10).pow(30))),
            "1000000000000000000000000000000");
}

TEST(PercentFormat, MappingsAndSingleValues) {
  Dict d;
  d.set(S("a"), I(1));
  d.set(S("b"), S("x"));
  Value mapping = Value::dict(d);
  EXPECT_EQ(percent_format("%(a)s-%(b)r", mapping), "1-'x'");
  EXPECT_EQ(percent_format("%s", mapping), "{'a': 1, 'b': 'x'}");
  EXPECT_EQ(percent_format("no conversions", mapping), "no conversions");
  EXPECT_EQ(percent_format("%s", Value::list({I(1)})), "[1]");
  EXPECT_EQ(error_of([&] { percent_format("%(zz)s", mapping); }), "'zz'");
}

TEST(PercentFormat, Errors) {
  EXPECT_EQ(error_of([] { percent_format("%s %s", T({I(1)})); }),
            "not enough arguments for format string");
  EXPECT_EQ(error_of([] {
              percent_format("%s", T({I(1), I(2)}));
            }),
            "not all arguments converted during string formatting");
  EXPECT_EQ(error_of([] {
              percent_format("%s %s", Value::list({I(1), I(2)}));
            }),
            "not enough arguments for format string");
  EXPECT_EQ(error_of([] { percent_format("%x", F(3.0)); }),
            "%x format: an integer is required, not float");
  EXPECT_EQ(error_of([] { percent_format("%d", S("a")); }),
            "%d format: a real number is required, not str");
  EXPECT_EQ(error_of([] { percent_format("%f", S("a")); }), "must be real number, not str");
  EXPECT_EQ(error_of([] { percent_format("%c", S("ab")); }), "%c requires int or char");
  EXPECT_EQ(error_of([] { percent_format("%z", I(1)); }),
            "unsupported format character 'z' (0x7a) at index 1");
}

struct SpecCase {
  Value value;
  const char* spec;
  const char* expected;
};

TEST(FormatSpec, MatchesPythonsFormat) {
  const SpecCase cases[] = {
      {F(1.0), "", "1.0"},
      {F(1.0), ".2", "1.0"},
      {F(1234567.0), ".2", "1.2e+06"},
      {F(0.1), ".3", "0.1"},
      {F(12.0), ".2", "1.2e+01"},
      {F(12.0), ".3", "12.0"},
      {F(1.0), ".1", "1e+00"},
      {F(123.0), ".4", "123.0"},
      {F(1e15), ".16", "1e+15"},
      {F(0.0001), ".3", "0.0001"},
      {F(1e20), "", "1e+20"},
      {B(true), "", "True"},
      {B(true), ">5", "    1"},
      {B(true), "d", "1"},
      {Value::none(), "", "None"},
      {I(1234567), ",", "1,234,567"},
      {F(1234567.891), ",.2f", "1,234,567.89"},
      {I(1234567), "_", "1_234_567"},
      {I(255), "#x", "0xff"},
      {I(255), "_b", "1111_1111"},
      {I(-42), "=+8", "-     42"},
      {I(42), "08", "00000042"},
      {I(-42), "08", "-0000042"},
      {S("ab"), "*^7", "**ab***"},
      {S("abc"), ".2", "ab"},
      {S("ab"), ">5", "   ab"},
      {F(3.14159), ".2f", "3.14"},
      {F(0.25), "%", "25.000000%"},
      {F(0.25), ".1%", "25.0%"},
      {F(12.0), "g", "12"},
      {I(12), ".2f", "12.00"},
      {I(12), "e", "1.200000e+01"},
      {I(65), "c", "A"},
      {F(-0.0), "", "-0.0"},
      {F(INFINITY), ">6", "   inf"},
      {F(NAN), "f", "nan"},
      {F(123.456), "10.2e", "  1.23e+02"},
      {F(2.5), ".0f", "2"},
      {I(42), "+", "+42"},
      {I(42), " ", " 42"},
      {F(1.0), "#.0f", "1."},
      {Value::integer(BigInt(10).pow(20)), ",", "100,000,000,000,000,000,000"},
      {S("\xc3\xa9"), "^5", "  \xc3\xa9  "},
      {F(1.5e16), ".0", "2e+16"},
      {F(99.99), ".3", "1e+02"},
      {F(12345.0), "n", "12345"},
      {I(-5), "x", "-5"},
      {I(5), "#b", "0b101"},
      {F(1.5), "010", "00000001.5"},
      {F(-1.5), "010", "-0000001.5"},
      {F(1234.5), ",", "1,234.5"},
      {F(0.5), ".0e", "5e-01"},
      {S("x"), "\xc3\xa9<3", "x\xc3\xa9\xc3\xa9"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(format_with_spec(c.value, c.spec), c.expected)
        << c.value.repr() << " with '" << c.spec << "'";
  }
}

TEST(FormatSpec, Errors) {
  EXPECT_EQ(error_of([] { format_with_spec(Value::none(), ">5"); }),
            "unsupported format string passed to NoneType.__format__");
  EXPECT_EQ(error_of([] { format_with_spec(S("a"), "="); }),
            "'=' alignment not allowed in string format specifier");
  EXPECT_EQ(error_of([] { format_with_spec(I(3), "s"); }),
            "Unknown format code 's' for object of type 'int'");
  EXPECT_EQ(error_of([] { format_with_spec(F(3.0), "d"); }),
            "Unknown format code 'd' for object of type 'float'");
  EXPECT_EQ(error_of([] { format_with_spec(I(3), ".2"); }),
            "Precision not allowed in integer format specifier");
  EXPECT_EQ(error_of([] { format_with_spec(I(3), "10q2"); }), "Invalid format specifier");
}

CallArgs args(std::vector<Value> positional,
              std::vector<std::pair<std::string, Value>> keyword = {}) {
  return CallArgs{std::move(positional), std::move(keyword)};
}

TEST(StrFormat, Fields) {
  Dict d;
  d.set(S("k"), I(3));
  EXPECT_EQ(str_format("{} {}", args({I(1), S("a")})), "1 a");
  EXPECT_EQ(str_format("{1}{0}", args({S("a"), S("b")})), "ba");
  EXPECT_EQ(str_format("{name}!", args({}, {{"name", S("x")}})), "x!");
  EXPECT_EQ(str_format("{:>10}|", args({S("hi")})), "        hi|");
  EXPECT_EQ(str_format("{:.2f}", args({F(3.14159)})), "3.14");
  EXPECT_EQ(str_format("{:,}", args({I(1234567)})), "1,234,567");
  EXPECT_EQ(str_format("{{}} {}", args({I(5)})), "{} 5");
  EXPECT_EQ(str_format("{!r}", args({S("a")})), "'a'");
  EXPECT_EQ(str_format("{0[k]}", args({Value::dict(d)})), "3");
  EXPECT_EQ(str_format("{0[1]}", args({Value::list({I(5), I(6)})})), "6");
  EXPECT_EQ(str_format("{0.k}", args({Value::dict(d)})), "3");
  EXPECT_EQ(str_format("{:{w}}|", args({S("a")}, {{"w", I(4)}})), "a   |");
  EXPECT_EQ(str_format("{:08.3f}", args({F(3.14159)})), "0003.142");
  EXPECT_EQ(str_format("{}", args({Value::none()})), "None");
  EXPECT_EQ(str_format("{}", args({Value::list({I(1), S("a")})})), "[1, 'a']");
  EXPECT_EQ(str_format("{:^9}", args({S("mid")})), "   mid   ");
}

TEST(StrFormat, Errors) {
  EXPECT_EQ(error_of([] { str_format("{} {}", args({I(1)})); }),
            "Replacement index 1 out of range for positional args tuple");
  EXPECT_EQ(error_of([] {
              str_format("{0} {}", args({I(1), I(2)}));
            }),
            "cannot switch from manual field specification to automatic field numbering");
  EXPECT_EQ(error_of([] { str_format("{x}", args({})); }), "'x'");
  EXPECT_EQ(error_of([] { str_format("{", args({})); }), "Single '{' encountered in format string");
  EXPECT_EQ(error_of([] { str_format("}", args({})); }), "Single '}' encountered in format string");
  EXPECT_EQ(error_of([] { str_format("{:d}", args({S("a")})); }),
            "Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(error_of([] { str_format("{!x}", args({I(1)})); }), "Unknown conversion specifier x");
}

}  // namespace
}  // namespace kiln::jinja
