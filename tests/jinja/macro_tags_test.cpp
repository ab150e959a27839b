// Block tags an embedder registers to define macros (jinja/macro_tags.h): how their headers
// parse, the names the embedder gives their macros, calling them, the block text, errors.
#include "jinja/macro_tags.h"

#include <gtest/gtest.h>

#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/template.h"

namespace kiln::jinja {
namespace {

// Three tags shaped like dbt's, under names of this test's own.
Environment environment() {
  Environment env;
  MacroTag check;
  check.end_tag = "endcheck";
  check.takes_parameters = true;
  check.macro_name = [](const MacroTagHeader& h) { return "check_" + std::string(h.name); };
  env.add_macro_tag("check", std::move(check));

  MacroTag recipe;
  recipe.end_tag = "endrecipe";
  recipe.takes_options = true;
  recipe.macro_name = [](const MacroTagHeader& h) {
    std::string flavour = "plain";
    for (const MacroTagOption& option : h.options) {
      if (option.key == "flavour") flavour = option.value.str();
      if (option.key == "forbidden") throw MacroTagError("no forbidden recipes");
    }
    return "recipe_" + std::string(h.name) + "_" + flavour;
  };
  env.add_macro_tag("recipe", std::move(recipe));

  MacroTag note;
  note.end_tag = "endnote";
  note.macro_name = [](const MacroTagHeader& h) { return "note__" + std::string(h.name); };
  env.add_macro_tag("note", std::move(note));
  return env;
}

std::string syntax_error(const Environment& env, std::string_view source) {
  try {
    env.parse(source, "t.sql");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Syntax);
    return e.what();
  }
  return "no error";
}

TEST(MacroTags, ParameterTagDefinesACallableMacroUnderTheEmbeddersName) {
  Environment env = environment();
  auto tpl = env.parse(
      "{% check positive(model, column='id') %}{{ model }}.{{ column }} > 0"
      "{% endcheck %}{{ check_positive('t') }}",
      "t.sql");
  ASSERT_EQ(tpl->macros().size(), 1u);
  const Template::MacroInfo& info = tpl->macros()[0];
  EXPECT_EQ(info.name, "check_positive");
  EXPECT_EQ(info.tag, "check");
  EXPECT_EQ(info.definition->parameters.size(), 2u);
  EXPECT_EQ(env.render(*tpl, Value::dict()), "t.id > 0");
}

TEST(MacroTags, OptionsReachTheEmbedderAndStayOnTheMacro) {
  Environment env = environment();
  auto tpl = env.parse(
      "{% recipe soup, default, flavour='spicy', sizes=['s', 'm'] %}hot"
      "{% endrecipe %}",
      "t.sql");
  ASSERT_EQ(tpl->macros().size(), 1u);
  const Template::MacroInfo& info = tpl->macros()[0];
  EXPECT_EQ(info.name, "recipe_soup_spicy");
  ASSERT_EQ(info.options->size(), 3u);
  EXPECT_EQ((*info.options)[0].key, "default");
  EXPECT_FALSE((*info.options)[0].has_value);
  EXPECT_EQ((*info.options)[1].value.str(), "spicy");
  const Value& sizes = (*info.options)[2].value;
  ASSERT_TRUE(sizes.is_list());
  EXPECT_EQ(sizes.as_list().size(), 2u);
  Value macro = env.macro(tpl, "recipe_soup_spicy", Value::dict());
  EXPECT_EQ(env.call(macro, CallArgs{}).str(), "hot");
}

TEST(MacroTags, BlockTextIsTheWholeBlockAsWritten) {
  Environment env = environment();
  auto tpl = env.parse(
      "before\n{%- note intro -%}\n  Hello {{ 'x' }}\n{%- endnote %}\nafter\n"
      "{% macro m(a) %}{{ a }}{% endmacro %}",
      "t.sql");
  ASSERT_EQ(tpl->macros().size(), 2u);
  EXPECT_EQ(tpl->macros()[0].text, "{%- note intro -%}\n  Hello {{ 'x' }}\n{%- endnote %}");
  EXPECT_EQ(tpl->macros()[0].line, 2u);
  EXPECT_EQ(tpl->macros()[1].tag, "macro");
  EXPECT_EQ(tpl->macros()[1].text, "{% macro m(a) %}{{ a }}{% endmacro %}");
  // Defining a macro prints nothing, whatever tag defined it.
  EXPECT_EQ(env.render(*tpl, Value::dict()), "before\nafter\n");
}

TEST(MacroTags, UnregisteredTagsStayUnknown) {
  Environment plain;
  EXPECT_NE(syntax_error(plain, "{% check x(a) %}{% endcheck %}").find("unknown tag 'check'"),
            std::string::npos);
}

TEST(MacroTags, HeaderErrorsNameTheTagsLine) {
  Environment env = environment();
  EXPECT_EQ(syntax_error(env, "\n{% recipe soup, forbidden %}{% endrecipe %}"),
            "t.sql:2:4: no forbidden recipes");
  EXPECT_NE(syntax_error(env, "{% recipe soup, flavour=spice() %}{% endrecipe %}")
                .find("the value of 'flavour' must be a literal"),
            std::string::npos);
  // A tag with parameters needs them, as {% macro %} does.
  EXPECT_NE(syntax_error(env, "{% check positive %}{% endcheck %}").find("expected token '('"),
            std::string::npos);
  // A tag without options refuses one.
  EXPECT_NE(syntax_error(env, "{% note intro, x %}{% endnote %}").find("expected token"),
            std::string::npos);
  EXPECT_NE(syntax_error(env, "{% note intro %}text").find("'endnote'"), std::string::npos);
}

TEST(MacroTags, JinjasOwnTagsCannotBeReplaced) {
  Environment env;
  MacroTag hijack;
  hijack.end_tag = "endfor";
  hijack.macro_name = [](const MacroTagHeader&) { return std::string("hijacked"); };
  env.add_macro_tag("for", std::move(hijack));
  auto tpl = env.parse("{% for x in [1, 2] %}{{ x }}{% endfor %}", "t.sql");
  EXPECT_EQ(env.render(*tpl, Value::dict()), "12");
}

}  // namespace
}  // namespace kiln::jinja
