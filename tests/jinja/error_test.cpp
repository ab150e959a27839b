#include "jinja/error.h"

#include <gtest/gtest.h>

namespace kiln::jinja {
namespace {

TEST(Error, NamesTemplateLineAndColumn) {
  Error e(ErrorKind::Syntax, "unexpected '}'", {"models/a.sql", 3, 14});
  EXPECT_STREQ(e.what(), "models/a.sql:3:14: unexpected '}'");
}

TEST(Error, LocateFillsOnlyAnUnknownLocation) {
  Error e(ErrorKind::Type, "unsupported operand");
  EXPECT_STREQ(e.what(), "unsupported operand");
  e.locate({"t.sql", 2, 5});
  EXPECT_STREQ(e.what(), "t.sql:2:5: unsupported operand");
  e.locate({"other.sql", 9, 9});
  EXPECT_STREQ(e.what(), "t.sql:2:5: unsupported operand");
}

}  // namespace
}  // namespace kiln::jinja
