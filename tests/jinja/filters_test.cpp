#include "render_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "jinja/filters.h"
#include "jinja/filters_args.h"

namespace kiln::jinja {
namespace {

using testing::check_renders;
using testing::RenderCase;

// Expected outputs and errors below come from Jinja2 3.1.6 (see render_case.h).
const RenderCase kNumberCases[] = {
    {"{{ -3|abs }} {{ true|abs }} {{ -2.5|abs }} {{ -0.0|abs }} {{ (-2**70)|abs }}",
     "3 1 2.5 0.0 1180591620717411303424"},
    {"{{ 'a'|abs }}", nullptr, ErrorKind::Type, "bad operand type for abs(): 'str'"},
    {"{{ '0x1A'|int(base=16) }} {{ '0x1A'|int }} {{ '12.7'|int }} {{ 12345678901234567890|int }} "
     "{{ '1e3'|int }} {{ ' 42 '|int }}",
     "26 0 12 12345678901234567890 1000 42"},
    {"{{ '0b101'|int(base=0) }} {{ '010'|int(base=0) }} {{ '1_000'|int }} {{ 3.9|int }} {{ "
     "-3.9|int }} {{ 'z'|int(base=36) }} {{ '1A'|int(base=16) }}",
     "5 10 1000 3 -3 35 26"},
    {"{{ none|int }} {{ 'abc'|int(default=7) }} {{ '99999999999999999999999'|int }} {{ 'inf'|int "
     "}} {{ 'nan'|int(5) }} {{ true|int }}",
     "0 7 99999999999999999999999 0 5 1"},
    {"{{ '-0x1a'|int(0,16) }} {{ '0x_1a'|int(0,16) }} {{ '12'|int(0, 1) }} {{ [1]|int }} {{ "
     "'1__0'|int }} {{ '0o17'|int(base=8) }}",
     "-26 26 12 0 0 15"},
    {"{{ u|int }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ 1|int(x=1) }}", nullptr, ErrorKind::Type, "int() got an unexpected keyword argument 'x'"},
    {"{{ '1_0.5'|float }} {{ ' inf '|float }} {{ 'x'|float(1) }} {{ [1]|float }} {{ true|float }} "
     "{{ '0x10'|float }} {{ '1e400'|float }}",
     "10.5 inf 1 0.0 1.0 0.0 inf"},
    {"{{ '-nan'|float }} {{ '1__0'|float }} {{ '_1'|float }} {{ '1.'|float }} {{ '.5'|float }} {{ "
     "'Infinity'|float }} {{ '1e5'|float }} {{ none|float }} {{ 10|float }} {{ '-1.5E-3'|float }}",
     "nan 0.0 0.0 1.0 0.5 inf 100000.0 0.0 10.0 -0.0015"},
    {"{{ u|float }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ 3|round }} {{ 3|round(1) }} {{ 15|round(-1) }} {{ 25|round(-1) }} {{ 2.5|round }} {{ "
     "3.5|round }} {{ 2.675|round(2) }} {{ 1234.5|round(-2) }}",
     "3 3 20 20 2.0 4.0 2.67 1200.0"},
    {"{{ 2.1|round(0,'ceil') }} {{ 3|round(0,'floor') }} {{ -2.5|round(0,'floor') }} {{ "
     "2.345|round(2, 'ceil') }} {{ 2.345|round(1, 'floor') }} {{ 0.5|round }} {{ -0.5|round }} {{ "
     "1.15|round(1) }}",
     "3.0 3.0 -3.0 2.35 2.3 0.0 -0.0 1.1"},
    {"{{ 'a'|round }}", nullptr, ErrorKind::Type, "type str doesn't define __round__ method"},
    {"{{ u|round }}", nullptr, ErrorKind::Type, "type Undefined doesn't define __round__ method"},
    {"{{ 2.5|round(1.5) }}", nullptr, ErrorKind::Type,
     "'float' object cannot be interpreted as an integer"},
    {"{{ 2.5|round(method='x') }}", nullptr, ErrorKind::Runtime,
     "method must be common, ceil or floor"},
    {"{{ 1|filesizeformat }} {{ 0|filesizeformat }} {{ 999|filesizeformat }} {{ "
     "1000|filesizeformat }} {{ 1024|filesizeformat(true) }} {{ 1500000|filesizeformat }}",
     "1 Byte 0 Bytes 999 Bytes 1.0 kB 1.0 KiB 1.5 MB"},
    {"{{ '2000'|filesizeformat }} {{ (10**30)|filesizeformat }} {{ -5|filesizeformat }} {{ "
     "1.5|filesizeformat }} {{ 1.0|filesizeformat }} {{ 999999|filesizeformat }} {{ "
     "3000000000|filesizeformat(binary=true) }}",
     "2.0 kB 1000000.0 YB -5 Bytes 1 Bytes 1 Byte 1000.0 kB 2.8 GiB"},
    {"{{ 'x'|filesizeformat }}", nullptr, ErrorKind::Value,
     "could not convert string to float: 'x'"},
    {"{{ [1]|filesizeformat }}", nullptr, ErrorKind::Type,
     "float() argument must be a string or a real number, not 'list'"},
};

const RenderCase kStringCases[] = {
    {"{{ 'hELLo wOrld'|lower }}|{{ 'hELLo wOrld'|upper }}|{{ 'hELLo wOrld'|capitalize }}|{{ "
     "1|upper }}|{{ none|lower }}|{{ u|upper }}",
     "hello world|HELLO WORLD|Hello world|1|none|"},
    {"{{ \"hello WORLD, i'm (fine) [ok] <a>b-c d\\te {x}y\"|title }}|{{ 'éCOLE'|title }}|{{ "
     "''|title }}",
     "Hello World, I'm (Fine) [Ok] <A>b-C D\tE {X}y|École|"},
    {"{{ '  xx  '|trim }}|{{ 'xxaxx'|trim('x') }}|{{ '\\t a \\n'|trim }}|{{ 'abcba'|trim('ab') "
     "}}|{{ 5|trim }}",
     "xx|a|a|c|5"},
    {"{{ 'ab'|center(7) }}|{{ 'ab'|center(6) }}|{{ 'abc'|center(6) }}|{{ 'abc'|center(2) }}|{{ "
     "'é'|center(4) }}|{{ 'x'|center }}|",
     "   ab  |  ab  | abc  |abc| é  |                                       x                      "
     "                  |"},
    {"{{ 'ab'|center('3') }}", nullptr, ErrorKind::Type,
     "'str' object cannot be interpreted as an integer"},
    {"{{ 'aXbXc'|replace('X', '-') }}|{{ 'aXbXc'|replace('X', '-', 1) }}|{{ 'aaa'|replace('a', "
     "'b', 0) }}|{{ 123|replace(2, 9) }}|{{ 'ab'|replace('', '-') }}",
     "a-b-c|a-bXc|aaa|193|-a-b-"},
    {"{{ 'a'|replace('a') }}", nullptr, ErrorKind::Type,
     "replace() missing 1 required positional argument: 'new'"},
    {"{{ '%s-%d'|format('a', 3) }}|{{ '%(x)s'|format(x=1) }}|{{ '%s'|format([1,2]) }}|{{ "
     "'%.2f%%'|format(12.345) }}|{{ '%5s|%-5s|'|format('a', 'b') }}",
     "a-3|1|[1, 2]|12.35%|    a|b    |"},
    {"{{ '%s %s'|format(1, x=2) }}", nullptr, ErrorKind::Runtime,
     "can't handle positional and keyword arguments at the same time"},
    {"{{ '%s %s'|format(1) }}", nullptr, ErrorKind::Type, "not enough arguments for format string"},
    {"{{ 1|string }}|{{ none|string }}|{{ [1, 'a']|string }}|{{ u|string }}|{{ 1.0|string }}|{{ "
     "{'a': none}|string }}",
     "1|None|[1, 'a']||1.0|{'a': None}"},
    {"{{ 'a\\nb\\n\\nc'|indent }}|{{ 'a\\nb\\n\\nc'|indent(2, true, true) }}|{{ 'a\\nb'|indent('> "
     "') }}|{{ ''|indent(first=true) }}|{{ 'a\\r\\nb\\n'|indent(1) }}|{{ 'x'|indent(first=true) }}",
     "a\n    b\n\n    c|  a\n  b\n  \n  c|a\n> b|    |a\n b\n|    x"},
    {"{{ 'hello world foo'|truncate(9) }}|{{ 'hello world foo bar baz'|truncate(9) }}|{{ 'hello "
     "world foo bar baz'|truncate(9, true) }}|{{ 'hello world foo bar baz'|truncate(9, leeway=0) "
     "}}",
     "hello...|hello...|hello ...|hello..."},
    {"{{ 'helloworldfoo'|truncate(5, leeway=0) }}|{{ 'hello world'|truncate(5, end='', leeway=0) "
     "}}|{{ 'short'|truncate(3, leeway=2) }}|{{ 'ééééééééé'|truncate(4, end='…', leeway=0) }}|{{ "
     "'a b c d e f g h'|truncate(5, end='!', leeway=0) }}",
     "he...|hello|short|ééé…|a b!"},
    {"{{ 'abc'|truncate(2) }}", nullptr, ErrorKind::Runtime, "expected length >= 3, got 2"},
    {"{{ 'ab'|truncate(5, leeway=-1) }}", nullptr, ErrorKind::Runtime,
     "expected leeway >= 0, got -1"},
    {"{{ 'a b_c d-e 12 é,x'|wordcount }}|{{ ''|wordcount }}|{{ '  --  '|wordcount }}|{{ "
     "12|wordcount }}",
     "7|0|0|1"},
    {"{{ 'hello-world is here, said the man-with-the-hat'|wordwrap(10) }}",
     "hello-\nworld is\nhere, said\nthe man-\nwith-the-\nhat"},
    {"{{ 'a  b   c'|wordwrap(3) }}|{{ ' lead  trail '|wordwrap(4) }}", "a\nb\nc|lead\ntrai\nl"},
    {"{{ 'a-very-long-hyphenated-word and--dash x'|wordwrap(8) }}",
     "a-very-\nlong-hyp\nhenated-\nword and\n--dash x"},
    {"{{ 'supercalifragilistic'|wordwrap(5) }}|{{ 'supercalifragilistic x'|wordwrap(5, false) "
     "}}|{{ 'a-b-c-d-e-f'|wordwrap(3, break_on_hyphens=false) }}",
     "super\ncalif\nragil\nistic|supercalifragilistic\nx|a-b\n-c-\nd-e\n-f"},
    {"{{ 'one two\\r\\nthree four five\\n\\nsix'|wordwrap(9, wrapstring='|') }}",
     "one two|three|four five||six"},
    {"{{ 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
     "incididunt ut labore et dolore magna aliqua.'|wordwrap(20) }}",
     "Lorem ipsum dolor\nsit amet,\nconsectetur\nadipiscing elit, sed\ndo eiusmod "
     "tempor\nincididunt ut labore\net dolore magna\naliqua."},
    {"{{ 'well-known x-ray e-mail self-contained'|wordwrap(7) }}",
     "well-\nknown\nx-ray\ne-mail\nself-co\nntained"},
    {"{{ 'x'|wordwrap(0) }}", nullptr, ErrorKind::Value, "invalid width 0 (must be > 0)"},
};

const RenderCase kHtmlCases[] = {
    {"{{ '<a href=\"x\">&\\'</a>'|e }}|{{ 1|e }}|{{ none|e }}|{{ u|e }}|{{ '<b>'|safe|e }}|{{ "
     "'<b>'|safe|forceescape }}|{{ '<b>'|escape }}|{{ ('<b>'|e) is escaped }}|{{ '<b>' is escaped "
     "}}|{{ ('<b>'|safe) is escaped }}",
     "&lt;a "
     "href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;|1|None||<b>|&lt;b&gt;|&lt;b&gt;|True|False|True"},
    {"{{ '<p>Hello <b>World</b></p>  <!-- c --> x &amp; &lt; &#39; &#x41; &foo;   y'|striptags "
     "}}|{{ 'a <b'|striptags }}|{{ '<!-- <b> -->z'|striptags }}",
     "Hello World x & < ' A &foo; y|a <b|z"},
    {"{{ 'a b&c/d?é~'|urlencode }}|{{ {'a b': 'c&d', 'x': 1}|urlencode }}|{{ "
     "[('a','/'),('b',2)]|urlencode }}|{{ 1|urlencode }}|{{ none|urlencode }}",
     "a%20b%26c/d%3F%C3%A9~|a+b=c%26d&x=1|a=%2F&b=2|1|None"},
    {"{{ {'class': 'x<', 'id': none, 'data-x': 1, 'u': u}|xmlattr }}|{{ {'a':1}|xmlattr(false) "
     "}}|{{ {}|xmlattr }}|{{ {'q': '\"\\''}|xmlattr }}",
     " class=\"x&lt;\" data-x=\"1\"|a=\"1\"|| q=\"&#34;&#39;\""},
    {"{{ {'a b':1}|xmlattr }}", nullptr, ErrorKind::Value,
     "Invalid character in attribute name: 'a b'"},
    {"{{ 'visit http://example.com, or www.x.org. mail a@b.com <b>'|urlize }}",
     "visit <a href=\"http://example.com\" rel=\"noopener\">http://example.com</a>, or <a "
     "href=\"https://www.x.org\" rel=\"noopener\">www.x.org</a>. mail <a "
     "href=\"mailto:a@b.com\">a@b.com</a> &lt;b&gt;"},
    {"{{ 'http://example.com/very/long/path'|urlize(10, true, '_blank') }}",
     "<a href=\"http://example.com/very/long/path\" rel=\"nofollow noopener\" "
     "target=\"_blank\">http://exa...</a>"},
    {"{{ '(https://a.com/x) mailto:me@x.org foo.com example.org:8080/p?q=1 http://10.0.0.1/ "
     "x@y'|urlize }}",
     "(<a href=\"https://a.com/x\" rel=\"noopener\">https://a.com/x</a>) <a "
     "href=\"mailto:me@x.org\">me@x.org</a> <a href=\"https://foo.com\" "
     "rel=\"noopener\">foo.com</a> <a href=\"https://example.org:8080/p?q=1\" "
     "rel=\"noopener\">example.org:8080/p?q=1</a> <a href=\"http://10.0.0.1/\" "
     "rel=\"noopener\">http://10.0.0.1/</a> x@y"},
    {"{{ 'see ftp://x.y/z or https://q.io'|urlize(rel='me', extra_schemes=['ftp://']) }}",
     "see <a href=\"ftp://x.y/z\" rel=\"me noopener\">ftp://x.y/z</a> or <a href=\"https://q.io\" "
     "rel=\"me noopener\">https://q.io</a>"},
    {"{{ 'x'|urlize(extra_schemes=['bad scheme']) }}", nullptr, ErrorKind::Runtime,
     "'bad scheme' is not a valid URI scheme prefix."},
};

const RenderCase kSequenceCases[] = {
    {"{{ [1,2]|length }}|{{ 'abc'|count }}|{{ u|length }}|{{ {'a':1}|length }}|{{ 'é'|length }}|{{ "
     "(1,2,3)|count }}",
     "2|3|0|1|1|3"},
    {"{{ 3|length }}", nullptr, ErrorKind::Type, "object of type 'int' has no len()"},
    {"{{ 'ab'|list }}|{{ {'a':1}|list }}|{{ u|list }}|{{ (1,2)|list }}|{{ []|list }}",
     "['a', 'b']|['a']|[]|[1, 2]|[]"},
    {"{{ 3|list }}", nullptr, ErrorKind::Type, "'int' object is not iterable"},
    {"{{ [3,1,2]|first }}|{{ []|first }}|{{ 'abc'|first }}|{{ {'a':1}|first }}|{{ u|first }}|{{ "
     "[3,1,2]|last }}|{{ 'abc'|last }}|{{ {'a':1,'b':2}|last }}|{{ []|last }}",
     "3||a|a||2|c|b|"},
    {"{{ ([]|first).x }}", nullptr, ErrorKind::Undefined, "No first item, sequence was empty."},
    {"{{ 3|first }}", nullptr, ErrorKind::Type, "'int' object is not iterable"},
    {"{{ [1,2,3]|reverse|list }}|{{ 'abc'|reverse }}|{{ {'a':1,'b':2}|reverse|list }}|{{ "
     "(1,2)|reverse|list }}|{{ 'aé'|reverse }}",
     "[3, 2, 1]|cba|['b', 'a']|[2, 1]|éa"},
    {"{{ 3|reverse }}", nullptr, ErrorKind::Runtime, "argument must be iterable"},
    {"{{ [1,2,3]|join }}|{{ [1,2,3]|join('-') }}|{{ [{'a':1},{'a':2}]|join(',', 'a') }}|{{ "
     "'abc'|join('.') }}|{{ u|join }}|{{ {'x':1,'y':2}|join }}|{{ [none, 1.0, 'x']|join(d=1) }}|{{ "
     "[[1,2],[3]]|join(', ', attribute=0) }}",
     "123|1-2-3|1,2|a.b.c||xy|None11.01x|1, 3"},
    {"{{ [1]|join(x=1) }}", nullptr, ErrorKind::Type,
     "join() got an unexpected keyword argument 'x'"},
    {"{{ [1]|join(1, 2, 3) }}", nullptr, ErrorKind::Type,
     "join() takes from 1 to 3 positional arguments but 4 were given"},
    {"{{ [1]|join(1, d=2) }}", nullptr, ErrorKind::Type,
     "join() got multiple values for argument 'd'"},
    {"{{ [1,2,3]|sum }}|{{ [1,2.5]|sum }}|{{ [{'a':1},{'a':2}]|sum(attribute='a') }}|{{ "
     "[[1],[2]]|sum(start=[]) }}|{{ []|sum }}|{{ [1,2]|sum(start=10) }}|{{ "
     "[{'a':{'b':2}},{'a':{'b':3}}]|sum('a.b') }}",
     "6|3.5|3|[1, 2]|0|13|5"},
    {"{{ ['a','b']|sum }}", nullptr, ErrorKind::Type,
     "unsupported operand type(s) for +: 'int' and 'str'"},
    {"{{ ['a','b']|sum(start='') }}", nullptr, ErrorKind::Type,
     "sum() can't sum strings [use ''.join(seq) instead]"},
    {"{{ [3,1,2]|max }}|{{ ['b','A','c']|max }}|{{ ['b','A','c']|max(true) }}|{{ []|max }}|{{ "
     "[{'a':1},{'a':5}]|max(attribute='a') }}|{{ ['a','B']|min }}|{{ "
     "['a','B']|min(case_sensitive=true) }}|{{ ['B','b']|max }}|{{ [2,1,1.0]|min }}",
     "3|c|c||{'a': 5}|a|B|B|1"},
    {"{{ [1,'a']|max }}", nullptr, ErrorKind::Type,
     "'>' not supported between instances of 'str' and 'int'"},
    {"{{ ['b','A','c']|sort }}|{{ ['b','A','c']|sort(true) }}|{{ "
     "['b','A','c']|sort(case_sensitive=true) }}|{{ "
     "[{'a':2,'b':1},{'a':1,'b':2}]|sort(attribute='a') }}",
     "['A', 'b', 'c']|['c', 'b', 'A']|['A', 'b', 'c']|[{'a': 1, 'b': 2}, {'a': 2, 'b': 1}]"},
    {"{{ [{'a':1,'b':2},{'a':1,'b':1}]|sort(attribute='a,b') }}|{{ "
     "[[1,'x'],[0,'y']]|sort(attribute='0') }}|{{ "
     "[{'n':{'v':2}},{'n':{'v':1}}]|sort(attribute='n.v', reverse=true) }}|{{ [2,1,2.0,1.0]|sort "
     "}}|{{ [2,1,2.0,1.0]|sort(reverse=true) }}",
     "[{'a': 1, 'b': 1}, {'a': 1, 'b': 2}]|[[0, 'y'], [1, 'x']]|[{'n': {'v': 2}}, {'n': {'v': "
     "1}}]|[1, 1.0, 2, 2.0]|[2, 2.0, 1, 1.0]"},
    {"{{ [1,'a']|sort }}", nullptr, ErrorKind::Type,
     "'<' not supported between instances of 'str' and 'int'"},
    {"{{ {'b':1,'A':2,'a':3}|dictsort }}|{{ {'b':1,'A':2,'a':3}|dictsort(true) }}|{{ "
     "{'b':1,'A':2,'a':3}|dictsort(by='value', reverse=true) }}|{{ "
     "{'x':'B','y':'a'}|dictsort(false, 'value') }}",
     "[('A', 2), ('a', 3), ('b', 1)]|[('A', 2), ('a', 3), ('b', 1)]|[('a', 3), ('A', 2), ('b', "
     "1)]|[('y', 'a'), ('x', 'B')]"},
    {"{{ {'b':1}|dictsort(by='x') }}", nullptr, ErrorKind::Runtime,
     "You can only sort by either \"key\" or \"value\""},
    {"{{ ['a','A','b',1,1.0,true]|unique|list }}|{{ ['a','A']|unique(true)|list }}|{{ "
     "[{'a':'x'},{'a':'X'}]|unique(attribute='a')|list }}|{{ 'abca'|unique|join }}",
     "['a', 'b', 1]|['a', 'A']|[{'a': 'x'}]|abc"},
    {"{{ [[1]]|unique|list }}", nullptr, ErrorKind::Type, "unhashable type: 'list'"},
    {"{{ {'a':1,'b':[2]}|items|list }}|{{ u|items|list }}|{{ {}|items|list }}",
     "[('a', 1), ('b', [2])]|[]|[]"},
    {"{{ [1]|items|list }}", nullptr, ErrorKind::Type, "Can only get item pairs from a mapping."},
    {"{{ [1,2,3,4,5]|batch(2)|list }}|{{ [1,2,3,4,5]|batch(2, 0)|list }}|{{ 'abc'|batch(2)|list "
     "}}|{{ [1]|batch(0)|list }}|{{ []|batch(3)|list }}|{{ [1,2]|batch(2, 'x')|list }}",
     "[[1, 2], [3, 4], [5]]|[[1, 2], [3, 4], [5, 0]]|[['a', 'b'], ['c']]|[[], [1]]|[]|[[1, 2]]"},
    {"{{ [1,2,3,4,5]|slice(3)|list }}|{{ [1,2,3,4,5]|slice(3, 'x')|list }}|{{ [1,2]|slice(4)|list "
     "}}|{{ [1,2,3,4,5,6]|slice(3, 0)|list }}|{{ [1,2,3]|slice(-2)|list }}",
     "[[1, 2], [3, 4], [5]]|[[1, 2], [3, 4], [5, 'x']]|[[1], [2], [], []]|[[1, 2, 0], [3, 4, 0], "
     "[5, 6, 0]]|[]"},
    {"{{ [1]|slice(0)|list }}", nullptr, ErrorKind::ZeroDivision,
     "integer division or modulo by zero"},
    {"{% for g in [{'k':'a','v':1},{'k':'B','v':2},{'k':'A','v':3},{'k':'b','v':4}]|groupby('k') "
     "%}{{ g.grouper }}={{ g.list|map(attribute='v')|join(',') }};{% endfor %}",
     "a=1,3;B=2,4;"},
    {"{% for k, items in [{'k':'a','v':1},{'k':'B','v':2},{'k':'A','v':3}]|groupby('k', "
     "case_sensitive=true) %}{{ k }}={{ items|length }};{% endfor %}",
     "A=1;B=1;a=1;"},
    {"{{ [{'k':1},{'k':2},{'k':1}]|groupby('k') }}|{{ ([{'k':1}]|groupby('k'))[0][0] }}|{{ "
     "[{'a':{'b':1}},{}]|groupby('a.b', default=0)|map(attribute='grouper')|list }}",
     "[(1, [{'k': 1}, {'k': 1}]), (2, [{'k': 2}])]|1|[0, 1]"},
    {"{% for g in [(1,'x'),(0,'y'),(1,'z')]|groupby(0) %}{{ g[0] }}:{{ g[1]|map('last')|join }} {% "
     "endfor %}",
     "0:y 1:xz "},
    {"{{ [{'k':1},{'k':'a'}]|groupby('k') }}", nullptr, ErrorKind::Type,
     "'<' not supported between instances of 'str' and 'int'"},
    {"{{ [1,2]|groupby() }}", nullptr, ErrorKind::Type,
     "groupby() missing 1 required positional argument: 'attribute'"},
};

const RenderCase kSelectCases[] = {
    {"{{ ['a','b']|map('upper')|list }}|{{ [{'a':1},{'b':2}]|map(attribute='a')|list }}|{{ "
     "[{'a':1},{'b':2}]|map(attribute='a', default=0)|list }}|{{ [[1,2],[3]]|map('join', '-')|list "
     "}}",
     "['A', 'B']|[1, Undefined]|[1, 0]|['1-2', '3']"},
    {"{{ [1.5,2.25]|map('round', 1)|list }}|{{ ['%s!','%s?']|map('format', 'x')|list }}|{{ "
     "[]|map('upper')|list }}|{{ u|map('upper')|list }}|{{ "
     "[{'a':{'b':[1,2]}}]|map(attribute='a.b.1')|list }}",
     "[1.5, 2.2]|['x!', 'x?']|[]|[]|[2]"},
    {"{{ [1]|map(attribute='a', x=1)|list }}", nullptr, ErrorKind::Runtime,
     "Unexpected keyword argument 'x'"},
    {"{{ [1]|map|list }}", nullptr, ErrorKind::Runtime, "map requires a filter argument"},
    {"{{ [1,0,2,none,'']|select|list }}|{{ [1,2,3,4]|select('odd')|list }}|{{ "
     "[1,2,3,4]|reject('odd')|list }}|{{ [1,5,10]|select('gt', 4)|list }}|{{ "
     "[1,5,10]|select('divisibleby', 5)|list }}|{{ [1,0,2]|reject|list }}",
     "[1, 2]|[1, 3]|[2, 4]|[5, 10]|[5, 10]|[0]"},
    {"{{ ['a',1,'b']|select('string')|list }}|{{ [1,2,3]|select('in', [2,3])|list }}|{{ "
     "[1,2,3]|select('==', 2)|list }}|{{ u|select|list }}",
     "['a', 'b']|[2, 3]|[2]|[]"},
    {"{% set us = [{'n':'a','ok':true,'age':3},{'n':'b','ok':false,'age':5},{'n':'c','age':1}] "
     "%}{{ us|selectattr('ok')|map(attribute='n')|join }}|{{ "
     "us|rejectattr('ok')|map(attribute='n')|join }}|{{ us|selectattr('age', 'gt', "
     "2)|map(attribute='n')|join }}|{{ us|selectattr('ok', 'defined')|map(attribute='n')|join "
     "}}|{{ us|rejectattr('ok', 'undefined')|map(attribute='n')|join }}|{{ us|selectattr('n', "
     "'equalto', 'c')|list }}",
     "a|bc|ab|ab|ab|[{'n': 'c', 'age': 1}]"},
    {"{{ [1]|selectattr|list }}", nullptr, ErrorKind::Runtime,
     "Missing parameter for attribute name"},
};

const RenderCase kValueCases[] = {
    {"{{ u|default('x') }}|{{ u|d('x') }}|{{ none|default('x') }}|{{ ''|default('x') }}|{{ "
     "''|default('x', true) }}|{{ 0|d('x', boolean=true) }}|{{ u|default }}|[{{ u|default|length "
     "}}]|{{ 1|default(2) }}|{{ u|default(u)|default('y') }}",
     "x|x|None||x|x||[0]|1|y"},
    {"{{ u|default(1, 2, 3) }}", nullptr, ErrorKind::Type,
     "default() takes from 1 to 3 positional arguments but 4 were given"},
    {"{{ {'a': 1}|attr('a') }}|{{ {'a': 1}|attr('items') is callable }}|{{ 'abc'|attr('upper') is "
     "callable }}|{{ 'abc'|attr('nope') is defined }}|{{ [1]|attr('__class__') is defined }}|{{ "
     "1|attr('x') is defined }}",
     "|True|True|False|False|False"},
    {"{{ ({'a': 1}|attr('a')).b }}", nullptr, ErrorKind::Undefined,
     "'dict object' has no attribute 'a'"},
    {"{{ u|attr('a') }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ {'b': [1, 'x<y>&\\''], 'a': none, 'c': true, 'd': 1.5}|tojson }}|{{ 'é'|tojson }}|{{ "
     "[1,{'a':2}]|tojson(2) }}|{{ (1,2)|tojson }}|{{ {1:2}|tojson }}|{{ 1e100|tojson }}|{{ "
     "{'a':[]}|tojson(indent=1) }}|{{ {}|tojson(2) }}",
     "{\"a\": null, \"b\": [1, \"x\\u003cy\\u003e\\u0026\\u0027\"], \"c\": true, \"d\": "
     "1.5}|\"\\u00e9\"|[\n  1,\n  {\n    \"a\": 2\n  }\n]|[1, 2]|{\"1\": 2}|1e+100|{\n \"a\": "
     "[]\n}|{}"},
    {"{{ 'a\"b\\\\c\\n\\t\\x01'|tojson }}|{{ {'z':1,'a':{'y':2,'b':3}}|tojson }}|{{ {true: 1, "
     "none: 2}|tojson }}|{{ [1.0, -0.0, 10**20]|tojson }}|{{ '😀'|tojson }}|{{ ('<b>'|safe)|tojson "
     "}}|{{ 'x'|tojson is escaped }}",
     nullptr, ErrorKind::Type, "'<' not supported between instances of 'NoneType' and 'bool'"},
    {"{{ u|tojson }}", nullptr, ErrorKind::Type,
     "Object of type Undefined is not JSON serializable"},
    {"{{ {1: 1, 'a': 2}|tojson }}", nullptr, ErrorKind::Type,
     "'<' not supported between instances of 'str' and 'int'"},
    {"{{ {'b':1,'a':2}|pprint }}|{{ 'x'|pprint }}|{{ [1,'a',none,true]|pprint }}|{{ u|pprint }}|{{ "
     "(1,)|pprint }}|{{ {}|pprint }}",
     "{'a': 2, 'b': 1}|'x'|[1, 'a', None, True]|Undefined|(1,)|{}"},
    {"{{ range(30)|list|pprint }}",
     "[0,\n 1,\n 2,\n 3,\n 4,\n 5,\n 6,\n 7,\n 8,\n 9,\n 10,\n 11,\n 12,\n 13,\n 14,\n 15,\n 16,\n "
     "17,\n 18,\n 19,\n 20,\n 21,\n 22,\n 23,\n 24,\n 25,\n 26,\n 27,\n 28,\n 29]"},
    {"{{ {'b': range(20)|list, 'a': "
     "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'c': {'z': 1, 'y': "
     "(1,2)}}|pprint }}",
     "{'a': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n 'b': [0, "
     "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],\n 'c': {'y': (1, 2), "
     "'z': 1}}"},
    {"{{ [[ 'abcdefghijabcdefghij' ]*4]|pprint }}",
     "[['abcdefghijabcdefghij',\n  'abcdefghijabcdefghij',\n  'abcdefghijabcdefghij',\n  "
     "'abcdefghijabcdefghij']]"},
    {"{{ [(1,), (), "
     "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', "
     "[1]*20]|pprint }}",
     "[(1,),\n (),\n "
     "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',"
     "\n [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]"},
};

const RenderCase kArgumentCases[] = {
    {"{{ [1]|batch }}", nullptr, ErrorKind::Type,
     "batch() missing 1 required positional argument: 'linecount'"},
    {"{{ 'a'|center(1, 2) }}", nullptr, ErrorKind::Type,
     "center() takes from 1 to 2 positional arguments but 3 were given"},
    {"{{ 'a'|upper(1) }}", nullptr, ErrorKind::Type,
     "upper() takes 1 positional argument but 2 were given"},
    {"{{ 'a'|trim(chars='a', x=1) }}", nullptr, ErrorKind::Type,
     "trim() got an unexpected keyword argument 'x'"},
};

const RenderCase kMarkupCases[] = {
    {"{{ ('<b>'|safe|upper) is escaped }}|{{ ('<b>'|safe|lower) is escaped }}|{{ ('<b>'|safe|trim) "
     "is escaped }}|{{ ('<b>'|safe|capitalize) is escaped }}|{{ ('<b>'|safe|title) is escaped "
     "}}|{{ ('<b>'|safe|center(9)) is escaped }}",
     "True|True|True|True|False|True"},
    {"{{ ('<b>'|safe|replace('b', 'i')) is escaped }}|{{ ('<b>'|safe|indent) is escaped }}|{{ "
     "('<b>'|safe|string) is escaped }}|{{ ('<b>'|safe|truncate(3)) is escaped }}|{{ "
     "('%s'|safe|format('<')) is escaped }}|{{ ('<b>'|safe|striptags) is escaped }}",
     "False|True|True|True|True|False"},
    {"{{ (['<b>'|safe]|join) is escaped }}|{{ ({'a': 1}|xmlattr) is escaped }}|{{ ('a b'|urlize) "
     "is escaped }}|{{ ('a'|wordwrap(3)) is escaped }}|{{ ([1]|tojson) is escaped }}|{{ "
     "('<'|safe|reverse) is escaped }}",
     "False|False|False|False|True|True"},
    {"{{ '%s'|safe|format('<') }}|{{ ('<b>'|safe|center(9)) }}|{{ 'a'|safe|replace('a', '<') }}",
     "&lt;|   <b>   |<"},
};

const RenderCase kMoreCases[] = {
    {"{{ {'b': 1, 'a': 2}|map('upper')|list }}|{{ {'b': 1, 'a': 2}|sort }}|{{ {'b': 1, 'a': 2}|min "
     "}}|{{ {'b': 1, 'a': 2}|join(',') }}",
     "['B', 'A']|['a', 'b']|a|b,a"},
    {"{{ 'abc'|map('upper')|join }}|{{ 'cab'|sort|join }}|{{ 'cab'|max }}|{{ 'aAb'|unique|join "
     "}}|{{ 'abc'|select('ne', 'b')|join }}|{{ 'abcde'|batch(2)|map('join')|join('/') }}",
     "ABC|abc|c|ab|ac|ab/cd/e"},
    {"{% for g in [{'k':'x','v':1},{'k':'x','v':2}]|groupby('k') %}{{ g.grouper }}:{{ g.list }}:{{ "
     "g[1]|length }}:{{ g|length }}{% endfor %}",
     "x:[{'k': 'x', 'v': 1}, {'k': 'x', 'v': 2}]:2:2"},
    {"{% set gs = ['ab', 'ac', 'b']|groupby(0) %}{{ gs|map(attribute='grouper')|join }}|{{ "
     "gs|map(attribute='list')|list }}|{{ gs|map('first')|join }}|{{ gs|first|last }}",
     "ab|[['ab', 'ac'], ['b']]|ab|['ab', 'ac']"},
    {"{{ [{'a': 1}, {'a': none}, {}]|map(attribute='a')|list }}|{{ [{'a': 1}, "
     "{}]|map(attribute='a', default=none)|list }}|{{ [{'a': 1}, {}]|map(attribute='a', "
     "default='z')|list }}",
     "[1, None, Undefined]|[1, Undefined]|[1, 'z']"},
    {"{{ [1, 2, 3]|map('string')|map('int')|sum }}|{{ ['1', '2']|map('int')|select('gt', 1)|list "
     "}}|{{ [' a ', 'b ']|map('trim')|join('|') }}|{{ range(5)|reject('in', [1, 3])|list }}",
     "6|[2]|a|b|[0, 2, 4]"},
    {"{{ [3, 2, 1]|sort|first }}|{{ [none, none]|unique|list }}|{{ [1, 2]|reverse|join }}|{{ [[1, "
     "2], [3]]|map('length')|list }}|{{ 'a,b'.split(',')|join('-') }}",
     "1|[None]|21|[2, 1]|a-b"},
    {"{{ [0.1, 0.2]|sum }}|{{ [1, 2.5]|max }}|{{ [1e20, 1]|min }}|{{ (0.1 + 0.2)|round(2) }}|{{ "
     "1e16|int }}|{{ 1.7976931348623157e308|int > 0 }}|{{ 0.1|float }}|{{ '1e-7'|float }}",
     "0.30000000000000004|2.5|1|0.3|10000000000000000|True|0.1|1e-07"},
    {"{{ 'hello'|truncate(255) }}|{{ ('x' * 300)|truncate|length }}|{{ ('ab ' * 100)|truncate(10, "
     "leeway=0) }}",
     "hello|255|ab ab..."},
    {"{{ 'The quick brown fox'|wordwrap(10, wrapstring='<br>') }}|{{ ''|wordwrap }}|{{ "
     "'a\\n\\nb'|wordwrap }}|{{ 'ab cd'|wordwrap(2) }}",
     "The quick<br>brown fox||a\n\nb|ab\ncd"},
    {"{{ 1|e|string }}|{{ [1, '<']|e }}|{{ none|striptags }}|{{ {'a': '<'}|e }}",
     "1|[1, &#39;&lt;&#39;]|None|{&#39;a&#39;: &#39;&lt;&#39;}"},
    {"{{ '%d items'|format(3) }}|{{ '%-4d|'|format(3) }}|{{ '%x'|format(255) }}|{{ "
     "'%r'|format('a') }}|{{ '%(a)s-%(b)s'|format(a=1, b=2) }}",
     "3 items|3   ||ff|'a'|1-2"},
    {"{{ {'a': 1}|dictsort|first|first }}|{{ {}|dictsort }}|{{ {1: 'b', 0: 'a'}|dictsort }}|{{ "
     "{'a': 'B', 'b': 'a'}|dictsort(by='value', case_sensitive=true) }}",
     "a|[]|[(0, 'a'), (1, 'b')]|[('a', 'B'), ('b', 'a')]"},
    {"{{ [{'x': 'b'}, {'x': 'a'}]|sort(attribute='x')|map(attribute='x')|join }}|{{ [{'x': 'B'}, "
     "{'x': 'a'}]|sort(attribute='x', case_sensitive=true)|map(attribute='x')|join }}|{{ [{'x': "
     "1}, {}]|sort(attribute='y')|length }}",
     "ab|Ba|2"},
    {"{{ [1, 2, 3]|batch(2)|map('sum')|list }}|{{ range(7)|slice(3)|map('length')|list }}|{{ [1, "
     "2, 3]|random is number }}",
     "[3, 3]|[3, 2, 2]|True"},
};

TEST(Filters, Numbers) {
  check_renders(kNumberCases);
}
TEST(Filters, Strings) {
  check_renders(kStringCases);
}
TEST(Filters, Html) {
  check_renders(kHtmlCases);
}
TEST(Filters, Sequences) {
  check_renders(kSequenceCases);
}
TEST(Filters, SelectAndMap) {
  check_renders(kSelectCases);
}
TEST(Filters, Values) {
  check_renders(kValueCases);
}
TEST(Filters, ArgumentBinding) {
  check_renders(kArgumentCases);
}

TEST(Filters, MarkupStaysMarkupWhereJinja2KeepsIt) {
  check_renders(kMarkupCases);
}
TEST(Filters, Combinations) {
  check_renders(kMoreCases);
}

// The binder itself, for the messages a template author sees on a wrong call.
TEST(BoundArgs, BindsPositionalThenKeywordAndReportsMistakesAsPython) {
  CallArgs args{{Value::integer(1)}, {{"c", Value::integer(3)}}};
  BoundArgs bound("f", args, {"a", "b", "c"}, 1);
  EXPECT_EQ(bound.get(0).as_int64(), 1);
  EXPECT_FALSE(bound.has(1));
  EXPECT_EQ(bound.get_or(1, Value::integer(7)).as_int64(), 7);
  EXPECT_EQ(bound.get(2).as_int64(), 3);

  auto message = [](CallArgs call, size_t required) {
    try {
      BoundArgs("f", call, {"a", "b", "c"}, required);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Type);
      return e.message();
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({{}, {}}, 3), "f() missing 3 required positional arguments: 'a', 'b', and 'c'");
  EXPECT_EQ(message({{}, {}}, 2), "f() missing 2 required positional arguments: 'a' and 'b'");
  EXPECT_EQ(message({{Value::none(), Value::none(), Value::none(), Value::none()}, {}}, 0),
            "f() takes from 1 to 4 positional arguments but 5 were given");
  EXPECT_EQ(message({{Value::none()}, {{"a", Value::none()}}}, 0),
            "f() got multiple values for argument 'a'");
  EXPECT_EQ(message({{}, {{"zz", Value::none()}}}, 0),
            "f() got an unexpected keyword argument 'zz'");
}

TEST(Filters, RegistryHasEveryJinja2FilterOnce) {
  const char* names[] = {
      "abs",       "attr",       "batch",       "capitalize", "center",  "count",
      "d",         "default",    "dictsort",    "e",          "escape",  "filesizeformat",
      "first",     "float",      "forceescape", "format",     "groupby", "indent",
      "int",       "join",       "last",        "length",     "list",    "lower",
      "items",     "map",        "min",         "max",        "pprint",  "random",
      "reject",    "rejectattr", "replace",     "reverse",    "round",   "safe",
      "select",    "selectattr", "slice",       "sort",       "string",  "striptags",
      "sum",       "title",      "trim",        "truncate",   "unique",  "upper",
      "urlencode", "urlize",     "wordcount",   "wordwrap",   "xmlattr", "tojson"};
  const auto& filters = builtin_filters();
  EXPECT_EQ(filters.size(), std::size(names));
  for (const char* name : names) {
    EXPECT_EQ(std::count_if(filters.begin(), filters.end(),
                            [&](const auto& entry) { return entry.first == name; }),
              1)
        << name;
  }
}

TEST(Filters, RandomPicksAnItemAndEveryItemEventually) {
  const Environment env;
  auto tpl = env.parse("{{ [1, 2, 3]|random }}", "random");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i)
    seen.insert(env.render(*tpl, Value::dict()));
  EXPECT_EQ(seen, (std::set<std::string>{"1", "2", "3"}));
}

const RenderCase kNonStringCases[] = {
    {"{{ [1, 2]|truncate(5) }}|{{ none|truncate(5) if false else 'skip' }}|{{ u|truncate }}|[{{ "
     "u|default|truncate }}]",
     "[1, 2]|skip||[]"},
    {"{{ none|truncate(5) }}", nullptr, ErrorKind::Type, "object of type 'NoneType' has no len()"},
    {"{{ (range(20)|list)|truncate(5, leeway=0) }}", nullptr, ErrorKind::Type,
     "'list' object has no attribute 'rsplit'"},
    {"{{ [1]|indent }}", nullptr, ErrorKind::Type, "'list' object has no attribute 'splitlines'"},
    {"{{ none|wordwrap }}", nullptr, ErrorKind::Type,
     "'NoneType' object has no attribute 'splitlines'"},
    {"{{ u|wordwrap }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ u|dictsort }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
    {"{{ [1]|xmlattr }}", nullptr, ErrorKind::Type, "'list' object has no attribute 'items'"},
    {"{{ u|xmlattr }}", nullptr, ErrorKind::Undefined, "'u' is undefined"},
};

TEST(Filters, NonStringsFailAsInJinja2) {
  check_renders(kNonStringCases);
}

}  // namespace
}  // namespace kiln::jinja
