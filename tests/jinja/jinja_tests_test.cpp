#include "render_case.h"

#include <gtest/gtest.h>

namespace kiln::jinja {
namespace {

using testing::check_renders;
using testing::RenderCase;

// Expected outputs and errors below come from Jinja2 3.1.6 (see render_case.h).
const RenderCase kTestCases[] = {
    {"{{ u is defined }}|{{ 1 is defined }}|{{ none is defined }}|{{ u is undefined }}|{{ none is "
     "none }}|{{ 0 is none }}",
     "False|True|True|True|True|False"},
    {"{{ true is boolean }}|{{ 1 is boolean }}|{{ false is false }}|{{ 0 is false }}|{{ true is "
     "true }}|{{ 1 is true }}",
     "True|False|True|False|True|False"},
    {"{{ 1 is integer }}|{{ true is integer }}|{{ 1.0 is integer }}|{{ (2**70) is integer }}|{{ "
     "1.0 is float }}|{{ 1 is float }}",
     "True|False|False|True|True|False"},
    {"{{ true is number }}|{{ 1 is number }}|{{ 1.5 is number }}|{{ '1' is number }}|{{ u is "
     "number }}|{{ none is number }}",
     "True|True|True|False|False|False"},
    {"{{ 'a' is string }}|{{ 1 is string }}|{{ ('a'|safe) is string }}|{{ {} is mapping }}|{{ [] "
     "is mapping }}|{{ u is mapping }}",
     "True|False|True|True|False|False"},
    {"{{ 'ab' is sequence }}|{{ {} is sequence }}|{{ [] is sequence }}|{{ (1,) is sequence }}|{{ u "
     "is sequence }}|{{ 1 is sequence }}|{{ none is sequence }}",
     "True|True|True|True|True|False|False"},
    {"{{ 'ab' is iterable }}|{{ {} is iterable }}|{{ u is iterable }}|{{ 1 is iterable }}|{{ "
     "range(2) is iterable }}",
     "True|True|True|False|True"},
    {"{{ range is callable }}|{{ 'a'.upper is callable }}|{{ 'a' is callable }}|{{ cycler(1) is "
     "callable }}|{{ joiner() is callable }}",
     "True|True|False|False|True"},
    {"{{ 'x'|e is escaped }}|{{ 'x' is escaped }}|{{ 'x'|safe is escaped }}", "True|False|True"},
    {"{{ 'abc' is lower }}|{{ 'aBc' is lower }}|{{ 'ABC' is upper }}|{{ 'A1' is upper }}|{{ '1' is "
     "upper }}|{{ '' is lower }}|{{ u is lower }}|{{ 'é' is lower }}|{{ 'ÉA' is upper }}",
     "True|False|True|True|False|False|False|True|True"},
    {"{{ 3 is odd }}|{{ 4 is odd }}|{{ 4 is even }}|{{ 1.5 is odd }}|{{ 3.0 is odd }}|{{ -3 is odd "
     "}}|{{ (2**70) is even }}|{{ true is odd }}",
     "True|False|True|False|True|True|True|True"},
    {"{{ 9 is divisibleby 3 }}|{{ 9 is divisibleby(2) }}|{{ 3 is divisibleby 1.5 }}|{{ 7.5 is "
     "divisibleby 2.5 }}|{{ -9 is divisibleby 3 }}",
     "True|False|True|True|True"},
    {"{{ 7 is divisibleby 0 }}", nullptr, ErrorKind::ZeroDivision, "integer modulo by zero"},
    {"{{ u is odd }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ 'a' is odd }}", nullptr, ErrorKind::Type,
     "not all arguments converted during string formatting"},
    {"{{ 1 is divisibleby }}", nullptr, ErrorKind::Type,
     "test_divisibleby() missing 1 required positional argument: 'num'"},
    {"{{ 1 is eq 1 }}|{{ 1 is eq 1.0 }}|{{ [1,2]|select('==', 2)|list }}|{{ 'a' is equalto 'a' "
     "}}|{{ u is eq 1 }}|{{ 1 is ne 2 }}|{{ [1,2]|select('!=', 1)|list }}",
     "True|True|[2]|True|False|True|[2]"},
    {"{{ 2 is gt 1 }}|{{ [1,2,3]|select('>', 2)|list }}|{{ 2 is greaterthan 1 }}|{{ 2 is ge 2 "
     "}}|{{ [1,2,3]|select('>=', 2)|list }}|{{ 1 is lt 2 }}|{{ [1,2,3]|select('<', 2)|list }}|{{ 1 "
     "is lessthan 2 }}|{{ 1 is le 1 }}|{{ [1,2,3]|select('<=', 2)|list }}|{{ 'a' is lt 'b' }}|{{ "
     "[1] is lt [1, 0] }}",
     "True|[3]|True|True|[2, 3]|True|[1]|True|True|[1, 2]|True|True"},
    {"{{ 'a' is lt 1 }}", nullptr, ErrorKind::Type,
     "'<' not supported between instances of 'str' and 'int'"},
    {"{{ u is lt 1 }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ 1 is in [1] }}|{{ 'a' is in 'abc' }}|{{ 'a' is in {'a': 1} }}|{{ 2 is in (1,) }}|{{ 1 is "
     "in u }}",
     nullptr, ErrorKind::Type, "argument of type 'int' is not iterable"},
    {"{{ 1 is in 1 }}", nullptr, ErrorKind::Type, "argument of type 'int' is not iterable"},
    {"{{ 1 is sameas 1 }}|{{ none is sameas none }}|{{ true is sameas true }}|{{ 1 is sameas true "
     "}}|{{ [] is sameas [] }}|{{ u is sameas u }}|{{ 1 is sameas 2 }}",
     "True|True|True|False|False|False|False"},
    {"{% set x = [1] %}{{ x is sameas x }}|{% set y = x %}{{ y is sameas x }}|{% set d = {} %}{{ d "
     "is sameas d }}",
     "True|True|True"},
    {"{{ 'upper' is filter }}|{{ 'nope' is filter }}|{{ 1 is filter }}|{{ 'odd' is test }}|{{ "
     "'upper' is test }}|{{ u is filter }}",
     "True|False|False|True|True|False"},
    {"{{ 1 is not odd }}|{{ [1,2,3]|select('odd')|list }}|{{ u is not defined }}",
     "False|[1, 3]|True"},
    {"{{ 1 is defined(1) }}", nullptr, ErrorKind::Type,
     "test_defined() takes 1 positional argument but 2 were given"},
};

TEST(JinjaTests, AllBuiltinTests) {
  check_renders(kTestCases);
}

const RenderCase kTestEdgeCases[] = {
    {"{{ u is callable }}|{{ u is filter }}|{{ u is test }}|{{ none is filter }}",
     "True|False|False|False"},
    {"{{ [1] is filter }}", nullptr, ErrorKind::Type, "unhashable type: 'list'"},
    {"{{ {} is test }}", nullptr, ErrorKind::Type, "unhashable type: 'dict'"},
};

TEST(JinjaTests, UndefinedAndUnhashableSubjects) {
  check_renders(kTestEdgeCases);
}

}  // namespace
}  // namespace kiln::jinja
