#include "artifacts/timestamp.h"

#include <fmt/format.h>

namespace kiln::artifacts {
namespace {

// Splits into calendar fields by hand: std::chrono's calendar types are enough, and no
// gmtime_r/time zone state is involved, so the result never depends on the machine's TZ.
std::string format_utc(TimePoint when, const char* suffix) {
  using namespace std::chrono;
  auto day_start = floor<days>(when);
  year_month_day date{day_start};
  auto since_midnight = when - day_start;
  auto h = duration_cast<hours>(since_midnight);
  auto m = duration_cast<minutes>(since_midnight - h);
  auto s = duration_cast<seconds>(since_midnight - h - m);
  auto us = since_midnight - h - m - s;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}{}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     h.count(), m.count(), s.count(), us.count(), suffix);
}

}  // namespace

std::string format_utc_z(TimePoint when) {
  return format_utc(when, "Z");
}

std::string format_utc_offset(TimePoint when) {
  return format_utc(when, "+00:00");
}

double epoch_seconds(TimePoint when) {
  return static_cast<double>(when.time_since_epoch().count()) / 1e6;
}

TimePoint now_micros() {
  return std::chrono::floor<std::chrono::microseconds>(Clock::now());
}

}  // namespace kiln::artifacts
