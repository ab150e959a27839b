// str.expandtabs, istitle, casefold, checked against CPython 3's results.

#include <gtest/gtest.h>

#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/value.h"

namespace kiln::jinja {
namespace {

std::string render(std::string_view source) {
  static const Environment env;
  try {
    return env.render(*env.parse(source, "t.sql"), Value::dict());
  } catch (const Error& e) {
    return "!" + e.message();
  }
}

TEST(StrMethodsExtra, Expandtabs) {
  EXPECT_EQ(render("{{ 'a\\tb'.expandtabs(4) }}"), "a   b");
  EXPECT_EQ(render("{{ ('ab\\tc\\n\\td'.expandtabs()) == 'ab      c\\n        d' }}"), "True");
  EXPECT_EQ(render("{{ 'a\\tb'.expandtabs(tabsize=2) }}|{{ 'a\\tb'.expandtabs(0) }}"), "a b|ab");
  EXPECT_EQ(render("{{ 'é\\tb'.expandtabs(3) }}"), "é  b");  // columns count code points
  EXPECT_EQ(render("{{ 'a\\tb'.expandtabs('x') }}"),
            "!'str' object cannot be interpreted as an integer");
}

TEST(StrMethodsExtra, Istitle) {
  EXPECT_EQ(render("{{ 'Hello World'.istitle() }} {{ 'HeLLo'.istitle() }} {{ 'A1b'.istitle() }} "
                   "{{ ''.istitle() }} {{ '1'.istitle() }} {{ 'Élan Vital'.istitle() }}"),
            "True False False False False True");
}

TEST(StrMethodsExtra, Casefold) {
  EXPECT_EQ(render("{{ 'ÄB'.casefold() }} {{ 'Straße'.casefold() }}"), "äb strasse");
}

}  // namespace
}  // namespace kiln::jinja
