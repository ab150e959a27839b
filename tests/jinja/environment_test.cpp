// The embedding API as the dbt stages use it: contexts, globals, native functions,
// MacroReturn, macros called from outside their template, concurrent renders.
#include "jinja/environment.h"

#include <gtest/gtest.h>

#include <thread>

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/template.h"

namespace kiln::jinja {
namespace {

Value dict_of(std::initializer_list<std::pair<std::string_view, Value>> items) {
  Value d = Value::dict();
  for (const auto& [k, v] : items)
    d.as_dict().set(k, v);
  return d;
}

// An embedder object answering variable lookups, as dbt's per-node context does.
class Context final : public Object {
 public:
  std::string_view type_name() const override { return "Context"; }
  Value get_attr(std::string_view name) const override {
    if (name == "target") return Value::string("dev");
    return Value();
  }
};

// dbt's return(): ends the innermost macro call with a value.
Value return_fn(CallContext&, CallArgs& args) {
  throw MacroReturn{args.positional.at(0)};
}

TEST(Environment, ContextThenGlobals) {
  Environment env;
  env.add_global("who", Value::string("global"));
  env.add_global("only_global", Value::integer(7));
  auto tpl = env.parse("{{ who }} {{ only_global }}", "t");
  EXPECT_EQ(env.render(*tpl, dict_of({{"who", Value::string("context")}})), "context 7");
  EXPECT_EQ(env.render(*tpl, Value::dict()), "global 7");
}

TEST(Environment, ObjectContext) {
  Environment env;
  auto tpl = env.parse("{{ target }}|{{ missing }}|{{ range(2) | list }}", "t");
  EXPECT_EQ(env.render(*tpl, Value::object(new Context)), "dev||[0, 1]");
}

TEST(Environment, NativeFunctionsSeeTheCallSite) {
  Environment env;
  env.add_global("where", Value::function("where", [](CallContext& ctx, CallArgs&) {
                   SourceLocation at = ctx.location();
                   return Value::string(at.template_name + ":" + std::to_string(at.line));
                 }));
  env.add_global("peek", Value::function("peek", [](CallContext& ctx, CallArgs& args) {
                   return ctx.lookup(args.positional.at(0).as_string());
                 }));
  auto tpl = env.parse("\n{{ where() }} {% set v = 5 %}{{ peek('v') }}", "m.sql");
  EXPECT_EQ(env.render(*tpl, Value::dict()), "\nm.sql:2 5");
}

TEST(Environment, CustomFiltersAndTests) {
  Environment env;
  env.add_filter("twice", [](CallContext&, const Value& v, CallArgs&) {
    return Value::string(v.str() + v.str());
  });
  env.add_test("short", [](CallContext&, const Value& v, CallArgs&) {
    return v.is_string() && v.as_string().size() < 3;
  });
  auto tpl = env.parse("{{ 'ab' | twice }} {{ 'ab' is short }} {{ 'abcd' is short }}", "t");
  EXPECT_EQ(env.render(*tpl, Value::dict()), "abab True False");
}

TEST(Environment, MacroReturnEndsTheInnermostMacro) {
  Environment env;
  env.add_global("return", Value::function("return", return_fn));
  auto tpl = env.parse(
      "{% macro inner() %}ignored{{ return({'a': 1}) }}never{% endmacro %}"
      "{% macro outer() %}{% set r = inner() %}[{{ r.a }}]{% endmacro %}{{ outer() }}",
      "t");
  EXPECT_EQ(env.render(*tpl, Value::dict()), "[1]");
}

TEST(Environment, MacroReturnAtTopLevelEndsTheRender) {
  Environment env;
  env.add_global("return", Value::function("return", return_fn));
  auto tpl = env.parse("text {{ return([1, 2]) }} more", "t");
  EXPECT_EQ(env.render(*tpl, Value::dict()), "[1, 2]");
  Value value = env.render_value(*tpl, Value::dict());
  ASSERT_TRUE(value.is_list());
  EXPECT_EQ(value.as_list().size(), 2u);
  auto plain = env.parse("just {{ 'text' }}", "t");
  EXPECT_EQ(env.render_value(*plain, Value::dict()).as_string(), "just text");
}

TEST(Environment, MacroFromAnotherTemplateResolvesNamesInItsContext) {
  Environment env;
  env.add_global("g", Value::string("G"));
  auto macros = env.parse(
      "{% macro greet(name, punct='!') %}{{ prefix }} {{ name }}{{ punct }}{{ g }}"
      "{{ helper() }}{% endmacro %}\n"
      "{% macro helper() %}h{% endmacro %}",
      "macros/greet.sql");
  ASSERT_EQ(macros->macros().size(), 2u);
  EXPECT_EQ(macros->macros()[1].name, "helper");
  EXPECT_EQ(macros->macros()[1].line, 2u);

  Value package = dict_of({{"prefix", Value::string("hello")}});
  Value helper = env.macro(macros, "helper", package);
  package.as_dict().set("helper", helper);
  Value greet = env.macro(macros, "greet", package);
  ASSERT_TRUE(greet.is_callable());
  EXPECT_TRUE(env.macro(macros, "nope", package).is_undefined());

  CallArgs args;
  args.positional.push_back(Value::string("kiln"));
  EXPECT_EQ(env.call(greet, args).as_string(), "hello kiln!Gh");

  // Called from a render of another template.
  auto model = env.parse("{{ greet('dbt', punct='?') }}", "models/m.sql");
  EXPECT_EQ(env.render(*model, dict_of({{"greet", greet}})), "hello dbt?Gh");
  package.as_dict().set("helper", Value());  // break the package <-> macro cycle
}

TEST(Environment, ErrorsInsideAMacroNameItsTemplate) {
  Environment env;
  auto macros = env.parse("{% macro bad() %}\n{{ 1 + 'x' }}{% endmacro %}", "macros/bad.sql");
  Value bad = env.macro(macros, "bad", Value::dict());
  auto model = env.parse("{{ bad() }}", "models/m.sql");
  try {
    env.render(*model, dict_of({{"bad", bad}}));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().template_name, "macros/bad.sql");
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.kind(), ErrorKind::Type);
  }
}

TEST(Environment, RunawayRecursionIsAnError) {
  Environment env;
  auto tpl = env.parse("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "t");
  try {
    env.render(*tpl, Value::dict());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "maximum recursion depth exceeded");
  }
}

TEST(Environment, OneTemplateRenderedByManyThreads) {
  Environment env;
  auto tpl = env.parse(
      "{% macro col(c) %}{{ c | upper }}{% endmacro %}"
      "{% set ns = namespace(total=0) %}"
      "{% for i in range(n) %}{{ col('c' ~ i) }},{% set ns.total = ns.total + i %}{% endfor %}"
      "{{ ns.total }}",
      "t");
  auto expected = [](int n) {
    std::string s;
    int total = 0;
    for (int i = 0; i < n; ++i) {
      s += "C" + std::to_string(i) + ",";
      total += i;
    }
    return s + std::to_string(total);
  };
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        int n = t * 3 + round % 5;
        Value context = dict_of({{"n", Value::integer(n)}});
        if (env.render(*tpl, context) != expected(n)) ++failures[t];
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

TEST(Environment, ParseErrorsNameTheTemplate) {
  Environment env;
  try {
    env.parse("ok\n{% if %}", "models/broken.sql");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Syntax);
    EXPECT_EQ(e.where().template_name, "models/broken.sql");
    EXPECT_EQ(e.where().line, 2u);
  }
}

}  // namespace
}  // namespace kiln::jinja
