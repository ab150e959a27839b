#include <gtest/gtest.h>

#include "project/yaml_scalar.h"
#include "project/yaml_tree.h"

namespace kiln::project {
namespace {

TEST(YamlScalar, TypesPlainScalarsLikePyYaml) {
  EXPECT_EQ(resolve_plain_scalar("yes"), true);
  EXPECT_EQ(resolve_plain_scalar("Off"), false);
  EXPECT_EQ(resolve_plain_scalar("~"), nullptr);
  EXPECT_EQ(resolve_plain_scalar("42"), 42);
  EXPECT_EQ(resolve_plain_scalar("-1_000"), -1000);
  EXPECT_EQ(resolve_plain_scalar("0x1f"), 31);
  EXPECT_EQ(resolve_plain_scalar("0755"), 493);
  EXPECT_EQ(resolve_plain_scalar("1:30"), 90);
  EXPECT_EQ(resolve_plain_scalar("1.5"), 1.5);
  EXPECT_EQ(resolve_plain_scalar("1.0e+3"), 1000.0);
  // YAML 1.1 floats need a dot, so these stay strings, as dbt sees them.
  EXPECT_EQ(resolve_plain_scalar("1e5"), "1e5");
  EXPECT_EQ(resolve_plain_scalar("2024-01-01"), "2024-01-01");
  EXPECT_EQ(resolve_plain_scalar("y"), "y");
}

TEST(YamlTree, QuotedScalarsStayStrings) {
  auto doc = parse_yaml("a: 'yes'\nb: \"12\"\nc: yes\nd: |\n  12\n", "f.yml");
  EXPECT_EQ(doc.root.find("a")->scalar, "yes");
  EXPECT_EQ(doc.root.find("b")->scalar, "12");
  EXPECT_EQ(doc.root.find("c")->scalar, true);
  EXPECT_EQ(doc.root.find("d")->scalar, "12\n");
}

TEST(YamlTree, RemembersLines) {
  auto doc = parse_yaml("models:\n  - name: orders\n    description: x\n", "m/schema.yml");
  const YamlNode* models = doc.root.find("models");
  ASSERT_NE(models, nullptr);
  EXPECT_EQ(models->items[0].pos.line, 2);
  EXPECT_EQ(models->items[0].find("description")->pos.line, 3);
  EXPECT_EQ(models->items[0].find("description")->pos.to_string(), "m/schema.yml:3:18");
}

TEST(YamlTree, SyntaxErrorNamesFileAndLine) {
  try {
    parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "bad.yml");
    FAIL() << "expected an error";
  } catch (const ProjectError& e) {
    EXPECT_EQ(e.where().file, "bad.yml");
    EXPECT_GE(e.where().line, 2);
    EXPECT_NE(std::string(e.what()).find("bad.yml:"), std::string::npos);
  }
}

TEST(YamlTree, MergeKeysAndAnchors) {
  auto doc = parse_yaml("base: &base\n  a: 1\n  b: 2\nchild:\n  <<: *base\n  b: 3\n", "f.yml");
  auto child = doc.root.find("child")->to_json();
  EXPECT_EQ(child, (nlohmann::ordered_json{{"b", 3}, {"a", 1}}));
}

TEST(YamlTree, DuplicateKeysKeepLastAndWarn) {
  auto doc = parse_yaml("a: 1\na: 2\n", "f.yml");
  EXPECT_EQ(doc.root.find("a")->scalar, 2);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].where.line, 2);
}

TEST(YamlTree, EmptyDocumentIsNull) {
  EXPECT_TRUE(parse_yaml("", "f.yml").root.is_null());
}

}  // namespace
}  // namespace kiln::project
