#pragma once
// What a dbt-duckdb profile output configures (path, settings, extensions).

#include <string>
#include <utility>
#include <vector>

namespace kiln::warehouse::duckdb {

// SET name = 'value', applied to every new connection, in order.
using Settings = std::vector<std::pair<std::string, std::string>>;

struct DuckDbOptions {
  // The database file, created if missing (its folder too); ":memory:" for an in-memory one.
  std::string path = ":memory:";
  Settings settings;
  // Loaded once when the database is opened. Kiln has no network access, so only extensions
  // built into libduckdb or already installed on the machine can load; others fail at once.
  std::vector<std::string> extensions;
};

}  // namespace kiln::warehouse::duckdb
