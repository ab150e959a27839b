#pragma once
// Python's strftime, strptime and fromisoformat for modules.datetime, in the C locale that
// dbt runs in. strftime follows glibc (which CPython calls on Linux) for the directives it
// passes through, e.g. %Y is not zero-padded before year 1000 and unknown directives are
// printed as they are.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compile/python_calendar.h"

namespace kiln::compile {

// What strftime needs of a date or datetime.
struct FormattableTime {
  calendar::CivilTime civil;
  std::optional<int64_t> utc_offset_micros;  // %z; none when naive
  std::string tzname;                        // %Z; empty when naive
};

std::string python_strftime(std::string_view format, const FormattableTime& time);

// A parsed date and time, with the UTC offset when the text had one.
struct ParsedTime {
  calendar::CivilTime civil;
  std::optional<int64_t> utc_offset_micros;
};

// datetime.strptime(text, format). Throws ValueError with Python's messages ("time data
// '2024/01/02' does not match format '%Y-%m-%d'", "unconverted data remains: x").
ParsedTime python_strptime(std::string_view text, std::string_view format);

// datetime.fromisoformat (Python 3.11's grammar: extended or basic date, any separator,
// HH[:MM[:SS[.f+]]], Z or +HH:MM[:SS[.ffffff]]). ValueError "Invalid isoformat string: '...'".
ParsedTime parse_iso_datetime(std::string_view text);
// date.fromisoformat: YYYY-MM-DD, YYYYMMDD or YYYY-Www-D.
calendar::CivilTime parse_iso_date(std::string_view text);

}  // namespace kiln::compile
