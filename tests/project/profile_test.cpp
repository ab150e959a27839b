#include <gtest/gtest.h>

#include <fstream>

#include "fake_render.h"
#include "project/profile.h"
#include "project/project_config.h"

namespace kiln::project {
namespace {

namespace fs = std::filesystem;
using testing::FakeRender;

class ProfileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kiln_profile_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "project");
    fs::create_directories(dir_ / "home" / ".dbt");
    fs::create_directories(dir_ / "flag");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

  ProfileSearch search() {
    ProfileSearch s;
    s.project_dir = dir_ / "project";
    s.current_dir = dir_ / "elsewhere";
    s.home_dir = dir_ / "home";
    return s;
  }

  fs::path dir_;
};

const char* kProfiles = R"(
shop:
  target: "{{ env_var('DBT_TARGET') }}"
  outputs:
    dev:
      type: duckdb
      path: dev.duckdb
      threads: 4
      extensions: [httpfs]
      settings: {memory_limit: 1GB}
    prod:
      type: postgres
      host: db
      port: "{{ env_var('PGPORT') }}"
      user: kiln
      password: "{{ env_var('PGPASSWORD') }}"
      dbname: analytics
      schema: public
config:
  send_anonymous_usage_stats: false
)";

TEST_F(ProfileTest, SearchOrderIsFlagEnvProjectCwdHome) {
  EXPECT_EQ(find_profiles_yml(search()), std::nullopt);
  write(dir_ / "home/.dbt/profiles.yml", kProfiles);
  EXPECT_EQ(find_profiles_yml(search()), dir_ / "home/.dbt/profiles.yml");
  write(dir_ / "project/profiles.yml", kProfiles);
  EXPECT_EQ(find_profiles_yml(search()), dir_ / "project/profiles.yml");
  ProfileSearch with_env = search();
  with_env.profiles_dir_env = dir_ / "flag";
  EXPECT_THROW(find_profiles_yml(with_env), ProjectError);  // named folder without the file
  write(dir_ / "flag/profiles.yml", kProfiles);
  EXPECT_EQ(find_profiles_yml(with_env), dir_ / "flag/profiles.yml");
}

TEST_F(ProfileTest, TargetComesFromRenderedTargetKeyAndOnlyItIsRendered) {
  write(dir_ / "project/profiles.yml", kProfiles);
  FakeRender fake({{"{{ env_var('DBT_TARGET') }}", "dev"}});
  Target target = load_target(dir_ / "project/profiles.yml", "shop", std::nullopt, fake.callback());
  EXPECT_EQ(target.target_name, "dev");
  EXPECT_EQ(target.type, "duckdb");
  EXPECT_EQ(target.threads, 4);
  EXPECT_EQ(target.path, "dev.duckdb");
  EXPECT_EQ(target.extensions[0], "httpfs");
  EXPECT_EQ(target.settings["memory_limit"], "1GB");
  EXPECT_EQ(fake.asked().size(), 1u);  // prod's env vars need not exist
}

TEST_F(ProfileTest, TargetOverrideAndEnvVarRendering) {
  write(dir_ / "project/profiles.yml", kProfiles);
  FakeRender fake({{"{{ env_var('PGPORT') }}", "5433"}, {"{{ env_var('PGPASSWORD') }}", "secret"}});
  Target target = load_target(dir_ / "project/profiles.yml", "shop", "prod", fake.callback());
  EXPECT_EQ(target.type, "postgres");
  EXPECT_EQ(target.port, 5433);
  EXPECT_EQ(target.password, "secret");
  EXPECT_EQ(target.dbname, "analytics");
  EXPECT_EQ(target.threads, 1);
  EXPECT_EQ(target.fields["host"], "db");
}

TEST_F(ProfileTest, UnknownProfileOrTargetListsTheChoices) {
  write(dir_ / "project/profiles.yml", kProfiles);
  try {
    load_target(dir_ / "project/profiles.yml", "nope", std::nullopt, nullptr);
    FAIL();
  } catch (const ProjectError& e) {
    EXPECT_NE(e.message().find("- shop"), std::string::npos);
    EXPECT_EQ(e.message().find("- config"), std::string::npos);
  }
  try {
    load_target(dir_ / "project/profiles.yml", "shop", "staging", nullptr);
    FAIL();
  } catch (const ProjectError& e) {
    EXPECT_NE(e.message().find("- prod"), std::string::npos);
  }
}

TEST_F(ProfileTest, NoProfilesFileMeansADuckDbFileInTheProject) {
  ProjectConfig project;
  project.name = "shop";
  project.profile = "shop";
  project.root = dir_ / "project";
  Target target = resolve_target(project, search(), std::nullopt, nullptr);
  EXPECT_TRUE(target.is_default);
  EXPECT_EQ(target.type, "duckdb");
  EXPECT_EQ(target.path, (dir_ / "project" / "shop.duckdb").string());
  EXPECT_EQ(target.schema, "main");
}

}  // namespace
}  // namespace kiln::project
