#include "project/error.h"

#include <fmt/format.h>

namespace kiln::project {

std::string SourcePos::to_string() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

ProjectError::ProjectError(SourcePos where, const std::string& message)
    : std::runtime_error(fmt::format("{}: {}", where.to_string(), message)),
      where_(std::move(where)),
      message_(message) {}

}  // namespace kiln::project
