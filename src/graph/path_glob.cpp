#include "graph/path_glob.h"

#include <fmt/format.h>

#include "graph/errors.h"
#include "graph/fnmatch.h"

namespace kiln::graph {

namespace {

std::vector<std::string_view> split_components(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (!part.empty() && part != ".") parts.push_back(part);
    start = slash + 1;
  }
  return parts;
}

bool match_from(const std::vector<std::string_view>& path, size_t at,
                const std::vector<std::string>& pattern, size_t from) {
  if (from == pattern.size()) return at == path.size();
  if (pattern[from] == "**") {
    for (size_t skip = at; skip <= path.size(); ++skip) {
      if (match_from(path, skip, pattern, from + 1)) return true;
    }
    return false;
  }
  return at < path.size() && fnmatch(path[at], pattern[from]) &&
         match_from(path, at + 1, pattern, from + 1);
}

}  // namespace

std::vector<std::string> split_path_pattern(std::string_view pattern) {
  if (!pattern.empty() && pattern.front() == '/') {
    throw SelectionError(
        fmt::format("path selector '{}' is absolute; write it relative to the project root, "
                    "like path:models/staging",
                    pattern));
  }
  std::vector<std::string> parts;
  for (std::string_view part : split_components(pattern)) {
    if (part == "..") {
      throw SelectionError(fmt::format(
          "path selector '{}' leaves the project root; write a path inside the project, "
          "like path:models/staging",
          pattern));
    }
    parts.emplace_back(part);
  }
  if (parts.empty()) {
    throw SelectionError(fmt::format(
        "path selector '{}' names no file or folder; write one relative to the project root, "
        "like path:models or path:models/staging/*.sql",
        pattern));
  }
  return parts;
}

bool path_glob_match(std::string_view path, const std::vector<std::string>& pattern) {
  return match_from(split_components(path), 0, pattern, 0);
}

std::vector<std::string> parent_folders(std::string_view path) {
  std::vector<std::string> out;
  for (size_t slash = path.rfind('/'); slash != std::string_view::npos && slash > 0;
       slash = path.rfind('/', slash - 1)) {
    out.emplace_back(path.substr(0, slash));
  }
  out.emplace_back("");
  return out;
}

}  // namespace kiln::graph
