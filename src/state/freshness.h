#pragma once
// A model's freshness config: how long new upstream data may wait before the model is
// rebuilt, and whether any or all direct parents must have new data. Two spellings exist in
// dbt, and Kiln reads both:
//
//   freshness: {build_after: {count: 4, period: hour, updates_on: any|all}}   (state-aware
//                                                       orchestration, dbt Fusion)
//   state: {lag_tolerance: '4h', require_fresh_data_from: any|all}            (dbt State)
//
// When both are set, `state` wins. Kiln measures the window from the model's last build for
// both, which is build_after's definition; dbt State measures lag_tolerance from the age of
// the upstream data instead (docs/state.md). Without either, new data rebuilds at once.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiln::state {

enum class UpdatesOn { Any, All };

struct Freshness {
  std::optional<std::chrono::seconds> window;  // none: no waiting
  std::string config_name = "build_after";     // "build_after" or "lag_tolerance", for messages
  UpdatesOn updates_on = UpdatesOn::Any;
};

// From a node's final config; throws std::invalid_argument naming the bad value (a period
// other than minute/hour/day, a negative count, an unreadable duration, updates_on other
// than any/all).
Freshness freshness_from_config(const nlohmann::ordered_json& config);

// "45m", "4h", "7d", "30s", "1h30m", "2 days": a sum of <integer><unit> terms with units
// s/sec/second(s), m/min/minute(s), h/hour(s), d/day(s), w/week(s); nothing when unreadable.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// A duration as dbt Fusion prints it (Rust's humantime): "4h", "42m 20s", "1day 2h", "0s".
std::string format_duration(std::chrono::seconds duration);

}  // namespace kiln::state
