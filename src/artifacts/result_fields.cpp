#include "artifacts/result_fields.h"

#include "artifacts/json_fields.h"

namespace kiln::artifacts {
namespace {

Json optional_time_json(const std::optional<TimePoint>& when) {
  return when ? Json(format_utc_z(*when)) : Json(nullptr);
}

}  // namespace

Json timing_json(const std::vector<TimingEntry>& timing) {
  Json out = Json::array();
  for (const TimingEntry& entry : timing) {
    Json step = Json::object();
    step["name"] = entry.name;
    step["started_at"] = optional_time_json(entry.started_at);
    step["completed_at"] = optional_time_json(entry.completed_at);
    out.push_back(std::move(step));
  }
  return out;
}

Json adapter_response_json(const std::optional<AdapterResponse>& response) {
  Json out = Json::object();
  if (!response) return out;
  out["_message"] = response->message;
  out["code"] = response->code;
  out["rows_affected"] = optional_json(response->rows_affected);
  for (auto it = response->extra.begin(); it != response->extra.end(); ++it) {
    out[it.key()] = it.value();
  }
  return out;
}

}  // namespace kiln::artifacts
