#pragma once
// The proleptic Gregorian calendar as Python's datetime module sees it, over its range
// (years 1..9999). Instants are counted in microseconds since 1970-01-01 00:00 so that
// timestamps and differences are plain integer arithmetic; a date is a day count from the
// same origin.

#include <cstdint>
#include <string_view>

namespace kiln::compile::calendar {

inline constexpr int64_t kMicrosPerSecond = 1'000'000;
inline constexpr int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;
inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;

// A broken-down date and time of day (no time zone).
struct CivilTime {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  int microsecond = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
// Days since 1970-01-01 of a valid date, and back.
int64_t days_from_civil(int year, int month, int day);
CivilTime civil_from_days(int64_t days);

int64_t micros_from_civil(const CivilTime& t);
CivilTime civil_from_micros(int64_t micros);
// Floor division, so that instants before 1970 fall on the right day.
int64_t floor_div(int64_t a, int64_t b);

// Python's weekday(): Monday is 0.
int weekday(int64_t days);
// Day of the year, 1-based (%j).
int day_of_year(const CivilTime& t);
// ISO 8601 year, week (1..53) and weekday (Monday 1) of a day.
struct IsoWeek {
  int year;
  int week;
  int weekday;
};
IsoWeek iso_week(int64_t days);
// Days since 1970-01-01 of the Monday that starts ISO week 1 of `iso_year`.
int64_t iso_week_one_monday(int iso_year);

// Python's checks with its ValueError messages ("month must be in 1..12"); empty when valid.
std::string_view validate(const CivilTime& t);
// Whether days (since 1970-01-01) lie in years 1..9999.
bool days_in_range(int64_t days);

std::string_view weekday_name(int weekday);  // "Monday"; weekday 0 = Monday
std::string_view month_name(int month);      // "January"; month 1..12

}  // namespace kiln::compile::calendar
