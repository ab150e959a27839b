#include "state/freshness.h"

#include <array>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace kiln::state {

namespace {

using std::chrono::seconds;

std::optional<int64_t> unit_seconds(std::string_view unit) {
  static const std::array<std::pair<std::string_view, int64_t>, 17> kUnits = {{
      {"s", 1},
      {"sec", 1},
      {"second", 1},
      {"seconds", 1},
      {"m", 60},
      {"min", 60},
      {"minute", 60},
      {"minutes", 60},
      {"h", 3600},
      {"hour", 3600},
      {"hours", 3600},
      {"d", 86400},
      {"day", 86400},
      {"days", 86400},
      {"w", 604800},
      {"week", 604800},
      {"weeks", 604800},
  }};
  for (const auto& [name, length] : kUnits) {
    if (name == unit) return length;
  }
  return std::nullopt;
}

UpdatesOn read_updates_on(const nlohmann::ordered_json& value, const char* key) {
  if (value.is_null()) return UpdatesOn::Any;
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text == "any") return UpdatesOn::Any;
  if (text == "all") return UpdatesOn::All;
  throw std::invalid_argument(fmt::format("{} must be 'any' or 'all', not {}", key, text));
}

Freshness from_build_after(const nlohmann::ordered_json& build_after) {
  Freshness freshness;
  freshness.updates_on =
      read_updates_on(build_after.value("updates_on", nlohmann::ordered_json()), "updates_on");
  const auto& count = build_after.value("count", nlohmann::ordered_json());
  if (count.is_null()) return freshness;
  if (!count.is_number_integer() || count.get<int64_t>() < 0) {
    throw std::invalid_argument("build_after.count must be a positive integer, not " +
                                count.dump());
  }
  std::string period = build_after.value("period", std::string("hour"));
  auto unit = unit_seconds(period);
  if (!unit || (period != "minute" && period != "hour" && period != "day")) {
    throw std::invalid_argument("build_after.period must be minute, hour or day, not " + period);
  }
  if (count.get<int64_t>() > 0) freshness.window = seconds(count.get<int64_t>() * *unit);
  return freshness;
}

Freshness from_state(const nlohmann::ordered_json& state) {
  Freshness freshness;
  freshness.config_name = "lag_tolerance";
  freshness.updates_on = read_updates_on(
      state.value("require_fresh_data_from", nlohmann::ordered_json()), "require_fresh_data_from");
  const auto& tolerance = state.value("lag_tolerance", nlohmann::ordered_json());
  if (tolerance.is_null()) return freshness;
  auto window = tolerance.is_string() ? parse_duration(tolerance.get<std::string>()) : std::nullopt;
  if (!window) throw std::invalid_argument("lag_tolerance is not a duration: " + tolerance.dump());
  if (window->count() > 0) freshness.window = window;
  return freshness;
}

}  // namespace

Freshness freshness_from_config(const nlohmann::ordered_json& config) {
  if (!config.is_object()) return {};
  auto state = config.find("state");
  if (state != config.end() && state->is_object()) return from_state(*state);
  auto freshness = config.find("freshness");
  if (freshness != config.end() && freshness->is_object()) {
    auto build_after = freshness->find("build_after");
    if (build_after != freshness->end() && build_after->is_object()) {
      return from_build_after(*build_after);
    }
  }
  return {};
}

std::optional<seconds> parse_duration(std::string_view text) {
  int64_t total = 0;
  size_t pos = 0;
  bool any = false;
  auto skip_spaces = [&] {
    while (pos < text.size() && text[pos] == ' ')
      ++pos;
  };
  skip_spaces();
  while (pos < text.size()) {
    size_t start = pos;
    int64_t number = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 12) {
      number = number * 10 + (text[pos++] - '0');
    }
    if (pos == start) return std::nullopt;
    skip_spaces();
    size_t unit_start = pos;
    while (pos < text.size() && text[pos] >= 'a' && text[pos] <= 'z')
      ++pos;
    auto unit = unit_seconds(text.substr(unit_start, pos - unit_start));
    if (!unit) return std::nullopt;
    total += number * *unit;
    any = true;
    skip_spaces();
  }
  if (!any) return std::nullopt;
  return seconds(total);
}

// humantime's units: a year is 365.25 days and a month 30.44 days; days and longer units
// are words ("1day", "2months"), shorter ones letters.
std::string format_duration(seconds duration) {
  int64_t total = duration.count() < 0 ? 0 : duration.count();
  if (total == 0) return "0s";
  const int64_t years = total / 31'557'600, after_years = total % 31'557'600;
  const int64_t months = after_years / 2'630'016, after_months = after_years % 2'630'016;
  const int64_t days = after_months / 86'400, day_seconds = after_months % 86'400;
  const std::array<std::pair<int64_t, std::string>, 6> parts = {{
      {years, years == 1 ? "year" : "years"},
      {months, months == 1 ? "month" : "months"},
      {days, days == 1 ? "day" : "days"},
      {day_seconds / 3600, "h"},
      {day_seconds % 3600 / 60, "m"},
      {day_seconds % 60, "s"},
  }};
  std::string text;
  for (const auto& [count, unit] : parts) {
    if (count == 0) continue;
    if (!text.empty()) text += ' ';
    text += std::to_string(count) + unit;
  }
  return text;
}

}  // namespace kiln::state
