#include "artifacts/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kiln::artifacts {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kiln_atomic_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }
  size_t entries() const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }

  fs::path dir_;
};

TEST_F(AtomicFileTest, WritesWholeContentAndLeavesNoTemporary) {
  std::string content(1 << 20, 'x');
  content += "end";
  write_file_atomically(dir_ / "manifest.json", content);
  EXPECT_EQ(read(dir_ / "manifest.json"), content);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, ReplacesAnExistingFile) {
  write_file_atomically(dir_ / "run_results.json", "old, longer content");
  write_file_atomically(dir_ / "run_results.json", "new");
  EXPECT_EQ(read(dir_ / "run_results.json"), "new");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, CreatesMissingParentDirectories) {
  write_file_atomically(dir_ / "target" / "sources.json", "{}");
  EXPECT_EQ(read(dir_ / "target" / "sources.json"), "{}");
}

TEST_F(AtomicFileTest, FailureKeepsTheOldFileAndRemovesTheTemporary) {
  // A directory where the file should go makes the final rename fail.
  fs::create_directories(dir_ / "blocked" / "child");
  EXPECT_THROW(write_file_atomically(dir_ / "blocked", "data"), ArtifactWriteError);
  EXPECT_TRUE(fs::is_directory(dir_ / "blocked"));
  EXPECT_EQ(entries(), 1u);
}

}  // namespace
}  // namespace kiln::artifacts
