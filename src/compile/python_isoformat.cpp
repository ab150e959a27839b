// datetime.fromisoformat and date.fromisoformat with Python 3.11's grammar.

#include "compile/python_time_format.h"
#include "jinja/error.h"
#include "jinja/value.h"

namespace kiln::compile {

namespace {

using calendar::CivilTime;

[[noreturn]] void invalid(std::string_view text) {
  throw jinja::Error(jinja::ErrorKind::Value,
                     "Invalid isoformat string: " + jinja::Value::string(std::string(text)).repr());
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Reads `count` digits at `pos`, or fails the whole parse.
int digits_at(std::string_view text, std::string_view whole, size_t pos, size_t count) {
  if (pos + count > text.size() || !all_digits(text.substr(pos, count))) invalid(whole);
  int n = 0;
  for (size_t i = 0; i < count; ++i)
    n = n * 10 + (text[pos + i] - '0');
  return n;
}

// The length of the date at the start of `text`: extended (2024-01-02, 2024-W01-2) or
// basic (20240102, 2024W012) form.
size_t date_length(std::string_view text) {
  bool extended = text.size() > 4 && text[4] == '-';
  bool week = text.size() > 5 && (text[extended ? 5 : 4] == 'W');
  if (!week) return extended ? 10 : 8;
  if (extended) return text.size() > 8 && text[8] == '-' ? 10 : 8;
  return text.size() > 7 && text[7] >= '0' && text[7] <= '9' ? 8 : 7;
}

CivilTime parse_date(std::string_view date, std::string_view whole) {
  bool extended = date.size() > 4 && date[4] == '-';
  size_t step = extended ? 1 : 0;
  int year = digits_at(date, whole, 0, 4);
  if (date.size() > 4 + step && date[4 + step] == 'W') {
    int week = digits_at(date, whole, 5 + step, 2);
    size_t day_pos = 7 + 2 * step;
    int weekday = date.size() > day_pos ? digits_at(date, whole, day_pos, 1) : 1;
    if (date.size() > day_pos + 1 || (extended && date.size() > 8 && date[8] != '-')) {
      invalid(whole);
    }
    if (week < 1 || week > 53 || weekday < 1 || weekday > 7) invalid(whole);
    return calendar::civil_from_days(calendar::iso_week_one_monday(year) + (week - 1) * 7 +
                                     weekday - 1);
  }
  if (date.size() != 8 + 2 * step) invalid(whole);
  if (extended && date[7] != '-') invalid(whole);
  CivilTime t;
  t.year = year;
  t.month = digits_at(date, whole, 4 + step, 2);
  t.day = digits_at(date, whole, 6 + 2 * step, 2);
  return t;
}

// "05:30", "0530", "05", "05:30:10.5" after the sign -> microseconds.
int64_t parse_offset_body(std::string_view body, std::string_view whole) {
  if (body.size() < 2) invalid(whole);
  CivilTime clock;
  size_t pos = 0;
  int* fields[] = {&clock.hour, &clock.minute, &clock.second};
  bool colons = body.size() > 2 && body[2] == ':';
  for (int i = 0; i < 3 && pos < body.size(); ++i) {
    if (i > 0 && colons) {
      if (body[pos] != ':') invalid(whole);
      ++pos;
    }
    *fields[i] = digits_at(body, whole, pos, 2);
    pos += 2;
  }
  if (pos < body.size()) {
    if (body[pos] != '.' || !all_digits(body.substr(pos + 1))) invalid(whole);
    std::string six(body.substr(pos + 1, 6));
    six.resize(6, '0');
    clock.microsecond = std::stoi(six);
  }
  if (clock.hour > 23 || clock.minute > 59 || clock.second > 59) invalid(whole);
  return (clock.hour * 3600 + clock.minute * 60 + clock.second) * calendar::kMicrosPerSecond +
         clock.microsecond;
}

// HH[:MM[:SS[.f+]]] (or the same without colons) into `t`.
void parse_clock(std::string_view clock, std::string_view whole, CivilTime& t) {
  bool colons = clock.size() > 2 && clock[2] == ':';
  size_t pos = 0;
  int* fields[] = {&t.hour, &t.minute, &t.second};
  for (int i = 0; i < 3 && pos < clock.size(); ++i) {
    if (i > 0 && colons) {
      if (clock[pos] != ':') invalid(whole);
      ++pos;
    }
    *fields[i] = digits_at(clock, whole, pos, 2);
    pos += 2;
    if (pos < clock.size() && (clock[pos] == '.' || clock[pos] == ',')) {
      if (i != 2 || !all_digits(clock.substr(pos + 1))) invalid(whole);
      std::string six(clock.substr(pos + 1, 6));
      six.resize(6, '0');
      t.microsecond = std::stoi(six);
      pos = clock.size();
    }
  }
  if (pos != clock.size()) invalid(whole);
}

}  // namespace

CivilTime parse_iso_date(std::string_view text) {
  if (text.size() < 7 || date_length(text) != text.size()) invalid(text);
  CivilTime t = parse_date(text, text);
  if (!calendar::validate(t).empty()) invalid(text);
  return t;
}

ParsedTime parse_iso_datetime(std::string_view text) {
  if (text.size() < 7) invalid(text);
  size_t date_end = date_length(text);
  if (date_end > text.size()) invalid(text);
  ParsedTime parsed;
  parsed.civil = parse_date(text.substr(0, date_end), text);
  if (date_end < text.size()) {
    std::string_view time = text.substr(date_end + 1);  // after the separator, any character
    size_t zone = time.find_first_of("+-Z");
    std::string_view clock = time.substr(0, zone);
    if (clock.empty()) invalid(text);
    parse_clock(clock, text, parsed.civil);
    if (zone != std::string_view::npos) {
      std::string_view offset = time.substr(zone);
      if (offset == "Z") {
        parsed.utc_offset_micros = 0;
      } else {
        int64_t micros = parse_offset_body(offset.substr(1), text);
        parsed.utc_offset_micros = offset[0] == '-' ? -micros : micros;
      }
    }
  }
  if (auto problem = calendar::validate(parsed.civil); !problem.empty()) {
    throw jinja::Error(jinja::ErrorKind::Value, std::string(problem));
  }
  return parsed;
}

}  // namespace kiln::compile
