#include "graph/resource_types.h"

#include <gtest/gtest.h>

#include "graph/errors.h"
#include "wizards_fixture.h"

namespace kiln::graph {
namespace {

using List = std::vector<std::string>;

TEST(ResourceTypes, CommandDefaults) {
  EXPECT_EQ(default_resource_types("run"), List{"model"});
  EXPECT_EQ(default_resource_types("test"), (List{"test", "unit_test"}));
  EXPECT_THROW(default_resource_types("dance"), SelectionError);
}

TEST(ResourceTypes, FlagsExpandAllAndDefaultThenExclude) {
  EXPECT_EQ(resource_types_from_flags("build", {}, {"test", "unit_test"}),
            (List{"exposure", "model", "saved_query", "seed", "snapshot"}));
  EXPECT_EQ(resource_types_from_flags("build", {"seed", "model"}, {}), (List{"model", "seed"}));
  List all = resource_types_from_flags("list", {"all"}, {});
  EXPECT_NE(std::find(all.begin(), all.end(), "analysis"), all.end());
  List defaults = resource_types_from_flags("list", {"default"}, {});
  EXPECT_EQ(std::find(defaults.begin(), defaults.end(), "analysis"), defaults.end());
  EXPECT_EQ(resource_types_from_flags("test", {"model", "unit_test"}, {}), List{"unit_test"});
  EXPECT_THROW(resource_types_from_flags("build", {"table"}, {}), SelectionError);
}

TEST(ResourceTypes, FilterASelection) {
  testing::WizardsSelection wizards;
  SelectionResult result = wizards.run("+fct_orders");
  NodeSet models = only_resource_types(wizards.dag(), result.selected, {"model"});
  EXPECT_EQ(testing::labels(wizards.dag(), models),
            (List{"fct_orders", "stg_orders", "stg_wizards"}));
}

}  // namespace
}  // namespace kiln::graph
