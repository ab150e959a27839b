#pragma once
// Timestamps in the state store are SQL TIMESTAMPs in UTC, written and read as the text both
// DuckDB and PostgreSQL use: "YYYY-MM-DD HH:MM:SS[.ffffff]". Microsecond precision.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiln::state {

std::string format_timestamp(std::chrono::system_clock::time_point time);

// Accepts the engine's text, with or without a fraction and with an optional "+00"/"Z" UTC
// suffix (TIMESTAMPTZ read in UTC); nothing for any other text.
std::optional<std::chrono::system_clock::time_point> parse_timestamp(std::string_view text);

}  // namespace kiln::state
