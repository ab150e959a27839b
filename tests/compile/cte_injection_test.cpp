#include "compile/cte_injection.h"

#include <gtest/gtest.h>

namespace kiln::compile {
namespace {

TEST(CteInjection, PrependsAWithClauseToAPlainSelect) {
  EXPECT_EQ(inject_ctes("select * from __dbt__cte__a", {{"__dbt__cte__a", "select 1"}}),
            "with __dbt__cte__a as (\nselect 1\n)\nselect * from __dbt__cte__a");
}

TEST(CteInjection, JoinsAnExistingWithClauseSoTheCtesComeFirst) {
  EXPECT_EQ(
      inject_ctes("-- lead comment\nWITH x as (select 2) select * from x",
                  {{"__dbt__cte__a", "select 1"}}),
      "-- lead comment\nWITH __dbt__cte__a as (\nselect 1\n), x as (select 2) select * from x");
}

TEST(CteInjection, KeepsRecursiveAfterWith) {
  EXPECT_EQ(inject_ctes("with recursive r as (select 1) select * from r", {{"c", "select 0"}}),
            "with recursive c as (\nselect 0\n), r as (select 1) select * from r");
}

TEST(CteInjection, AWordStartingWithWithIsNotTheKeyword) {
  EXPECT_EQ(inject_ctes("without_table", {{"c", "select 0"}}),
            "with c as (\nselect 0\n)\nwithout_table");
}

TEST(CteInjection, SeveralCtesKeepTheirOrder) {
  EXPECT_EQ(inject_ctes("select 1", {{"a", "x"}, {"b", "y"}}),
            "with a as (\nx\n), b as (\ny\n)\nselect 1");
}

}  // namespace
}  // namespace kiln::compile
