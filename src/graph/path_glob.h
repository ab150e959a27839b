#pragma once
// dbt's path: method globs the selector under the project root (Python's Path.glob) and
// selects nodes whose file, YAML patch file, or a folder containing the file, is among the
// matches. The graph stage does not read the disk, so it matches the pattern against the
// paths the root project's nodes live in, which are the only paths that can select anything.

#include <string>
#include <string_view>
#include <vector>

namespace kiln::graph {

// The pattern's components, "." and empty ones dropped as pathlib does. Throws SelectionError
// for patterns Path.glob refuses (absolute, empty) or that leave the project ("..").
std::vector<std::string> split_path_pattern(std::string_view pattern);

// Whether relative `path` ("models/staging/stg_orders.sql", "" for the root) matches the
// components: each is an fnmatch pattern for one path component, `*` never crosses '/', and
// `**` matches any number of folders, including none.
bool path_glob_match(std::string_view path, const std::vector<std::string>& pattern);

// "models/staging/stg_orders.sql" -> {"models/staging", "models", ""}.
std::vector<std::string> parent_folders(std::string_view path);

}  // namespace kiln::graph
