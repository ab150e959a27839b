// Every selector form on the wizards graph (see wizards_fixture.h), with dbt's expected
// results worked out from its node selection rules.
#include "graph/node_selector.h"

#include <gtest/gtest.h>

#include "graph/errors.h"
#include "wizards_fixture.h"

namespace kiln::graph {
namespace {

using testing::sorted;
using List = std::vector<std::string>;

const std::string kUniqueStg = "test:unique_stg_wizards_wizard_id";
const std::string kNotNullStg = "test:not_null_stg_orders_order_id";
const std::string kUniqueFct = "test:unique_fct_orders_order_id";
const std::string kRelationships = "test:relationships_fct_orders_wizard_id";
const std::string kSourceTest = "test:source_unique_raw_wizards_wizard_id";
const std::string kSingular = "test:assert_orders_have_positive_amounts";
const std::string kUnit = "unit:test_fct_orders_amounts";

class Selecting : public ::testing::Test {
 protected:
  List select(const std::string& s, const std::string& exclude = "",
              IndirectSelection mode = IndirectSelection::Eager) {
    return wizards.select(s, exclude, mode);
  }
  testing::WizardsSelection wizards;
};

// --- names, fqn and the default method ---

TEST_F(Selecting, ModelNameSelectsItAndEagerlyItsTests) {
  EXPECT_EQ(select("fct_orders"),
            sorted({"fct_orders", kSingular, kRelationships, kUniqueFct, kUnit}));
}

TEST_F(Selecting, FolderNameSelectsTheFolderAcrossPackages) {
  EXPECT_EQ(select("staging"), sorted({"stg_orders", "stg_wands", "stg_wizards", "stg_worlds",
                                       kUniqueStg, kNotNullStg, kSourceTest}));
  EXPECT_EQ(select("fqn:wizards.staging.*"), select("staging"));
}

TEST_F(Selecting, PackageQualifiedAndOtherPackageNames) {
  EXPECT_EQ(select("util_calendar"), List{"util_calendar"});
  EXPECT_EQ(select("wizards_utils.util_calendar"), List{"util_calendar"});
  EXPECT_EQ(select("wizards.staging.stg_orders"), sorted({"stg_orders", kNotNullStg}));
}

TEST_F(Selecting, FqnPrefixAlsoMatchesUnitTestsUnderAModel) {
  // The unit test's fqn is wizards.marts.fct_orders.test_fct_orders_amounts.
  EXPECT_EQ(select("marts.fct_orders"),
            sorted({"fct_orders", kSingular, kRelationships, kUniqueFct, kUnit}));
}

TEST_F(Selecting, FqnWildcards) {
  EXPECT_EQ(select("wizards.marts.dim_*"),
            sorted({"dim_customers.v1", "dim_customers.v2", "dim_wands", "dim_wizards",
                    "dim_worlds", kRelationships}));
  // A wildcard matches the rest of the fqn joined by dots, so a bare "stg_w*" never matches
  // (the fqn starts with the package or folder): dbt users write "*stg_w*" or "staging.*".
  EXPECT_EQ(select("stg_w?????"), List{});
  EXPECT_EQ(select("*.stg_w?????"), List{"stg_worlds"});
  EXPECT_EQ(select("*stg_wa*"), sorted({"stg_wands"}));
}

TEST_F(Selecting, FqnNeverSelectsSources) {
  List all = select("fqn:*");
  EXPECT_EQ(std::count_if(all.begin(), all.end(),
                          [](const std::string& l) { return l.rfind("source:", 0) == 0; }),
            0);
  EXPECT_NE(std::find(all.begin(), all.end(), "exposure:revenue_dashboard"), all.end());
}

TEST_F(Selecting, VersionedModels) {
  EXPECT_EQ(select("dim_customers"), sorted({"dim_customers.v1", "dim_customers.v2"}));
  EXPECT_EQ(select("dim_customers.v2"), List{"dim_customers.v2"});
  EXPECT_EQ(select("dim_customers_v1"), List{"dim_customers.v1"});
  EXPECT_EQ(select("version:latest"), List{"dim_customers.v2"});
  EXPECT_EQ(select("version:old"), List{"dim_customers.v1"});
  EXPECT_EQ(select("version:prerelease"), List{});
  EXPECT_EQ(select("version:none,tag:daily"),
            sorted({"dim_wizards", "fct_orders", kRelationships, kUniqueFct, kSingular, kUnit}));
  EXPECT_THROW(select("version:newest"), SelectionError);
}

// --- graph operators ---

TEST_F(Selecting, PlusBeforeSelectsAncestors) {
  EXPECT_EQ(
      select("+fct_orders"),
      sorted({"fct_orders", "stg_orders", "stg_wizards", "source:raw.orders", "source:raw.wizards",
              kUniqueStg, kNotNullStg, kSourceTest, kUniqueFct, kRelationships, kSingular, kUnit}));
}

TEST_F(Selecting, PlusAfterSelectsDescendants) {
  EXPECT_EQ(select("fct_orders+"),
            sorted({"fct_orders", "world_revenue", "exposure:revenue_dashboard", kUniqueFct,
                    kRelationships, kSingular, kUnit}));
}

TEST_F(Selecting, PlusOnBothSides) {
  List both = select("+dim_worlds+");
  EXPECT_EQ(both, sorted({"dim_worlds", "stg_worlds", "source:raw.worlds", "world_revenue",
                          "exposure:revenue_dashboard"}));
}

TEST_F(Selecting, DepthLimitedOperators) {
  EXPECT_EQ(select("1+dim_wizards"), sorted({"dim_wizards", "stg_wizards", "stg_worlds",
                                             "stg_wands", kRelationships, kUniqueStg}));
  EXPECT_EQ(select("stg_wizards+1"),
            sorted({"stg_wizards", "dim_wizards", "fct_orders", "dim_customers.v1",
                    "dim_customers.v2", kUniqueStg, kRelationships, kUniqueFct, kSingular, kUnit}));
  EXPECT_EQ(select("0+stg_orders"), sorted({"stg_orders", kNotNullStg}));
}

TEST_F(Selecting, AtSelectsDescendantsAndAllTheirAncestors) {
  // The relationships test below stg_orders pulls in dim_wizards and its ancestors.
  EXPECT_EQ(select("@stg_orders"), sorted({"source:raw.orders",
                                           "source:raw.wizards",
                                           "source:raw.worlds",
                                           "source:raw.wands",
                                           "stg_orders",
                                           "stg_wizards",
                                           "stg_worlds",
                                           "stg_wands",
                                           "dim_wizards",
                                           "dim_worlds",
                                           "fct_orders",
                                           "world_revenue",
                                           "exposure:revenue_dashboard",
                                           kNotNullStg,
                                           kUniqueFct,
                                           kRelationships,
                                           kSingular,
                                           kUnit,
                                           kUniqueStg,
                                           kSourceTest}));
}

// --- methods ---

TEST_F(Selecting, Tag) {
  EXPECT_EQ(select("tag:daily"),
            sorted({"dim_wizards", "fct_orders", kRelationships, kUniqueFct, kSingular, kUnit}));
  EXPECT_EQ(select("tag:dai*"), select("tag:daily"));
  EXPECT_EQ(select("tag:raw_orders"), List{"source:raw.orders"});
}

TEST_F(Selecting, PathFolderFileAndGlob) {
  EXPECT_EQ(select("path:models/staging"),
            sorted({"source:raw.orders", "source:raw.wands", "source:raw.wizards",
                    "source:raw.worlds", "stg_orders", "stg_wands", "stg_wizards", "stg_worlds",
                    kUniqueStg, kNotNullStg, kSourceTest}));
  EXPECT_EQ(select("path:models/staging/stg_orders.sql"), sorted({"stg_orders", kNotNullStg}));
  EXPECT_EQ(select("models/staging/stg_orders.sql"), select("path:models/staging/stg_orders.sql"));
  EXPECT_EQ(select("path:models/*/stg_w*.sql"),
            sorted({"stg_wands", "stg_wizards", "stg_worlds", kUniqueStg}));
  EXPECT_EQ(select("path:seeds/*.csv"), List{"wand_woods"});
  EXPECT_EQ(select("path:./models/staging/"), select("path:models/staging"));
}

TEST_F(Selecting, PathOfAYamlFileSelectsWhatItDefinesAndDocuments) {
  EXPECT_EQ(
      select("path:models/staging/schema.yml"),
      sorted({"stg_orders", "stg_wands", "stg_wizards", "stg_worlds", kUniqueStg, kNotNullStg}));
}

TEST_F(Selecting, PathOfTheRootsModelsFolderAlsoCoversPackageModels) {
  // dbt compares package file paths with the root project's folders: models/ matches both.
  List all = select("path:models");
  EXPECT_NE(std::find(all.begin(), all.end(), "util_calendar"), all.end());
  EXPECT_EQ(std::find(all.begin(), all.end(), "wand_woods"), all.end());
}

TEST_F(Selecting, PathThatIsNotInTheProjectSelectsNothingAndWarns) {
  SelectionResult result = wizards.run("path:models/nowhere");
  EXPECT_TRUE(result.selected.empty());
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0],
            "The selection criterion 'path:models/nowhere' does not match any enabled nodes");
  EXPECT_THROW(select("path:/abs/models"), SelectionError);
}

TEST_F(Selecting, File) {
  EXPECT_EQ(select("file:stg_orders.sql"), sorted({"stg_orders", kNotNullStg}));
  EXPECT_EQ(select("stg_orders.sql"), select("file:stg_orders.sql"));
  EXPECT_EQ(select("file:stg_orders"), select("file:stg_orders.sql"));
  EXPECT_EQ(select("file:schema.yml"),
            sorted({kUniqueStg, kNotNullStg, kUniqueFct, kRelationships, kUnit}));
  EXPECT_EQ(select("wand_woods.csv"), List{"wand_woods"});
}

TEST_F(Selecting, Source) {
  EXPECT_EQ(select("source:raw"), sorted({"source:raw.orders", "source:raw.wands",
                                          "source:raw.wizards", "source:raw.worlds", kSourceTest}));
  EXPECT_EQ(select("source:raw.orders"), List{"source:raw.orders"});
  EXPECT_EQ(select("source:raw.w*"),
            sorted({"source:raw.wands", "source:raw.wizards", "source:raw.worlds", kSourceTest}));
  EXPECT_EQ(select("source:wizards.raw.orders"), List{"source:raw.orders"});
  EXPECT_EQ(select("source:other_package.raw.orders"), List{});
  EXPECT_EQ(select("source:raw.orders+"),
            sorted({"source:raw.orders", "stg_orders", "fct_orders", "world_revenue",
                    "exposure:revenue_dashboard", kNotNullStg, kUniqueFct, kRelationships,
                    kSingular, kUnit}));
  EXPECT_THROW(select("source:a.b.c.d"), SelectionError);
}

TEST_F(Selecting, ResourceType) {
  EXPECT_EQ(select("resource_type:seed"), List{"wand_woods"});
  EXPECT_EQ(select("resource_type:exposure"), List{"exposure:revenue_dashboard"});
  EXPECT_EQ(select("resource_type:test"),
            sorted({kUniqueStg, kNotNullStg, kUniqueFct, kRelationships, kSourceTest, kSingular}));
  EXPECT_THROW(select("resource_type:table"), SelectionError);
}

TEST_F(Selecting, Config) {
  EXPECT_EQ(select("config.materialized:incremental"),
            sorted({"fct_orders", kRelationships, kUniqueFct, kSingular, kUnit}));
  EXPECT_EQ(select("config.materialized:view"),
            sorted({"stg_orders", "stg_wands", "stg_wizards", "stg_worlds", "util_calendar",
                    kUniqueStg, kNotNullStg}));
  EXPECT_EQ(select("config.meta.owner:alice"), select("config.materialized:incremental"));
  EXPECT_EQ(select("config.contract.enforced:true"), select("config.materialized:incremental"));
  EXPECT_EQ(select("config.contract.enforced:True"), select("config.materialized:incremental"));
  EXPECT_EQ(select("config.packages:a"), List{"world_revenue"});
  EXPECT_EQ(select("config.packages:c"), List{});
  // The command line gives text; dbt compares it with ==, so it never equals a number.
  EXPECT_EQ(select("config.meta.priority:1"), List{});
  EXPECT_EQ(select("config.no_such_key:x"), List{});
}

TEST_F(Selecting, ConfigSeverityIgnoresCase) {
  EXPECT_EQ(select("config.severity:warn"), List{kRelationships});
  EXPECT_EQ(select("config.severity:WARN"), List{kRelationships});
  EXPECT_EQ(select("config.severity:error"),
            sorted({kUniqueStg, kNotNullStg, kUniqueFct, kSourceTest, kSingular}));
}

TEST_F(Selecting, TestTypeAndTestName) {
  EXPECT_EQ(select("test_type:generic"),
            sorted({kUniqueStg, kNotNullStg, kUniqueFct, kRelationships, kSourceTest}));
  EXPECT_EQ(select("test_type:singular"), List{kSingular});
  EXPECT_EQ(select("test_type:unit"), List{kUnit});
  EXPECT_EQ(select("test_type:data"),
            sorted({kUniqueStg, kNotNullStg, kUniqueFct, kRelationships, kSourceTest, kSingular}));
  EXPECT_THROW(select("test_type:integration"), SelectionError);
  EXPECT_EQ(select("test_name:unique"), sorted({kUniqueStg, kUniqueFct, kSourceTest}));
  EXPECT_EQ(select("test_name:not_*"), List{kNotNullStg});
  EXPECT_EQ(select("test_name:test_fct_orders_amounts"), List{kUnit});
}

TEST_F(Selecting, PackageAndThis) {
  EXPECT_EQ(select("package:wizards_utils"), List{"util_calendar"});
  List ours = select("package:this");
  EXPECT_EQ(ours, select("package:wizards"));
  EXPECT_EQ(std::find(ours.begin(), ours.end(), "util_calendar"), ours.end());
  EXPECT_EQ(ours.size(), wizards.dag().size() - 1);
}

TEST_F(Selecting, ExposureUnitTestAccessGroup) {
  EXPECT_EQ(select("exposure:revenue_dashboard"), List{"exposure:revenue_dashboard"});
  EXPECT_EQ(select("exposure:wizards.revenue_*"), List{"exposure:revenue_dashboard"});
  EXPECT_EQ(select("unit_test:test_fct_orders_amounts"), List{kUnit});
  EXPECT_EQ(select("access:public"), sorted({"dim_wizards", kRelationships}));
  EXPECT_EQ(select("group:finance"),
            sorted({"fct_orders", kRelationships, kUniqueFct, kSingular, kUnit}));
  EXPECT_THROW(select("exposure:a.b.c"), SelectionError);
}

TEST_F(Selecting, AncestorsOfAnExposure) {
  EXPECT_EQ(select("+exposure:revenue_dashboard"),
            sorted({"exposure:revenue_dashboard", "world_revenue", "fct_orders", "dim_worlds",
                    "stg_orders", "stg_wizards", "stg_worlds", "source:raw.orders",
                    "source:raw.wizards", "source:raw.worlds", kUniqueFct, kRelationships,
                    kSingular, kUnit, kUniqueStg, kNotNullStg, kSourceTest}));
}

TEST_F(Selecting, StateMethodsNeedAnAnswerFromTheCaller) {
  try {
    select("state:modified");
    FAIL() << "expected an error";
  } catch (const SelectionError& error) {
    EXPECT_NE(std::string(error.what()).find("'state' method"), std::string::npos);
  }
  wizards.selector().set_external_method(
      Method::State, [](const GraphNode& node, const SelectionCriteria& criteria) {
        return criteria.value == "modified" && node.name == "stg_worlds";
      });
  EXPECT_EQ(select("state:modified+"),
            sorted({"stg_worlds", "dim_wizards", "dim_worlds", "world_revenue",
                    "exposure:revenue_dashboard", kRelationships}));
}

// --- set operations ---

TEST_F(Selecting, SpacesUnionAndCommasIntersect) {
  EXPECT_EQ(select("stg_orders stg_worlds"), sorted({"stg_orders", kNotNullStg, "stg_worlds"}));
  EXPECT_EQ(select("tag:daily,config.materialized:table"), sorted({"dim_wizards", kRelationships}));
  // Both sides also hold raw.wizards' test (eager), so the intersection keeps it.
  EXPECT_EQ(select("+fct_orders,resource_type:source"),
            sorted({"source:raw.orders", "source:raw.wizards", kSourceTest}));
}

TEST_F(Selecting, RepeatedSelectFlagsAreAUnion) {
  testing::WizardsSelection w;
  SelectionSpec spec = parse_command_line_selection({"stg_orders", "stg_worlds"}, {});
  EXPECT_EQ(w.select_spec(spec), select("stg_orders stg_worlds"));
}

TEST_F(Selecting, ExcludeRemovesNodesAndTheirTests) {
  EXPECT_EQ(select("+fct_orders", "stg_wizards"),
            sorted({"fct_orders", "stg_orders", "source:raw.orders", "source:raw.wizards",
                    kNotNullStg, kSourceTest, kUniqueFct, kRelationships, kSingular, kUnit}));
  // A test with one excluded parent goes too (eager exclusion).
  EXPECT_EQ(select("fct_orders dim_wizards", "dim_wizards"),
            sorted({"fct_orders", kUniqueFct, kSingular, kUnit}));
  EXPECT_EQ(select("tag:daily", "resource_type:test"),
            sorted({"dim_wizards", "fct_orders", kUnit}));
}

TEST_F(Selecting, NoSelectMeansEverything) {
  EXPECT_EQ(select("").size(), wizards.dag().size());
  List without_staging = select("", "staging");
  EXPECT_EQ(std::find(without_staging.begin(), without_staging.end(), "stg_orders"),
            without_staging.end());
  // Sources are not in the fqn-matched staging folder, so they stay.
  EXPECT_NE(std::find(without_staging.begin(), without_staging.end(), "source:raw.orders"),
            without_staging.end());
}

TEST_F(Selecting, UnmatchedTermsWarnOncePerTerm) {
  SelectionResult result = wizards.run("nothing_here stg_orders", "nope");
  EXPECT_EQ(result.warnings,
            (List{"The selection criterion 'nothing_here' does not match any enabled nodes",
                  "The selection criterion 'nope' does not match any enabled nodes"}));
}

// --- indirect selection ---

TEST_F(Selecting, CautiousSelectsOnlyTestsWhoseParentsAreAllSelected) {
  EXPECT_EQ(select("fct_orders", "", IndirectSelection::Cautious),
            sorted({"fct_orders", kSingular, kUniqueFct, kUnit}));
  EXPECT_EQ(select("fct_orders dim_wizards", "", IndirectSelection::Cautious),
            sorted({"fct_orders", "dim_wizards", kSingular, kUniqueFct, kUnit, kRelationships}));
  SelectionResult held = wizards.run("fct_orders", "", IndirectSelection::Cautious);
  EXPECT_EQ(testing::labels(wizards.dag(), held.held_back_tests), List{kRelationships});
}

TEST_F(Selecting, BuildableAlsoAcceptsParentsUpstreamOfTheSelection) {
  // relationships(fct_orders, dim_wizards): fct_orders is upstream of world_revenue.
  EXPECT_EQ(select("dim_wizards world_revenue", "", IndirectSelection::Eager),
            sorted({"dim_wizards", "world_revenue", kRelationships}));
  EXPECT_EQ(select("dim_wizards world_revenue", "", IndirectSelection::Cautious),
            sorted({"dim_wizards", "world_revenue"}));
  EXPECT_EQ(select("dim_wizards world_revenue", "", IndirectSelection::Buildable),
            sorted({"dim_wizards", "world_revenue", kRelationships}));
  EXPECT_EQ(select("fct_orders", "", IndirectSelection::Buildable),
            select("fct_orders", "", IndirectSelection::Cautious));
}

TEST_F(Selecting, EmptySelectsNoTestsIndirectly) {
  EXPECT_EQ(select("fct_orders", "", IndirectSelection::Empty), List{"fct_orders"});
  EXPECT_EQ(select("+stg_orders", "", IndirectSelection::Empty),
            sorted({"stg_orders", "source:raw.orders"}));
  // Tests still selected directly.
  EXPECT_EQ(select("fct_orders+", "", IndirectSelection::Empty),
            sorted({"fct_orders", "world_revenue", "exposure:revenue_dashboard", kUniqueFct,
                    kRelationships, kSingular, kUnit}));
}

TEST_F(Selecting, CautiousExclusionKeepsTestsWithASelectedParent) {
  // dbt: under cautious selection the excluded side does not claim the relationships test
  // (not all its parents are excluded), so it stays selected.
  EXPECT_EQ(select("fct_orders dim_wizards", "dim_wizards", IndirectSelection::Cautious),
            sorted({"fct_orders", kUniqueFct, kSingular, kUnit, kRelationships}));
}

}  // namespace
}  // namespace kiln::graph
