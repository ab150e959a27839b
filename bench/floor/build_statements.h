#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kiln::bench {

struct BuildStatement {
  std::string unique_id;
  std::string sql;  // one or more statements
};

struct BuildStatements {
  std::vector<std::string> schemas;   // "database"."schema" the nodes build into
  std::vector<BuildStatement> nodes;  // in an order where every node follows its parents
  size_t from_run_files = 0;          // nodes whose SQL came from target/run/ (the rest: wrapped)
};

// The statements the last build of the project at `root` executed, read from its target/
// folder: the nodes in target/run_results.json, their dependencies from target/manifest.json.
// A model's SQL is its target/run/<project>/... file when the build wrote one (the DDL it
// ran); otherwise its compiled SQL wrapped as Kiln wraps it: a view or table created from it
// (incremental models: their full-build rendering, a table), a seed loaded with read_csv, a
// test's query counted as its failures.
BuildStatements read_build_statements(const std::filesystem::path& root);

}  // namespace kiln::bench
