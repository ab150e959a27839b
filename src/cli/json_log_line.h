#pragma once
// --log-format json: one event as the line dbt writes (dbt_common/events/logger.py _JsonLogger):
// json.dumps(MessageToDict(msg), sort_keys=True), so keys are sorted at every level, Python's
// ", " / ": " separators, and proto3 JSON spellings (every field present, Timestamps in
// RFC 3339, 32-bit floats at their shortest).

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "artifacts/timestamp.h"
#include "cli/log_event.h"

namespace kiln::cli {

// What every event of one invocation shares.
struct JsonLogContext {
  std::string invocation_id;
  int pid = 0;
  // info.extra: dbt's DBT_ENV_CUSTOM_ENV_* variables, prefix removed.
  std::map<std::string, std::string> extra;
};

std::string json_log_line(const LogEvent& event, const JsonLogContext& context,
                          artifacts::TimePoint ts);

// The DBT_ENV_CUSTOM_ENV_* variables of this process, as dbt puts them in info.extra.
std::map<std::string, std::string> custom_env_vars();

// A google.protobuf.Timestamp as its JSON mapping prints it: "2024-09-24T15:24:36.246406Z",
// with 0, 3 or 6 fractional digits, whichever is exact.
std::string proto_timestamp(artifacts::TimePoint when);

// A proto `float` field as MessageToDict prints it: the shortest decimal that reads back as
// the same 32-bit float (0.1f is 0.1, not 0.10000000149011612).
nlohmann::ordered_json proto_float(double value);

// A copy of `value` whose objects have their keys sorted, as json.dumps(sort_keys=True).
nlohmann::ordered_json sorted_keys(const nlohmann::ordered_json& value);

}  // namespace kiln::cli
