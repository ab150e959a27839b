#include <cstdio>

#include "compile/python_datetime_types.h"
#include "compile/python_time_format.h"

namespace kiln::compile {

namespace {

using calendar::CivilTime;

void append_padded(std::string& out, int64_t value, int width, char pad = '0') {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (value < 0) out += '-';
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), pad);
  out += digits;
}

int hour12(int hour) {
  return hour % 12 == 0 ? 12 : hour % 12;
}

// %U and %W: weeks counted from the year's first Sunday / Monday; days before it are week 0.
int week_of_year(const CivilTime& t, int64_t days, bool monday_first) {
  int yday = calendar::day_of_year(t) - 1;
  int wday = (calendar::weekday(days) + 1) % 7;  // Sunday 0
  if (monday_first) wday = (wday + 6) % 7;
  return (yday + 7 - wday) / 7;
}

// Appends the expansion of directive `d`; returns false when it is not one we know, and
// the caller then prints it as it is (as glibc does).
bool append_directive(std::string& out, char d, const FormattableTime& time) {
  const CivilTime& t = time.civil;
  int64_t days = calendar::days_from_civil(t.year, t.month, t.day);
  int wday = calendar::weekday(days);
  switch (d) {
    case 'Y':
      append_padded(out, t.year, 1);
      break;
    case 'y':
      append_padded(out, t.year % 100, 2);
      break;
    case 'C':
      append_padded(out, t.year / 100, 2);
      break;
    case 'G':
      append_padded(out, calendar::iso_week(days).year, 1);
      break;
    case 'g':
      append_padded(out, calendar::iso_week(days).year % 100, 2);
      break;
    case 'm':
      append_padded(out, t.month, 2);
      break;
    case 'd':
      append_padded(out, t.day, 2);
      break;
    case 'e':
      append_padded(out, t.day, 2, ' ');
      break;
    case 'j':
      append_padded(out, calendar::day_of_year(t), 3);
      break;
    case 'H':
      append_padded(out, t.hour, 2);
      break;
    case 'k':
      append_padded(out, t.hour, 2, ' ');
      break;
    case 'I':
      append_padded(out, hour12(t.hour), 2);
      break;
    case 'l':
      append_padded(out, hour12(t.hour), 2, ' ');
      break;
    case 'M':
      append_padded(out, t.minute, 2);
      break;
    case 'S':
      append_padded(out, t.second, 2);
      break;
    case 'f':
      append_padded(out, t.microsecond, 6);
      break;
    case 'p':
      out += t.hour < 12 ? "AM" : "PM";
      break;
    case 'a':
      out += calendar::weekday_name(wday).substr(0, 3);
      break;
    case 'A':
      out += calendar::weekday_name(wday);
      break;
    case 'b':
    case 'h':
      out += calendar::month_name(t.month).substr(0, 3);
      break;
    case 'B':
      out += calendar::month_name(t.month);
      break;
    case 'w':
      append_padded(out, (wday + 1) % 7, 1);
      break;
    case 'u':
      append_padded(out, wday + 1, 1);
      break;
    case 'U':
      append_padded(out, week_of_year(t, days, false), 2);
      break;
    case 'W':
      append_padded(out, week_of_year(t, days, true), 2);
      break;
    case 'V':
      append_padded(out, calendar::iso_week(days).week, 2);
      break;
    case 'z':
      if (time.utc_offset_micros) out += format_utc_offset(*time.utc_offset_micros, "");
      break;
    case 'Z':
      out += time.tzname;
      break;
    case 'c':
      out += python_strftime("%a %b %e %H:%M:%S %Y", time);
      break;
    case 'x':
    case 'D':
      out += python_strftime("%m/%d/%y", time);
      break;
    case 'X':
    case 'T':
      out += python_strftime("%H:%M:%S", time);
      break;
    case 'F':
      out += python_strftime("%Y-%m-%d", time);
      break;
    case 'R':
      out += python_strftime("%H:%M", time);
      break;
    case 'r':
      out += python_strftime("%I:%M:%S %p", time);
      break;
    case 'n':
      out += '\n';
      break;
    case 't':
      out += '\t';
      break;
    case '%':
      out += '%';
      break;
    default:
      return false;
  }
  return true;
}

}  // namespace

std::string python_strftime(std::string_view format, const FormattableTime& time) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out += format[i];
      continue;
    }
    char directive = format[++i];
    if (!append_directive(out, directive, time)) {
      out += '%';
      out += directive;
    }
  }
  return out;
}

}  // namespace kiln::compile
