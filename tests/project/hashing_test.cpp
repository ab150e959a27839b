#include <gtest/gtest.h>

#include "project/md5.h"
#include "project/python_repr.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

TEST(Md5, MatchesRfc1321Vectors) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(
      md5_hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
      "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(PythonRepr, StringsQuoteLikePython) {
  EXPECT_EQ(python_repr_string("abc"), "'abc'");
  EXPECT_EQ(python_repr_string("it's"), "\"it's\"");
  EXPECT_EQ(python_repr_string("a'\"b"), "'a\\'\"b'");
  EXPECT_EQ(python_repr_string("a\nb\\"), "'a\\nb\\\\'");
  EXPECT_EQ(python_repr_string("\x01"), "'\\x01'");
  EXPECT_EQ(python_repr_string("caf\xc3\xa9"), "'caf\xc3\xa9'");
}

TEST(PythonRepr, ScalarsPrintLikePythonStr) {
  EXPECT_EQ(python_str(Json(true)), "True");
  EXPECT_EQ(python_str(Json()), "None");
  EXPECT_EQ(python_str(Json(12)), "12");
  EXPECT_EQ(python_str(Json(1.5)), "1.5");
  EXPECT_EQ(python_str(Json(2.0)), "2.0");
  EXPECT_EQ(python_str(Json(1e16)), "1e+16");
  EXPECT_EQ(python_str(Json(0.0001)), "0.0001");
  EXPECT_EQ(python_str(Json(0.00001)), "1e-05");
  EXPECT_EQ(python_str(Json{{"a", Json::array({1, "x", nullptr})}}), "{'a': [1, 'x', None]}");
}

TEST(PythonRepr, HashableFormSortsKeysAndStringifiesLeaves) {
  Json metadata = {{"namespace", nullptr}, {"name", "unique"}, {"kwargs", {{"n", 1}}}};
  EXPECT_EQ(python_repr_hashable(metadata),
            "{'kwargs': {'n': '1'}, 'name': 'unique', 'namespace': 'None'}");
}

}  // namespace
}  // namespace kiln::project
