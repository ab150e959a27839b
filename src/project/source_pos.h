#pragma once

#include <string>

namespace kiln::project {

// Where something was written: a path as the user would type it (relative to the
// project root when possible) and a 1-based line and column. Line 0 means "the whole
// file", for errors that have no better location.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;

  // "models/schema.yml:12:5", or just the file when there is no line.
  std::string to_string() const;
};

}  // namespace kiln::project
