// `kiln run-operation`: runs a project macro with its arguments against the warehouse.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

TEST(RunOperationTest, RunsAMacroThatLoadsTables) {
  KilnProject project("e2e_basic");
  KilnResult loaded = project.run({"run-operation", "load_raw"});
  ASSERT_KILN_EXIT(loaded, 0);
  // log(..., info=true) reaches the console.
  EXPECT_NE(loaded.out.find("Loaded raw.customers and raw.orders"), std::string::npos)
      << loaded.describe();

  DuckDbFile db(basic_database(project));
  EXPECT_EQ(
      db.rows("select id, name, country_code from raw.customers order by id"),
      (Rows{{"1", " Ada ", "NL"}, {"2", "Bob", "FR"}, {"3", "Chen", "JP"}, {"4", "Dee", "NL"}}));
  EXPECT_EQ(db.count("select count(*) from raw.orders"), 4);
}

TEST(RunOperationTest, PassesArgsAndDefaults) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  KilnResult added = project.run({"run-operation", "add_customer", "--args", "{id: 5, name: Eve}"});
  ASSERT_KILN_EXIT(added, 0);
  EXPECT_NE(added.out.find("Added customer Eve"), std::string::npos) << added.describe();

  DuckDbFile db(basic_database(project));
  EXPECT_EQ(db.rows("select id, name, country_code from raw.customers where id = 5"),
            (Rows{{"5", "Eve", "FR"}}));
}

TEST(RunOperationTest, UnknownMacroFails) {
  KilnProject project("e2e_basic");
  KilnResult result = project.run({"run-operation", "no_such_macro"});
  // dbt reports the operation as failed (exit 1) and names the macro.
  EXPECT_KILN_EXIT(result, 1);
  EXPECT_NE(result.all().find("no_such_macro"), std::string::npos) << result.describe();
}

}  // namespace
}  // namespace kiln::e2e
