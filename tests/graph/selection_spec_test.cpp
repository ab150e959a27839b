#include "graph/selection_spec.h"

#include <gtest/gtest.h>

#include "graph/errors.h"

namespace kiln::graph {
namespace {

TEST(ParseCriteria, PlainNameIsAnFqn) {
  SelectionCriteria c = parse_criteria("stg_orders");
  EXPECT_EQ(c.method, Method::Fqn);
  EXPECT_EQ(c.value, "stg_orders");
  EXPECT_FALSE(c.parents || c.children || c.childrens_parents);
}

TEST(ParseCriteria, DefaultMethodFollowsTheValuesShape) {
  EXPECT_EQ(parse_criteria("models/staging").method, Method::Path);
  EXPECT_EQ(parse_criteria("stg_orders.sql").method, Method::File);
  EXPECT_EQ(parse_criteria("load.PY").method, Method::File);
  EXPECT_EQ(parse_criteria("wand_woods.csv").method, Method::File);
  EXPECT_EQ(parse_criteria("models/stg_orders.sql").method, Method::Path);
  EXPECT_EQ(parse_criteria("wizards.staging.*").method, Method::Fqn);
}

TEST(ParseCriteria, GraphOperators) {
  SelectionCriteria c = parse_criteria("2+tag:nightly+3");
  EXPECT_EQ(c.method, Method::Tag);
  EXPECT_EQ(c.value, "nightly");
  EXPECT_TRUE(c.parents);
  EXPECT_EQ(c.parents_depth, 2);
  EXPECT_TRUE(c.children);
  EXPECT_EQ(c.children_depth, 3);

  SelectionCriteria both = parse_criteria("+fct_orders+");
  EXPECT_TRUE(both.parents && both.children);
  EXPECT_FALSE(both.parents_depth.has_value());
  EXPECT_FALSE(both.children_depth.has_value());

  SelectionCriteria at = parse_criteria("@stg_orders");
  EXPECT_TRUE(at.childrens_parents);
  EXPECT_EQ(at.value, "stg_orders");

  SelectionCriteria zero = parse_criteria("0+a");
  EXPECT_TRUE(zero.parents);
  EXPECT_EQ(zero.parents_depth, 0);  // no ancestors at all, as dbt reads "0+"
}

TEST(ParseCriteria, PlusInsideAValueIsPartOfIt) {
  SelectionCriteria c = parse_criteria("a+b");
  EXPECT_EQ(c.value, "a+b");
  EXPECT_FALSE(c.children);
  SelectionCriteria digits = parse_criteria("3d_model");
  EXPECT_EQ(digits.value, "3d_model");
  EXPECT_FALSE(digits.parents);
}

TEST(ParseCriteria, ConfigArgumentsAndColonsInValues) {
  SelectionCriteria c = parse_criteria("config.meta.owner:alice");
  EXPECT_EQ(c.method, Method::Config);
  EXPECT_EQ(c.method_arguments, (std::vector<std::string>{"meta", "owner"}));
  EXPECT_EQ(c.value, "alice");
  EXPECT_EQ(parse_criteria("path:a:b").value, "a:b");
}

TEST(ParseCriteria, UnknownMethodIsAnErrorListingTheValidOnes) {
  try {
    parse_criteria("tags:nightly");
    FAIL() << "expected an error";
  } catch (const SelectionError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("'tags' is not a valid method name"), std::string::npos) << message;
    EXPECT_NE(message.find("tag, group"), std::string::npos) << message;
  }
  EXPECT_THROW(parse_criteria("config:table"), SelectionError);
}

TEST(ParseCriteria, AtPrefixAndPlusSuffixAreIncompatible) {
  try {
    parse_criteria("@a+");
    FAIL() << "expected an error";
  } catch (const SelectionError& error) {
    EXPECT_STREQ(error.what(),
                 "Invalid node spec @a+ - \"@\" prefix and \"+\" suffix are incompatible");
  }
}

TEST(CommandLine, SpacesMakeAUnionAndCommasAnIntersection) {
  SelectionSpec spec = parse_command_line_selection({"a b,c", "d"}, {"e"});
  ASSERT_EQ(spec.kind, SelectionSpec::Kind::Difference);
  const SelectionSpec& include = spec.components[0];
  ASSERT_EQ(include.kind, SelectionSpec::Kind::Union);
  ASSERT_EQ(include.components.size(), 3u);
  EXPECT_EQ(include.components[1].kind, SelectionSpec::Kind::Intersection);
  EXPECT_EQ(include.components[1].components.size(), 2u);
  EXPECT_EQ(include.components[1].raw, "b,c");
  EXPECT_TRUE(include.components[1].expect_exists);
  EXPECT_EQ(spec.components[1].components.size(), 1u);
}

TEST(CommandLine, NoSelectMeansTheDefaultIncludes) {
  SelectionSpec spec = parse_command_line_selection({}, {});
  const SelectionSpec& include = spec.components[0];
  ASSERT_EQ(include.components.size(), 5u);
  EXPECT_FALSE(include.components[0].expect_exists);
  EXPECT_EQ(include.components[0].raw, "fqn:*");
  EXPECT_EQ(include.components[4].raw, "semantic_model:*");
}

TEST(IndirectSelectionMode, ParsesTheFourModes) {
  EXPECT_EQ(parse_indirect_selection("eager"), IndirectSelection::Eager);
  EXPECT_EQ(parse_indirect_selection("cautious"), IndirectSelection::Cautious);
  EXPECT_EQ(parse_indirect_selection("buildable"), IndirectSelection::Buildable);
  EXPECT_EQ(parse_indirect_selection("empty"), IndirectSelection::Empty);
  EXPECT_THROW(parse_indirect_selection("lazy"), SelectionError);
  EXPECT_EQ(to_string(IndirectSelection::Buildable), "buildable");
}

}  // namespace
}  // namespace kiln::graph
