#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kiln::project {

struct ProjectConfig;

// A file found under one of the project's resource folders.
struct ProjectFile {
  std::filesystem::path absolute_path;
  std::string original_file_path;  // relative to the project root: "models/staging/orders.sql"
  std::string search_path;         // the resource folder it was found in: "models"
  std::string path;                // relative to search_path: "staging/orders.sql"
};

// Every file dbt would read, grouped by what dbt's parsers make of it, each group in
// sorted order of original_file_path so that loading is deterministic.
struct ProjectFiles {
  std::vector<ProjectFile> models;          // *.sql under model-paths
  std::vector<ProjectFile> python_models;   // *.py under model-paths (unsupported)
  std::vector<ProjectFile> seeds;           // *.csv under seed-paths
  std::vector<ProjectFile> snapshots;       // *.sql under snapshot-paths
  std::vector<ProjectFile> analyses;        // *.sql under analysis-paths
  std::vector<ProjectFile> singular_tests;  // *.sql under test-paths, except generic/ and fixtures/
  std::vector<ProjectFile> macros;          // *.sql under macro-paths and test-paths/generic
  std::vector<ProjectFile> docs;            // *.md under docs-paths
  std::vector<ProjectFile> properties;      // *.yml, *.yaml under every source path
  std::vector<ProjectFile> fixtures;        // *.csv, *.sql under test-paths/fixtures
};

// Walks the project's folders. Missing folders are skipped (dbt's defaults name folders
// many projects lack). Paths matched by a `.dbtignore` at the project root (gitignore
// patterns: `*`, `**`, `?`, a trailing `/` for folders, a leading `/` to anchor, `!` to
// re-include) are left out, as dbt does.
ProjectFiles discover_files(const ProjectConfig& project);

}  // namespace kiln::project
