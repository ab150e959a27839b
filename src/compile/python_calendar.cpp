#include "compile/python_calendar.h"

namespace kiln::compile::calendar {

namespace {

constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};
constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};

// Days from 1970-01-01 to 0001-01-01 and to 9999-12-31.
constexpr int64_t kFirstDay = -719162;
constexpr int64_t kLastDay = 2932896;

}  // namespace

bool is_leap_year(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// The era-based algorithm: a 400-year era has a fixed number of days, and counting months
// from March puts the leap day at the end of the year.
int64_t days_from_civil(int year, int month, int day) {
  int64_t y = year - (month <= 2 ? 1 : 0);
  int64_t era = floor_div(y, 400);
  int64_t year_of_era = y - era * 400;
  int64_t shifted_month = month > 2 ? month - 3 : month + 9;
  int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilTime civil_from_days(int64_t days) {
  int64_t z = days + 719468;
  int64_t era = floor_div(z, 146097);
  int64_t day_of_era = z - era * 146097;
  int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  int64_t shifted_month = (5 * day_of_year + 2) / 153;
  CivilTime t;
  t.day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  t.month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  t.year = static_cast<int>(year_of_era + era * 400 + (t.month <= 2 ? 1 : 0));
  return t;
}

int64_t micros_from_civil(const CivilTime& t) {
  int64_t seconds_of_day = t.hour * 3600 + t.minute * 60 + t.second;
  return days_from_civil(t.year, t.month, t.day) * kMicrosPerDay +
         seconds_of_day * kMicrosPerSecond + t.microsecond;
}

CivilTime civil_from_micros(int64_t micros) {
  int64_t days = floor_div(micros, kMicrosPerDay);
  int64_t of_day = micros - days * kMicrosPerDay;
  CivilTime t = civil_from_days(days);
  int64_t seconds = of_day / kMicrosPerSecond;
  t.hour = static_cast<int>(seconds / 3600);
  t.minute = static_cast<int>(seconds / 60 % 60);
  t.second = static_cast<int>(seconds % 60);
  t.microsecond = static_cast<int>(of_day % kMicrosPerSecond);
  return t;
}

int weekday(int64_t days) {
  // 1970-01-01 was a Thursday (3).
  return static_cast<int>((days % 7 + 7 + 3) % 7);
}

int day_of_year(const CivilTime& t) {
  return static_cast<int>(days_from_civil(t.year, t.month, t.day) - days_from_civil(t.year, 1, 1) +
                          1);
}

int64_t iso_week_one_monday(int iso_year) {
  // Week 1 is the week that holds January 4th.
  int64_t jan4 = days_from_civil(iso_year, 1, 4);
  return jan4 - weekday(jan4);
}

IsoWeek iso_week(int64_t days) {
  int year = civil_from_days(days).year;
  int64_t week_one = iso_week_one_monday(year);
  if (days < week_one) {
    --year;
    week_one = iso_week_one_monday(year);
  } else if (days >= iso_week_one_monday(year + 1)) {
    ++year;
    week_one = iso_week_one_monday(year);
  }
  return {year, static_cast<int>((days - week_one) / 7 + 1), weekday(days) + 1};
}

std::string_view validate(const CivilTime& t) {
  if (t.year < kMinYear || t.year > kMaxYear) return "year is out of range";
  if (t.month < 1 || t.month > 12) return "month must be in 1..12";
  if (t.day < 1 || t.day > days_in_month(t.year, t.month)) return "day is out of range for month";
  if (t.hour < 0 || t.hour > 23) return "hour must be in 0..23";
  if (t.minute < 0 || t.minute > 59) return "minute must be in 0..59";
  if (t.second < 0 || t.second > 59) return "second must be in 0..59";
  if (t.microsecond < 0 || t.microsecond > 999999) return "microsecond must be in 0..999999";
  return {};
}

bool days_in_range(int64_t days) {
  return days >= kFirstDay && days <= kLastDay;
}

std::string_view weekday_name(int weekday) {
  return kWeekdays[weekday];
}
std::string_view month_name(int month) {
  return kMonths[month - 1];
}

}  // namespace kiln::compile::calendar
