// The smaller commands and the flags that say where things are: --project-dir, --target-path,
// --profiles-dir, `show`, `debug`, `clean`.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

TEST(ProjectDirTest, RunsAProjectFromAnotherFolder) {
  KilnProject project("e2e_basic");
  KilnResult loaded = project.run_in(
      project.root(), {"run-operation", "load_raw", "--project-dir", project.dir().string()});
  ASSERT_KILN_EXIT(loaded, 0);
  KilnResult built =
      project.run_in(project.root(), {"build", "--project-dir", project.dir().string()});
  ASSERT_KILN_EXIT(built, 0);
  // The database and target/ belong to the project, not to the working directory.
  EXPECT_TRUE(project.exists("target/run_results.json"));
  EXPECT_FALSE(std::filesystem::exists(project.root() / "target"));
  DuckDbFile db(basic_database(project));
  EXPECT_EQ(db.count("select count(*) from main_marts.dim_customers"), 4);
}

TEST(TargetPathTest, ArtifactsGoWhereTargetPathSays) {
  KilnProject project("e2e_basic");
  ASSERT_KILN_EXIT(project.run({"compile", "--target-path", "elsewhere"}), 0);
  EXPECT_TRUE(project.exists("elsewhere/manifest.json"));
  EXPECT_TRUE(project.exists("elsewhere/compiled/e2e_basic/models/marts/dim_customers.sql"));
  EXPECT_FALSE(project.exists("target/manifest.json"));
}

TEST(ProfilesDirTest, ProfileFromProfilesDirIsUsed) {
  KilnProject project("e2e_basic");
  std::filesystem::create_directories(project.root() / "profiles");
  project.write("../profiles/profiles.yml",
                "e2e_basic:\n"
                "  target: ci\n"
                "  outputs:\n"
                "    ci:\n"
                "      type: duckdb\n"
                "      path: from_profile.duckdb\n"
                "      schema: main\n"
                "      threads: 1\n");
  const std::string profiles = (project.root() / "profiles").string();
  ASSERT_KILN_EXIT(project.run({"run-operation", "load_raw", "--profiles-dir", profiles}), 0);
  ASSERT_KILN_EXIT(project.run({"build", "--profiles-dir", profiles}), 0);
  EXPECT_FALSE(project.exists("e2e_basic.duckdb"));
  DuckDbFile db(project.dir() / "from_profile.duckdb");
  EXPECT_EQ(db.count("select count(*) from main_marts.dim_customers"), 4);
}

TEST(ShowTest, InlineQueryPrintsItsRows) {
  KilnProject project("e2e_basic");
  KilnResult shown = project.run({"show", "--inline", "select 40 + 2 as answer"});
  ASSERT_KILN_EXIT(shown, 0);
  EXPECT_NE(shown.out.find("answer"), std::string::npos) << shown.describe();
  EXPECT_NE(shown.out.find("42"), std::string::npos) << shown.describe();
}

// As dbt's ShowTask: the model's tests are selected too (indirect selection) and excluded
// from the previews with a note; --limit bounds the rows.
TEST(ShowTest, SelectedModelIsPreviewedAndItsTestsExcluded) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  KilnResult shown = project.run({"show", "--select", "stg_customers", "--limit", "1"});
  ASSERT_KILN_EXIT(shown, 0);
  EXPECT_NE(shown.out.find("Previewing node 'stg_customers':"), std::string::npos)
      << shown.describe();
  EXPECT_NE(shown.out.find("Excluded node 'unique_stg_customers_customer_id' from results"),
            std::string::npos)
      << shown.describe();
  size_t table_start = shown.out.find("| customer_id");
  ASSERT_NE(table_start, std::string::npos) << shown.describe();
  // The header, its rule and exactly one row.
  EXPECT_EQ(lines_of(shown.out.substr(table_start)).size(), 3u) << shown.describe();
}

TEST(DebugTest, ChecksPassOnAValidProject) {
  KilnProject project("e2e_basic");
  KilnResult debugged = project.run({"debug"});
  EXPECT_KILN_EXIT(debugged, 0);
}

TEST(CleanTest, RemovesTheCleanTargets) {
  KilnProject project("e2e_basic");
  ASSERT_KILN_EXIT(project.run({"parse"}), 0);
  ASSERT_TRUE(project.exists("target/manifest.json"));
  ASSERT_KILN_EXIT(project.run({"clean"}), 0);
  EXPECT_FALSE(project.exists("target"));
  // Only clean-targets: the models are still there.
  EXPECT_TRUE(project.exists("models/marts/dim_customers.sql"));
}

}  // namespace
}  // namespace kiln::e2e
