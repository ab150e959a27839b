// kiln source freshness on a copy of examples/wizards: raw.wizards' newest created_at against
// its freshness threshold, printed as dbt prints it and written to target/sources.json.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

class SourceFreshnessTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_KILN_EXIT(project.run({"run-operation", "load_raw_data"}), 0); }

  // raw.wizards with the given freshness block; the other tables have none (not checked).
  void set_freshness(const std::string& freshness) {
    project.write("models/staging/sources.yml", R"(version: 2
sources:
  - name: raw
    schema: raw
    tables:
      - name: wizards
        loaded_at_field: created_at
        freshness: )" + freshness + R"(
      - name: worlds
      - name: wands
      - name: orders
)");
  }

  nlohmann::json only_result() {
    nlohmann::json sources = nlohmann::json::parse(project.read("target/sources.json"));
    EXPECT_EQ(sources["results"].size(), 1u) << sources.dump(2);
    return sources["results"].empty() ? nlohmann::json::object() : sources["results"][0];
  }

  KilnProject project{(source_dir() / "examples" / "wizards").string()};
};

TEST_F(SourceFreshnessTest, OldRowsWarnAndNewRowsPass) {
  // The loaded rows are from 2024.
  set_freshness("{warn_after: {count: 1, period: day}, error_after: {count: 36500, period: day}}");
  KilnResult checked = project.run({"source", "freshness"});
  ASSERT_KILN_EXIT(checked, 0);
  EXPECT_NE(checked.out.find("WARN freshness of raw.wizards"), std::string::npos)
      << checked.describe();
  nlohmann::json result = only_result();
  EXPECT_EQ(result["unique_id"], "source.wizards.raw.wizards");
  EXPECT_EQ(result["status"], "warn");
  EXPECT_GT(result["max_loaded_at_time_ago_in_s"].get<double>(), 86400.0);
  EXPECT_EQ(result["criteria"]["warn_after"]["count"], 1);

  ASSERT_KILN_EXIT(project.run({"run-operation", "simulate_new_wizards"}), 0);
  checked = project.run({"source", "freshness"});
  ASSERT_KILN_EXIT(checked, 0);
  EXPECT_EQ(only_result()["status"], "pass") << checked.describe();
}

TEST_F(SourceFreshnessTest, RowsOlderThanErrorAfterFailTheCommand) {
  set_freshness("{error_after: {count: 1, period: hour}}");
  KilnResult checked = project.run({"source", "freshness"});
  EXPECT_KILN_EXIT(checked, 1);
  EXPECT_NE(checked.out.find("ERROR STALE freshness of raw.wizards"), std::string::npos)
      << checked.describe();
  EXPECT_EQ(only_result()["status"], "error");
}

}  // namespace
}  // namespace kiln::e2e
