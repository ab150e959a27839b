// Rendering of every statement kind through Environment, checked against Jinja2 3.1's
// output (each expected string was produced by Jinja2 with dbt's configuration).
#include <gtest/gtest.h>

#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/template.h"

namespace kiln::jinja {
namespace {

std::string render(std::string_view source, Value context = Value::dict()) {
  Environment env;
  auto tpl = env.parse(source, "t.sql");
  return env.render(*tpl, context);
}

std::string render_error(std::string_view source, Value context = Value::dict()) {
  try {
    render(source, std::move(context));
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

Value context_with(std::string_view name, Value value) {
  Value context = Value::dict();
  context.as_dict().set(name, std::move(value));
  return context;
}

TEST(Render, TextAndArithmetic) {
  EXPECT_EQ(render("{{ 1 + 2 }}"), "3");
  EXPECT_EQ(render("a {{ 2 * 3 - 1 }} b"), "a 5 b");
  EXPECT_EQ(render("{{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** 10 }} {{ 7 / 2 }}"), "3 1 1024 3.5");
  EXPECT_EQ(render("{{ -3 + +1 }}"), "-2");
  EXPECT_EQ(render("{{ 'a' ~ 1 ~ none }}"), "a1None");
}

TEST(Render, LiteralsPrintLikePython) {
  EXPECT_EQ(render("{{ [1, 'a', none, true] }}"), "[1, 'a', None, True]");
  EXPECT_EQ(render("{{ (1,) }} {{ () }} {{ (1, 2) }}"), "(1,) () (1, 2)");
  EXPECT_EQ(render("{{ {'a': 1, 'b': [2]} }}"), "{'a': 1, 'b': [2]}");
  EXPECT_EQ(render("{{ 123456789012345678901234567890 + 1 }}"), "123456789012345678901234567891");
  EXPECT_EQ(render("{{ 1_000 }} {{ 0x1f }} {{ 0b101 }} {{ 0o17 }} {{ 1e3 }} {{ 1.5 }}"),
            "1000 31 5 15 1000.0 1.5");
  EXPECT_EQ(render("{{ 'a\\tb\\n\\u00e9\\d' }}"), "a\tb\n\xc3\xa9\\d");
  EXPECT_EQ(render("{{ 'ab' 'cd' }}"), "abcd");
}

TEST(Render, UndefinedPrintsNothingAndNonePrintsNone) {
  EXPECT_EQ(render("[{{ missing }}][{{ none }}][{{ None }}]"), "[][None][None]");
  EXPECT_EQ(render("{{ x if false }}|"), "|");
}

TEST(Render, TrailingNewlineIsDropped) {
  EXPECT_EQ(render("a\n"), "a");
  EXPECT_EQ(render("a\n\n"), "a\n");
  EXPECT_EQ(render("a\r\nb"), "a\nb");
}

TEST(Render, WhitespaceControl) {
  EXPECT_EQ(render("a\n  {%- if true -%}\n  b\n  {%- endif -%}\n c"), "abc");
  EXPECT_EQ(render("a {{- 'x' -}} b"), "axb");
  EXPECT_EQ(render("a {#- c -#} b"), "ab");
}

TEST(Render, LogicReturnsOperandsLikePython) {
  EXPECT_EQ(render("{{ 0 or 'x' }} {{ 1 and 'y' }} {{ '' and 1 }}|{{ not 0 }}"), "x y |True");
  EXPECT_EQ(render("{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 2 in [1, 2] }} {{ 'a' not in 'abc' }}"),
            "True False True False");
  EXPECT_EQ(render("{{ 'y' if 1 > 2 else 'n' }}"), "n");
}

TEST(Render, AttributesItemsAndSlices) {
  EXPECT_EQ(render("{{ d.a }} {{ d['a'] }} {{ d.missing }}|",
                   context_with("d",
                                [] {
                                  Value d = Value::dict();
                                  d.as_dict().set("a", Value::integer(1));
                                  return d;
                                }())),
            "1 1 |");
  EXPECT_EQ(render("{{ [1, 2, 3, 4][1:3] }} {{ 'abcdef'[::2] }} {{ [1, 2, 3][-1] }}"),
            "[2, 3] ace 3");
  EXPECT_EQ(render("{{ 'a,b'.split(',') }} {{ 'x'.upper() }}"), "['a', 'b'] X");
}

TEST(Render, IfElifElse) {
  const char* tpl = "{% if x == 1 %}one{% elif x == 2 %}two{% else %}many{% endif %}";
  EXPECT_EQ(render(tpl, context_with("x", Value::integer(1))), "one");
  EXPECT_EQ(render(tpl, context_with("x", Value::integer(2))), "two");
  EXPECT_EQ(render(tpl, context_with("x", Value::integer(5))), "many");
}

TEST(Render, ForLoopVariables) {
  EXPECT_EQ(render("{% for x in 'abc' %}{{ loop.index }}{{ x }}{{ loop.revindex0 }}"
                   "{% if not loop.last %},{% endif %}{% endfor %}"),
            "1a2,2b1,3c0");
  EXPECT_EQ(render("{% for x in [1, 2, 3] %}{{ loop.first }}{{ loop.length }}{% endfor %}"),
            "True3False3False3");
  EXPECT_EQ(render("{% for x in [1, 2] %}[{{ loop.previtem }}|{{ loop.nextitem }}]{% endfor %}"),
            "[|2][1|]");
  EXPECT_EQ(render("{% for x in [1, 2, 3] %}{{ loop.cycle('a', 'b') }}{% endfor %}"), "aba");
  EXPECT_EQ(
      render("{% for x in [1, 1, 2] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}"),
      "12");
}

TEST(Render, ForElseFilterAndUnpacking) {
  EXPECT_EQ(render("{% for x in [] %}x{% else %}empty{% endfor %}"), "empty");
  EXPECT_EQ(render("{% for x in range(6) if x is odd %}{{ loop.index }}{{ x }} {% endfor %}"),
            "11 23 35 ");
  EXPECT_EQ(render("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}"),
            "a=1;b=2;");
  EXPECT_EQ(render("{% for x in {'a': 1, 'b': 2} %}{{ x }}{% endfor %}"), "ab");
}

TEST(Render, ElseRunsUnlessAnIterationCompleted) {
  EXPECT_EQ(render("{% for x in [1, 2] %}{% break %}{% else %}else{% endfor %}done"), "elsedone");
  EXPECT_EQ(render("{% for x in [1, 2] %}{% if x == 2 %}{% break %}{% endif %}{% else %}else"
                   "{% endfor %}done"),
            "done");
}

TEST(Render, BreakAndContinueLeaveBlocksInsideTheLoop) {
  EXPECT_EQ(render("{% for i in [1, 2] %}{% set x %}a{% break %}{% endset %}{{ i }}{% endfor %}"),
            "");
  EXPECT_EQ(render("{% for i in [1, 2] %}{% filter upper %}a{% continue %}{% endfilter %}"
                   "{{ i }}{% endfor %}"),
            "");
  EXPECT_EQ(render("{% for i in [1, 2] %}{% with %}{{ i }}{% continue %}{% endwith %}x"
                   "{% endfor %}"),
            "12");
}

TEST(Render, LoopOverAListSeesItemsAppendedByTheBody) {
  EXPECT_EQ(render("{% set xs = [1, 2] %}{% for x in xs %}{{ loop.length }}"
                   "{% if x == 1 %}{% do xs.append(3) %}{% endif %}{{ x }}{% endfor %}"),
            "212223");
}

TEST(Render, BreakAndContinue) {
  EXPECT_EQ(
      render("{% for x in range(10) %}{% if x == 3 %}{% break %}{% endif %}{{ x }}{% endfor %}"),
      "012");
  EXPECT_EQ(render("{% for x in range(5) %}{% if x is even %}{% continue %}{% endif %}{{ x }}"
                   "{% endfor %}"),
            "13");
}

TEST(Render, RecursiveLoop) {
  Value tree = Value::list({[] {
    Value node = Value::dict();
    node.as_dict().set("name", Value::string("a"));
    Value child = Value::dict();
    child.as_dict().set("name", Value::string("b"));
    child.as_dict().set("children", Value::list());
    node.as_dict().set("children", Value::list({child}));
    return node;
  }()});
  EXPECT_EQ(render("{% for n in tree recursive %}<{{ n.name }}{{ loop.depth }}"
                   "{{ loop(n.children) }}>{% endfor %}",
                   context_with("tree", tree)),
            "<a1<b2>>");
}

TEST(Render, ForScopeDoesNotLeakButIfDoes) {
  EXPECT_EQ(render("{% set x = 1 %}{% for i in [1] %}{% set x = 2 %}{% endfor %}{{ x }}"), "1");
  EXPECT_EQ(render("{% if true %}{% set x = 2 %}{% endif %}{{ x }}"), "2");
  EXPECT_EQ(render("{% for i in [1, 2] %}[{{ x }}]{% set x = i %}{% endfor %}"), "[][]");
  EXPECT_EQ(render("{% set x = 5 %}{% for i in [1, 2] %}[{{ x }}]{% set x = i %}{% endfor %}"),
            "[5][5]");
  EXPECT_EQ(render("{% for i in [1] %}{% endfor %}{{ i }}|"), "|");
}

TEST(Render, NamespaceEscapesLoops) {
  EXPECT_EQ(render("{% set ns = namespace(n=0) %}{% for i in range(4) %}"
                   "{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}"),
            "6");
}

TEST(Render, SetForms) {
  EXPECT_EQ(render("{% set a, b = 1, 2 %}{{ b }}{{ a }}"), "21");
  EXPECT_EQ(render("{% set x %}hello {{ 1 }}{% endset %}[{{ x }}]"), "[hello 1]");
  EXPECT_EQ(render("{% set x | upper %}ab{% endset %}{{ x }}"), "AB");
  EXPECT_EQ(render_error("{% set x | nosuch %}ab{% endset %}"),
            "t.sql:1:12: No filter named 'nosuch'.");
  EXPECT_EQ(render("{% set x %}{% set y = 1 %}{% endset %}[{{ y }}]"), "[]");
}

TEST(Render, MacrosSeeTopLevelNamesAtCallTime) {
  EXPECT_EQ(render("{% macro m() %}{{ x }}{% endmacro %}{% set x = 1 %}{{ m() }}"), "1");
  EXPECT_EQ(render("{% set x = 1 %}{% macro m() %}{% set x = 2 %}{{ x }}{% endmacro %}"
                   "{{ m() }}{{ x }}"),
            "21");
  // A nested macro reads its enclosing macro's variables as they are when it is called.
  EXPECT_EQ(render("{% macro outer() %}{% macro inner() %}i{{ v }}{% endmacro %}"
                   "{% set v = 1 %}{{ inner() }}{% endmacro %}{{ outer() }}"),
            "i1");
}

TEST(Render, MacroArgumentBinding) {
  EXPECT_EQ(render("{% macro m(a, b=a) %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}|{{ m }}|"
                   "{{ m.name }}{{ m.arguments }}"),
            "11|<Macro 'm'>|m('a', 'b')");
  EXPECT_EQ(render("{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, x=3) }}"),
            "(1, 2){'x': 3}");
  EXPECT_EQ(render("{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m() }}"), "[]");
  EXPECT_EQ(render_error("{% macro m(a) %}x{% endmacro %}{{ m(1, 2) }}"),
            "t.sql:1:36: macro 'm' takes not more than 1 argument(s)");
  EXPECT_EQ(render_error("{% macro m(a) %}x{% endmacro %}{{ m(b=2) }}"),
            "t.sql:1:36: macro 'm' takes no keyword argument 'b'");
  EXPECT_EQ(render_error("{% macro m(a) %}x{% endmacro %}{{ m(1, a=2) }}"),
            "t.sql:1:36: macro 'm' takes no keyword argument 'a'");
}

TEST(Render, CallBlocks) {
  EXPECT_EQ(render("{% macro m() %}<{{ caller() }}>{% endmacro %}{% call m() %}hi{% endcall %}"),
            "<hi>");
  EXPECT_EQ(render("{% macro m(x) %}<{{ caller(x) }}>{% endmacro %}"
                   "{% call(y) m(5) %}[{{ y * 2 }}]{% endcall %}"),
            "<[10]>");
  EXPECT_EQ(render("{% macro m() %}[{{ caller }}]{% endmacro %}{{ m() }}"), "[]");
  EXPECT_EQ(render_error("{% macro m() %}x{% endmacro %}{% call m() %}hi{% endcall %}"),
            "t.sql:1:40: macro 'm' was invoked with two values for the special caller argument. "
            "This is most likely a bug.");
}

TEST(Render, WithDoAndFilterBlocks) {
  EXPECT_EQ(render("{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}[{{ a }}]"), "3[]");
  EXPECT_EQ(render("{% set xs = [] %}{% do xs.append(1) %}{% do xs.extend([2]) %}{{ xs }}"),
            "[1, 2]");
  EXPECT_EQ(render("{% filter upper %}abc {{ 'd' }}{% endfilter %}"), "ABC D");
  EXPECT_EQ(render("{% print 1, 2 %}"), "12");
}

TEST(Render, FiltersAndTests) {
  EXPECT_EQ(render("{{ missing | default('d') | upper }}"), "D");
  EXPECT_EQ(render("{{ [3, 1, 2] | sort | join(',') }}"), "1,2,3");
  EXPECT_EQ(render("{{ 6 is divisibleby 3 }} {{ 6 is divisibleby(4) }} {{ x is defined }}"),
            "True False False");
  EXPECT_EQ(render("{{ 1 is not none }} {{ none is none }}"), "True True");
  EXPECT_EQ(render("{{ -1 | abs }}"), "1");
}

TEST(Render, CallsWithStarArgs) {
  EXPECT_EQ(render("{% macro m(a, b, c=3) %}{{ a }}{{ b }}{{ c }}{% endmacro %}"
                   "{{ m(*[1, 2]) }} {{ m(**{'a': 4, 'b': 5, 'c': 6}) }} {{ m(7, c=9, b=8) }}"),
            "123 456 789");
}

TEST(Render, RuntimeErrorsCarryTheLine) {
  EXPECT_EQ(render_error("a\n{{ 1 + 'x' }}"),
            "t.sql:2:6: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(render_error("{{ x.y }}"), "t.sql:1:5: 'x' is undefined");
  EXPECT_EQ(render_error("\n\n{{ 1() }}"), "t.sql:3:5: 'int' object is not callable");
  EXPECT_EQ(render_error("{{ none() }}"), "t.sql:1:8: 'NoneType' object is not callable");
  EXPECT_EQ(render_error("{% for a, b in [1] %}{% endfor %}"),
            "t.sql:1:8: cannot unpack non-iterable int object");
  EXPECT_EQ(render_error("{% for a, b in [(1, 2, 3)] %}{% endfor %}"),
            "t.sql:1:8: too many values to unpack (expected 2)");
  EXPECT_EQ(render_error("{{ 1 | nosuchfilter }}"), "t.sql:1:8: No filter named 'nosuchfilter'.");
  EXPECT_EQ(render_error("{% set a.b = 1 %}"),
            "t.sql:1:8: cannot assign attribute on non-namespace object");
}

TEST(Render, SandboxHidesUnderscoreAttributes) {
  EXPECT_EQ(render("{{ ''.__class__ }}|"), "|");
}

}  // namespace
}  // namespace kiln::jinja
