#include "state/timestamp_text.h"

#include <cstdio>

#include <fmt/format.h>

namespace kiln::state {

namespace {

using namespace std::chrono;

bool read_digits(std::string_view text, size_t& pos, size_t count, int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return true;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::string format_timestamp(system_clock::time_point time) {
  auto micros = floor<microseconds>(time);
  auto day = floor<days>(micros);
  year_month_day date{day};
  hh_mm_ss clock{micros - day};
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count(),
                     clock.subseconds().count());
}

std::optional<system_clock::time_point> parse_timestamp(std::string_view text) {
  size_t pos = 0;
  int y, mo, d, h, mi, s;
  if (!read_digits(text, pos, 4, y) || !expect(text, pos, '-') || !read_digits(text, pos, 2, mo) ||
      !expect(text, pos, '-') || !read_digits(text, pos, 2, d) ||
      !(expect(text, pos, ' ') || expect(text, pos, 'T')) || !read_digits(text, pos, 2, h) ||
      !expect(text, pos, ':') || !read_digits(text, pos, 2, mi) || !expect(text, pos, ':') ||
      !read_digits(text, pos, 2, s)) {
    return std::nullopt;
  }
  int64_t micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 6) micros = micros * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 6; ++i)
      micros *= 10;
  }
  std::string_view rest = text.substr(pos);
  if (!(rest.empty() || rest == "Z" || rest == "+00" || rest == "+00:00")) return std::nullopt;
  year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return system_clock::time_point{sys_days{date}} + hours{h} + minutes{mi} + seconds{s} +
         microseconds{micros};
}

}  // namespace kiln::state
