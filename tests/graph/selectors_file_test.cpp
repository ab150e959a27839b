#include "graph/selectors_file.h"

#include <gtest/gtest.h>

#include "graph/errors.h"
#include "graph/selection_request.h"
#include "wizards_fixture.h"

namespace kiln::graph {
namespace {

using testing::sorted;
using List = std::vector<std::string>;

const std::string kRelationships = "test:relationships_fct_orders_wizard_id";
const std::string kUniqueFct = "test:unique_fct_orders_order_id";
const std::string kSingular = "test:assert_orders_have_positive_amounts";
const std::string kUnit = "unit:test_fct_orders_amounts";

std::string error_of(const std::string& yaml) {
  try {
    SelectorsFile::parse(yaml, "selectors.yml");
  } catch (const SelectionError& error) {
    return error.what();
  }
  return "no error";
}

class SelectorsYaml : public ::testing::Test {
 protected:
  List run(const std::string& yaml, const std::string& name,
           IndirectSelection mode = IndirectSelection::Eager) {
    SelectorsFile file = SelectorsFile::parse(yaml, "selectors.yml");
    return wizards.select_spec(file.spec_named(name), mode);
  }
  testing::WizardsSelection wizards;
};

TEST_F(SelectorsYaml, StringDefinitionIsOneTerm) {
  EXPECT_EQ(run("selectors:\n  - name: daily\n    definition: 'tag:daily'\n", "daily"),
            wizards.select("tag:daily"));
  EXPECT_EQ(run("selectors:\n  - name: up\n    definition: '+fct_orders'\n", "up"),
            wizards.select("+fct_orders"));
  // dbt does not split a string definition: "tag:daily,tag:finance" is one tag value.
  EXPECT_EQ(run("selectors:\n  - name: s\n    definition: 'tag:daily,tag:finance'\n", "s"), List{});
}

TEST_F(SelectorsYaml, MethodDictionaryWithGraphOperators) {
  const char* yaml = R"(
selectors:
  - name: upstream_of_orders
    description: fct_orders and two levels up
    definition:
      method: fqn
      value: fct_orders
      parents: true
      parents_depth: 1
      children: true
)";
  EXPECT_EQ(run(yaml, "upstream_of_orders"), wizards.select("1+fct_orders+"));
  SelectorsFile file = SelectorsFile::parse(yaml, "selectors.yml");
  EXPECT_EQ(file.selectors()[0].description, "fct_orders and two levels up");
  EXPECT_EQ(file.selectors()[0].line, 3);
}

TEST_F(SelectorsYaml, ShortDictionaryIsMethodAndValue) {
  EXPECT_EQ(run("selectors:\n  - name: t\n    definition:\n      tag: daily\n", "t"),
            wizards.select("tag:daily"));
  EXPECT_EQ(run("selectors:\n  - name: c\n    definition:\n      config.meta.owner: alice\n", "c"),
            wizards.select("config.meta.owner:alice"));
}

TEST_F(SelectorsYaml, YamlNumbersCompareAsNumbers) {
  // Unlike the command line's text, a YAML 1 equals the config value 1.
  EXPECT_EQ(run("selectors:\n  - name: p\n    definition:\n      config.meta.priority: 1\n", "p"),
            wizards.select("fct_orders"));
  EXPECT_EQ(run("selectors:\n  - name: p\n    definition:\n      config.meta.priority: '1'\n", "p"),
            List{});
  EXPECT_EQ(
      run("selectors:\n  - name: e\n    definition:\n      config.contract.enforced: true\n", "e"),
      wizards.select("fct_orders"));
}

TEST_F(SelectorsYaml, UnionIntersectionAndExclude) {
  const char* yaml = R"(
selectors:
  - name: marts_but_not_daily
    definition:
      union:
        - method: path
          value: models/marts
        - exclude:
            - tag:daily
            - resource_type:test
  - name: daily_tables
    definition:
      intersection:
        - tag:daily
        - method: config.materialized
          value: table
)";
  EXPECT_EQ(run(yaml, "marts_but_not_daily"),
            sorted({"dim_customers.v1", "dim_customers.v2", "dim_wands", "dim_worlds",
                    "world_revenue", "exposure:revenue_dashboard"}));
  EXPECT_EQ(run(yaml, "daily_tables"), sorted({"dim_wizards", kRelationships}));
}

TEST_F(SelectorsYaml, ExcludeNextToMethodAndValue) {
  const char* yaml = R"(
selectors:
  - name: s
    definition:
      method: tag
      value: daily
      exclude:
        - dim_wizards
)";
  EXPECT_EQ(run(yaml, "s"), sorted({"fct_orders", kUniqueFct, kSingular, kUnit}));
}

TEST_F(SelectorsYaml, IndirectSelectionPerCriteriaOverridesTheFlag) {
  const char* yaml = R"(
selectors:
  - name: cautious_orders
    definition:
      method: fqn
      value: fct_orders
      indirect_selection: cautious
)";
  EXPECT_EQ(run(yaml, "cautious_orders", IndirectSelection::Eager),
            sorted({"fct_orders", kUniqueFct, kSingular, kUnit}));
}

TEST_F(SelectorsYaml, ChildrensParents) {
  const char* yaml = R"(
selectors:
  - name: s
    definition:
      method: fqn
      value: stg_orders
      childrens_parents: true
)";
  EXPECT_EQ(run(yaml, "s"), wizards.select("@stg_orders"));
}

TEST_F(SelectorsYaml, SelectorMethodReusesAnEarlierSelector) {
  const char* yaml = R"(
selectors:
  - name: daily
    definition: tag:daily
  - name: daily_without_tests
    definition:
      union:
        - method: selector
          value: daily
        - exclude:
            - resource_type:test
)";
  EXPECT_EQ(run(yaml, "daily_without_tests"), sorted({"dim_wizards", "fct_orders", kUnit}));
}

TEST(SelectorsFileErrors, SelectorMethodCannotReferToALaterSelector) {
  std::string message = error_of(R"(selectors:
  - name: first
    definition:
      method: selector
      value: second
  - name: second
    definition: tag:daily
)");
  EXPECT_NE(message.find("selectors.yml:4: Existing selector definition for second not found"),
            std::string::npos)
      << message;
}

TEST(SelectorsFileErrors, ShortSelectorFormIsNotAMethod) {
  std::string message = error_of("selectors:\n  - name: a\n    definition: 'selector:b'\n");
  EXPECT_NE(message.find("selectors.yml:3: 'selector' is not a valid method name"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("method: selector"), std::string::npos) << message;
}

TEST(SelectorsFileErrors, NameFileAndLine) {
  EXPECT_EQ(error_of("selectors:\n  - name: a\n    definition:\n      tags: daily\n")
                .rfind("selectors.yml:4: 'tags' is not a valid method name", 0),
            0u);
  EXPECT_EQ(error_of("selectors:\n  - name: a\n"),
            "selectors.yml:2: this selector has no 'definition:'");
  EXPECT_EQ(error_of("selectors:\n  - name: a\n    definition: [tag:a]\n"),
            "selectors.yml:3: Valid root-level selector definitions: union, intersection, string, "
            "dictionary. No lists.");
  EXPECT_EQ(error_of("selectors: {}\n"),
            "selectors.yml:1: 'selectors:' must be a list of selectors");
  EXPECT_EQ(error_of("nothing: here\n"),
            "selectors.yml:1: expected a top-level 'selectors:' key holding a list of selectors");
  EXPECT_EQ(error_of("selectors:\n  - name: a\n    definition: [\n").rfind("selectors.yml:", 0),
            0u);
}

TEST(SelectorsFileErrors, RootLevelSetOperationStandsAlone) {
  std::string message = error_of(R"(selectors:
  - name: a
    definition:
      union: [tag:a]
      intersection: [tag:b]
)");
  EXPECT_EQ(message,
            "selectors.yml:4: Only a single 'union' or 'intersection' key is allowed in a root "
            "level selector definition; found union, intersection.");
}

TEST(SelectorsFileErrors, OneExcludePerSetOperation) {
  std::string message = error_of(R"(selectors:
  - name: a
    definition:
      union:
        - tag:a
        - exclude: [tag:b]
        - exclude: [tag:c]
)");
  EXPECT_NE(message.find("selectors.yml:7: You cannot provide multiple exclude arguments"),
            std::string::npos)
      << message;
}

TEST(SelectorsFileErrors, DictionaryNeedsMethodAndValue) {
  std::string message = error_of(R"(selectors:
  - name: a
    definition:
      method: tag
      parents: true
)");
  EXPECT_EQ(message,
            "selectors.yml:4: Expected either 1 key or else \"method\" and \"value\" keys, but got "
            "[method, parents]");
}

TEST(SelectorsFileErrors, OnlyOneDefault) {
  std::string message = error_of(R"(selectors:
  - name: a
    definition: tag:a
    default: true
  - name: b
    definition: tag:b
    default: true
)");
  EXPECT_EQ(message, "selectors.yml:5: Found multiple selectors with `default: true`: a and b");
}

TEST(SelectorsFileErrors, DuplicateNames) {
  std::string message =
      error_of("selectors:\n  - name: a\n    definition: x\n  - name: a\n    definition: y\n");
  EXPECT_EQ(message.rfind("selectors.yml:4: a selector named 'a' is already defined on line 2", 0),
            0u);
}

TEST(SelectorsFileErrors, AtAndChildrenAreIncompatible) {
  std::string message = error_of(R"(selectors:
  - name: a
    definition:
      method: fqn
      value: x
      children: true
      childrens_parents: true
)");
  EXPECT_NE(message.find("\"@\" prefix and \"+\" suffix are incompatible"), std::string::npos);
}

TEST(SelectorsFile, EmptyFileHasNoSelectors) {
  EXPECT_TRUE(SelectorsFile::parse("", "selectors.yml").selectors().empty());
}

TEST(SelectorsFile, ZeroDepthInYamlMeansUnlimited) {
  testing::WizardsSelection wizards;
  SelectorsFile file = SelectorsFile::parse(
      "selectors:\n  - name: a\n    definition:\n      method: fqn\n      value: fct_orders\n"
      "      parents: true\n      parents_depth: 0\n",
      "selectors.yml");
  EXPECT_EQ(wizards.select_spec(file.spec_named("a")), wizards.select("+fct_orders"));
}

TEST(SelectorsFile, UnknownSelectorNameListsTheKnownOnes) {
  SelectorsFile file = SelectorsFile::parse(
      "selectors:\n  - name: a\n    definition: x\n  - name: b\n    definition: y\n",
      "selectors.yml");
  try {
    file.spec_named("c");
    FAIL() << "expected an error";
  } catch (const SelectionError& error) {
    EXPECT_STREQ(error.what(), "Could not find selector named c, expected one of ['a', 'b']");
  }
}

TEST(SelectorsFile, RendersStringsBeforeReadingThem) {
  testing::WizardsSelection wizards;
  SelectorsFile file =
      SelectorsFile::parse("selectors:\n  - name: a\n    definition: \"tag:{{ var('t') }}\"\n",
                           "selectors.yml", [](const std::string& text) {
                             std::string out = text;
                             size_t at = out.find("{{ var('t') }}");
                             if (at != std::string::npos) out.replace(at, 14, "daily");
                             return out;
                           });
  EXPECT_EQ(wizards.select_spec(file.spec_named("a")), wizards.select("tag:daily"));
}

TEST(ChooseSelection, SelectorFlagWinsThenDefaultThenSelect) {
  testing::WizardsSelection wizards;
  SelectorsFile file = SelectorsFile::parse(R"(selectors:
  - name: seeds
    definition: resource_type:seed
  - name: nightly
    definition: tag:daily
    default: true
)",
                                            "selectors.yml");
  ChosenSelection by_flag = choose_selection({{"stg_orders"}, {}, "seeds"}, &file);
  EXPECT_EQ(wizards.select_spec(by_flag.spec), List{"wand_woods"});
  EXPECT_FALSE(by_flag.default_selector.has_value());

  ChosenSelection by_default = choose_selection({}, &file);
  EXPECT_EQ(by_default.default_selector, "nightly");
  EXPECT_EQ(wizards.select_spec(by_default.spec), wizards.select("tag:daily"));

  // --exclude alone also turns the default selector off.
  ChosenSelection by_exclude = choose_selection({{}, {"staging"}, ""}, &file);
  EXPECT_FALSE(by_exclude.default_selector.has_value());
  EXPECT_EQ(wizards.select_spec(by_exclude.spec), wizards.select("", "staging"));

  EXPECT_THROW(choose_selection({{}, {}, "weekly"}, &file), SelectionError);
  EXPECT_THROW(choose_selection({{}, {}, "weekly"}, nullptr), SelectionError);
  EXPECT_EQ(wizards.select_spec(choose_selection({}, nullptr).spec).size(), wizards.dag().size());
}

}  // namespace
}  // namespace kiln::graph
