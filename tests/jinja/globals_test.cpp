#include "render_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "jinja/dict.h"
#include "jinja/globals.h"

namespace kiln::jinja {
namespace {

using testing::check_renders;
using testing::RenderCase;

// Expected outputs and errors below come from Jinja2 3.1.6 (see render_case.h).
const RenderCase kGlobalCases[] = {
    {"{{ range(3)|list }}|{{ range(1, 4)|list }}|{{ range(10, 0, -3)|list }}|{{ range(0)|list "
     "}}|{{ range(5, 1)|list }}|{{ range(true)|list }}|{{ range(-3)|list }}|{{ range(0, 10, "
     "4)|list }}",
     "[0, 1, 2]|[1, 2, 3]|[10, 7, 4, 1]|[]|[]|[0]|[]|[0, 4, 8]"},
    {"{% for i in range(3) %}{{ i }}{% endfor %}|{{ range(100000)|length }}|{{ range(0, 200000, "
     "2)|length }}|{{ range(2**64, 2**64 + 2)|list }}|{{ range(-2**63, -2**63 + 1)|list }}",
     "012|100000|100000|[18446744073709551616, 18446744073709551617]|[-9223372036854775808]"},
    {"{{ range(100001) }}", nullptr, ErrorKind::Overflow,
     "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000)."},
    {"{{ range(0, 200001, 2)|length }}", nullptr, ErrorKind::Overflow,
     "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000)."},
    {"{{ range(1.5) }}", nullptr, ErrorKind::Type,
     "'float' object cannot be interpreted as an integer"},
    {"{{ range() }}", nullptr, ErrorKind::Type, "range expected at least 1 argument, got 0"},
    {"{{ range(1,2,3,4) }}", nullptr, ErrorKind::Type, "range expected at most 3 arguments, got 4"},
    {"{{ range(1,2,0) }}", nullptr, ErrorKind::Value, "range() arg 3 must not be zero"},
    {"{{ range(none) }}", nullptr, ErrorKind::Type,
     "'NoneType' object cannot be interpreted as an integer"},
    {"{{ dict(a=1, b='x') }}|{{ dict() }}|{{ dict([('a', 1)], b=2) }}|{{ dict({'a': 1}, a=2) }}|{{ "
     "dict(['ab']) }}|{{ dict([[1, 2]]) }}|{{ dict(a=1).a }}",
     "{'a': 1, 'b': 'x'}|{}|{'a': 1, 'b': 2}|{'a': 2}|{'a': 'b'}|{1: 2}|1"},
    {"{{ dict(1) }}", nullptr, ErrorKind::Type, "'int' object is not iterable"},
    {"{{ dict([1]) }}", nullptr, ErrorKind::Type,
     "cannot convert dictionary update sequence element #0 to a sequence"},
    {"{{ dict([[1,2,3]]) }}", nullptr, ErrorKind::Value,
     "dictionary update sequence element #0 has length 3; 2 is required"},
    {"{{ dict(u) }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ namespace(u) }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ dict({}, {}) }}", nullptr, ErrorKind::Type, "dict expected at most 1 argument, got 2"},
    {"{% set ns = namespace(a=1) %}{% set ns.b = [1] %}{{ ns }} {{ ns.a }} {{ ns['b'] }} [{{ ns.zz "
     "}}] {{ ns.zz is defined }}",
     "<Namespace {'a': 1, 'b': [1]}> 1 [1] [] False"},
    {"{% set ns = namespace({'a': 1}, b=2) %}{{ ns }}|{{ namespace() }}|{% set ns = namespace(n=0) "
     "%}{% for i in range(4) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}",
     "<Namespace {'a': 1, 'b': 2}>|<Namespace {}>|6"},
    {"{% set ns = namespace(a=1) %}{% set ns.a = 2 %}{% set ns.b = 3 %}{% set ns.a = 4 %}{{ ns }}",
     "<Namespace {'a': 4, 'b': 3}>"},
    {"{{ namespace(1) }}", nullptr, ErrorKind::Type, "'int' object is not iterable"},
    {"{% set c = cycler('a','b') %}{{ c.next() }}{{ c.next() }}{{ c.current }}{{ c.next() }}{% do "
     "c.reset() %}{{ c.current }}{{ c.next() }}{{ c.next() }}|{{ c.items }}|{{ c.pos }}",
     "abaaaab|('a', 'b')|0"},
    {"{% set c = cycler(1) %}{{ c.next() }}{{ c.next() }}{{ c.current }}", "111"},
    {"{{ cycler() }}", nullptr, ErrorKind::Runtime, "at least one item has to be provided"},
    {"{{ cycler(1, x=2) }}", nullptr, ErrorKind::Type,
     "Cycler.__init__() got an unexpected keyword argument 'x'"},
    {"{% set j = joiner() %}{{ j() }}{{ j() }}{{ j() }}|{% set j = joiner('|') %}{{ j() }}{{ j() "
     "}}|{% set j = joiner(sep='|') %}{{ j() }}{{ j() }}|{{ joiner().sep }}",
     ", , |||||, "},
    {"{% set j = joiner() %}{% for x in 'abc' %}{{ j() }}{{ x }}{% endfor %}", "a, b, c"},
    {"{{ joiner(1,2) }}", nullptr, ErrorKind::Type,
     "Joiner.__init__() takes from 1 to 2 positional arguments but 3 were given"},
    {"{{ joiner(x=1) }}", nullptr, ErrorKind::Type,
     "Joiner.__init__() got an unexpected keyword argument 'x'"},
    {"{{ lipsum(x=1) }}", nullptr, ErrorKind::Type,
     "generate_lorem_ipsum() got an unexpected keyword argument 'x'"},
    {"{{ lipsum(1, min=5, max=5) }}", nullptr, ErrorKind::Value,
     "empty range for randrange() (5, 5, 0)"},
};

TEST(Globals, Builtins) {
  check_renders(kGlobalCases);
}

TEST(Globals, NamespaceAssignsAndReadsAttributesInOrder) {
  Value ns = Value::object(new Namespace());
  auto& object = static_cast<Namespace&>(ns.as_object());
  object.set_attr("b", Value::integer(1));
  object.set_attr("a", Value::string("x"));
  object.set_attr("b", Value::integer(2));
  EXPECT_EQ(object.get_attr("b").as_int64(), 2);
  EXPECT_EQ(object.get_item(Value::string("a")).as_string(), "x");
  EXPECT_TRUE(object.get_attr("missing").is_undefined());
  EXPECT_TRUE(object.get_item(Value::integer(0)).is_undefined());
  EXPECT_EQ(ns.repr(), "<Namespace {'b': 2, 'a': 'x'}>");
}

std::string render(const std::string& source) {
  const Environment env;
  return env.render(*env.parse(source, "globals"), Value::dict());
}

// lipsum is random; what is fixed is its shape: paragraphs of capitalised sentences
// ending with a full stop, in <p> tags (a safe string) or separated by blank lines.
TEST(Globals, LipsumHasJinja2sShape) {
  const std::string html = render("{{ lipsum(3, true, 5, 9) }}");
  EXPECT_EQ(html.rfind("<p>", 0), 0u);
  EXPECT_EQ(html.substr(html.size() - 5), ".</p>");
  EXPECT_EQ(std::count(html.begin(), html.end(), '\n'), 2);
  EXPECT_EQ(render("{{ lipsum() is escaped }}"), "True");

  const std::string text = render("{{ lipsum(2, false, 20, 21) }}");
  const size_t gap = text.find("\n\n");
  ASSERT_NE(gap, std::string::npos);
  for (const std::string& paragraph : {text.substr(0, gap), text.substr(gap + 2)}) {
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(paragraph[0]))) << paragraph;
    EXPECT_EQ(paragraph.back(), '.') << paragraph;
    EXPECT_EQ(std::count(paragraph.begin(), paragraph.end(), ' '), 19) << paragraph;
  }
  EXPECT_EQ(render("{{ lipsum(1, false, 20, 21)|wordcount }}"), "20");
  EXPECT_EQ(render("{{ lipsum(0) }}"), "");
}

}  // namespace
}  // namespace kiln::jinja
