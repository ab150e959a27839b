// The example project of the README, examples/wizards, run the way the README runs it: load the
// raw tables with a macro, build, then deliver new rows and build again.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

class WizardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KilnResult loaded = project.run({"run-operation", "load_raw_data"});
    ASSERT_KILN_EXIT(loaded, 0);
    EXPECT_NE(loaded.out.find("Loaded raw.worlds, raw.wizards, raw.wands and raw.orders"),
              std::string::npos)
        << loaded.describe();
  }

  // examples/wizards/profiles.yml: wizards.duckdb in the project folder.
  std::filesystem::path database() const { return project.dir() / "wizards.duckdb"; }

  KilnProject project{(source_dir() / "examples" / "wizards").string()};
};

TEST_F(WizardsTest, EveryModelAndTestSucceeds) {
  KilnResult built = project.run({"build"});
  ASSERT_KILN_EXIT(built, 0);

  std::map<std::string, std::string> statuses = short_statuses(project);
  size_t models = 0, tests = 0, seeds = 0;
  for (const auto& [id, status] : statuses) {
    if (id.rfind("model.", 0) == 0) {
      ++models;
      EXPECT_EQ(status, "success") << id;
    } else if (id.rfind("test.", 0) == 0) {
      ++tests;
      EXPECT_EQ(status, "pass") << id;
    } else if (id.rfind("seed.", 0) == 0) {
      ++seeds;
      EXPECT_EQ(status, "success") << id;
    } else {
      ADD_FAILURE() << "unexpected result " << id << ": " << status;
    }
  }
  EXPECT_EQ(seeds, 1u);
  EXPECT_EQ(models, 9u);
  // 17 on models (schema.yml files), 2 on the raw.wizards source, 1 singular.
  EXPECT_EQ(tests, 20u);
  EXPECT_EQ(statuses["test.source_unique_raw_wizards_wizard_id"], "pass");
  EXPECT_EQ(statuses["test.assert_orders_have_positive_amounts"], "pass");

  DuckDbFile db(database());
  EXPECT_EQ(db.rows("select world_name, active_days, active_months, "
                    "revenue_gold::decimal(10, 2)::varchar from main.world_revenue "
                    "order by world_name"),
            (Rows{{"Discworld", "1", "1", "8.00"},
                  {"Earthsea", "1", "1", "12.50"},
                  {"Middle-earth", "2", "1", "62.00"}}));
  EXPECT_EQ(db.rows("select wizard_id, wizard_name, email, world_name, wand_count "
                    "from main.dim_wizards order by wizard_id"),
            (Rows{{"1", "Ged", "ged@roke.edu", "Earthsea", "1"},
                  {"2", "Rincewind", "rincewind@uu.ac", "Discworld", "1"},
                  {"3", "Gandalf", "gandalf@istari.org", "Middle-earth", "2"},
                  {"4", "Granny Weatherwax", "esme@lancre.org", "Discworld", "0"}}));
  EXPECT_EQ(
      db.rows("select wand_id, wood, wood_rarity from main.dim_wands order by wand_id"),
      (Rows{
          {"10", "yew", "4"}, {"11", "willow", "1"}, {"12", "elder", "5"}, {"13", "holly", "2"}}));
  EXPECT_EQ(db.relation_type("main", "stg_wizards"), "VIEW");
}

TEST_F(WizardsTest, NewSourceRowsReachTheMartsOnTheNextBuild) {
  ASSERT_KILN_EXIT(project.run({"build"}), 0);
  KilnResult added = project.run({"run-operation", "simulate_new_wizards", "--args", "{count: 2}"});
  ASSERT_KILN_EXIT(added, 0);
  ASSERT_KILN_EXIT(project.run({"build"}), 0);

  DuckDbFile db(database());
  EXPECT_EQ(db.rows("select wizard_id, wizard_name, world_name, wand_count from main.dim_wizards "
                    "where wizard_id > 4 order by wizard_id"),
            (Rows{{"5", "Apprentice 5", "Earthsea", "0"}, {"6", "Apprentice 6", "Earthsea", "0"}}));
}

}  // namespace
}  // namespace kiln::e2e
