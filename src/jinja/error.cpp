#include "jinja/error.h"

#include <utility>

namespace kiln::jinja {

namespace {

std::string format_error(const std::string& message, const SourceLocation& where) {
  if (where.template_name.empty() && where.line == 0) return message;
  std::string out = where.template_name.empty() ? "<template>" : where.template_name;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  return out + ": " + message;
}

}  // namespace

Error::Error(ErrorKind kind, std::string message, SourceLocation where)
    : kind_(kind), message_(std::move(message)), where_(std::move(where)) {
  formatted_ = format_error(message_, where_);
}

void Error::locate(const SourceLocation& where) {
  if (where_.line != 0 || !where_.template_name.empty()) return;
  where_ = where;
  formatted_ = format_error(message_, where_);
}

}  // namespace kiln::jinja
