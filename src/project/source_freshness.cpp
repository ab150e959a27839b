#include "project/source_freshness.h"

#include <vector>

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

Json empty_time() {
  return Json{{"count", nullptr}, {"period", nullptr}};
}

Json empty_threshold() {
  return Json{{"warn_after", empty_time()}, {"error_after", empty_time()}, {"filter", nullptr}};
}

bool time_is_set(const Json& time) {
  return time.is_object() && time.contains("count") && !time["count"].is_null() &&
         time.contains("period") && !time["period"].is_null();
}

Json time_from(const Json& written) {
  if (written.is_null()) return nullptr;
  Json time = empty_time();
  if (written.is_object())
    for (const auto& item : written.items())
      time[item.key()] = item.value();
  return time;
}

// Mergeable.merged: the last non-None field wins.
Json shallow_merged(const Json& base, const Json& update) {
  Json out = base;
  for (const auto& item : update.items())
    if (!item.value().is_null()) out[item.key()] = item.value();
  return out;
}

// merge_freshness_time_thresholds.
Json merged_time(const Json& base, const Json& update) {
  if (time_is_set(base) && time_is_set(update)) return shallow_merged(base, update);
  if (update.is_null()) return nullptr;
  return time_is_set(update) ? update : base;
}

}  // namespace

Freshness freshness_from_yaml(const std::optional<Json>& written) {
  if (!written) return empty_threshold();
  if (written->is_null()) return std::nullopt;
  Json threshold = empty_threshold();
  if (written->is_object()) {
    for (const auto& item : written->items()) {
      if (item.key() == "warn_after" || item.key() == "error_after") {
        threshold[item.key()] = time_from(item.value());
      } else {
        threshold[item.key()] = item.value();
      }
    }
  }
  return threshold;
}

bool freshness_is_set(const Freshness& threshold) {
  if (!threshold) return false;
  return time_is_set((*threshold)["warn_after"]) || time_is_set((*threshold)["error_after"]);
}

Freshness merge_source_freshness(const std::vector<Freshness>& thresholds) {
  if (thresholds.empty()) return std::nullopt;
  Freshness current = thresholds[0];
  for (size_t i = 1; i < thresholds.size(); ++i) {
    const Freshness& update = thresholds[i];
    if (current && update) {
      Json merged = shallow_merged(*current, *update);
      merged["error_after"] = merged_time((*current)["error_after"], (*update)["error_after"]);
      merged["warn_after"] = merged_time((*current)["warn_after"], (*update)["warn_after"]);
      current = merged;
    } else if (!current && freshness_is_set(update)) {
      current = update;
    } else {
      current = std::nullopt;
    }
  }
  return current;
}

}  // namespace kiln::project
