#pragma once
// Values written into the state store's SQL. The Connection has no bind API, so every value
// becomes a literal here, and only here: text is single-quoted with quotes doubled (standard
// SQL, which DuckDB and PostgreSQL with standard_conforming_strings read back unchanged,
// newlines and backslashes included); NUL, which neither engine stores in text, is refused.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiln::state {

// 'it''s' ; throws std::invalid_argument on a NUL byte.
std::string sql_text(std::string_view text);
// NULL when absent.
std::string sql_text_or_null(const std::optional<std::string>& text);
// A finite number as SQL; NULL for NaN and infinities, which are not SQL literals.
std::string sql_number(double value);
// CAST('2026-11-25 13:20:18.123456' AS TIMESTAMP), in UTC.
std::string sql_timestamp(std::chrono::system_clock::time_point time);

}  // namespace kiln::state
