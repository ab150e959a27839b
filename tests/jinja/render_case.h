#pragma once
// Table-driven checks of whole templates against what Jinja2 3.1.6 renders or raises.
// The expected texts and errors in the tables were produced by running each source
// through Jinja2's SandboxedEnvironment with the `do` and `loopcontrols` extensions.

#include <gtest/gtest.h>

#include <string>

#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/value.h"

namespace kiln::jinja::testing {

struct RenderCase {
  const char* source;
  const char* expected;  // nullptr: rendering must raise `kind` with `message`
  ErrorKind kind = ErrorKind::Runtime;
  const char* message = "";  // empty: only the kind is checked
};

inline void check_render(const Environment& env, const RenderCase& c) {
  SCOPED_TRACE(c.source);
  try {
    auto tpl = env.parse(c.source, "case");
    const std::string out = env.render(*tpl, Value::dict());
    if (c.expected) {
      EXPECT_EQ(out, c.expected);
    } else {
      ADD_FAILURE() << "rendered \"" << out << "\" instead of raising " << c.message;
    }
  } catch (const Error& e) {
    if (c.expected) {
      ADD_FAILURE() << "raised " << e.what() << " instead of rendering \"" << c.expected << "\"";
      return;
    }
    EXPECT_EQ(static_cast<int>(e.kind()), static_cast<int>(c.kind)) << e.what();
    if (*c.message) {
      EXPECT_EQ(e.message(), c.message);
    }
  }
}

template <size_t N>
void check_renders(const RenderCase (&cases)[N]) {
  const Environment env;
  for (const RenderCase& c : cases)
    check_render(env, c);
}

}  // namespace kiln::jinja::testing
