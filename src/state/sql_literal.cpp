#include "state/sql_literal.h"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "state/timestamp_text.h"
#include "warehouse/quoting.h"

namespace kiln::state {

std::string sql_text(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    throw std::invalid_argument("a NUL byte cannot be stored as SQL text");
  }
  return warehouse::quote_string_literal(text);
}

std::string sql_text_or_null(const std::optional<std::string>& text) {
  return text ? sql_text(std::string_view(*text)) : std::string("NULL");
}

std::string sql_number(double value) {
  if (!std::isfinite(value)) return "NULL";
  // The shortest text that reads back as the same double.
  return fmt::format("{}", value);
}

std::string sql_timestamp(std::chrono::system_clock::time_point time) {
  return "CAST(" + sql_text(format_timestamp(time)) + " AS TIMESTAMP)";
}

}  // namespace kiln::state
