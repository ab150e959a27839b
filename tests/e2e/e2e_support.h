#pragma once
// Small helpers shared by the scenario tests: assertions that print what kiln said when they
// fail, and run_results.json read the way the tests compare it.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "duckdb_file.h"
#include "kiln_runner.h"

// A failing exit-code check shows kiln's whole output: usually the reason is in it. `result`
// is evaluated once, so it may be the run itself: ASSERT_KILN_EXIT(project.run({"build"}), 0).
#define ASSERT_KILN_EXIT(result, code) ASSERT_TRUE(::kiln::e2e::exited_with((result), (code)))
#define EXPECT_KILN_EXIT(result, code) EXPECT_TRUE(::kiln::e2e::exited_with((result), (code)))

namespace kiln::e2e {

inline ::testing::AssertionResult exited_with(const KilnResult& result, int code) {
  if (result.exit_code == code) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "expected exit code " << code << ", got " << result.describe();
}

// "<resource type>.<name>" of a unique_id: generic tests' unique_ids end in a hash dbt computes
// from the test's arguments, which the tests do not need to pin. "test.e2e.unique_x_id.1a2b3c"
// -> "test.unique_x_id", "model.e2e.stg_x" -> "model.stg_x", "source.e2e.raw.t" -> "source.raw.t".
inline std::string short_id(const std::string& unique_id) {
  size_t type_end = unique_id.find('.');
  if (type_end == std::string::npos) return unique_id;
  std::string type = unique_id.substr(0, type_end);
  size_t package_end = unique_id.find('.', type_end + 1);
  if (package_end == std::string::npos) return unique_id;
  std::string rest = unique_id.substr(package_end + 1);
  if (type == "test") rest = rest.substr(0, rest.find('.'));
  return type + "." + rest;
}

// short_id -> status of every result in target/run_results.json.
inline std::map<std::string, std::string> short_statuses(const KilnProject& project) {
  std::map<std::string, std::string> result;
  for (const auto& [unique_id, status] : project.statuses())
    result[short_id(unique_id)] = status;
  return result;
}

// The short ids in target/run_results.json: which nodes a command ran.
inline std::set<std::string> ran(const KilnProject& project) {
  std::set<std::string> result;
  for (const auto& [id, status] : short_statuses(project))
    result.insert(id);
  return result;
}

// Runs `kiln run-operation load_raw` on an e2e_basic copy: the sources every e2e_basic test reads.
inline void load_basic_sources(const KilnProject& project) {
  KilnResult loaded = project.run({"run-operation", "load_raw"});
  ASSERT_KILN_EXIT(loaded, 0);
}

inline std::filesystem::path basic_database(const KilnProject& project) {
  // No profiles.yml: kiln uses <project name>.duckdb in the project folder.
  return project.dir() / "e2e_basic.duckdb";
}

}  // namespace kiln::e2e
