// A custom generic test: a `{% test is_positive(model, column_name) %}` block in macros/, used
// by name in properties like dbt's built-in tests (fixture e2e_custom_generic_test).

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

TEST(CustomGenericTest, TestBlockInMacrosIsUsableInProperties) {
  KilnProject project("e2e_custom_generic_test");
  KilnResult built = project.run({"build"});
  // amount holds -3: that test fails, so the build exits 1.
  ASSERT_KILN_EXIT(built, 1);
  EXPECT_EQ(short_statuses(project), (std::map<std::string, std::string>{
                                         {"model.amounts", "success"},
                                         {"test.is_positive_amounts_id", "pass"},
                                         {"test.is_positive_amounts_amount", "fail"},
                                     }));
  // A named copy: a range-for over a temporary's member would read freed memory.
  const nlohmann::json run_results = project.run_results();
  for (const auto& node : run_results["results"]) {
    if (short_id(node.value("unique_id", "")) == "test.is_positive_amounts_amount") {
      EXPECT_EQ(node["failures"], 1);
    }
  }
  std::string compiled = project.read(
      "target/compiled/e2e_custom_generic_test/models/schema.yml/is_positive_amounts_amount.sql");
  EXPECT_NE(compiled.find("where amount <= 0"), std::string::npos) << compiled;
}

}  // namespace
}  // namespace kiln::e2e
