#include "cli/json_log_line.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <vector>

#include <fmt/format.h>

#include "artifacts/python_json.h"

extern char** environ;

namespace kiln::cli {

namespace {

constexpr std::string_view kCustomEnvPrefix = "DBT_ENV_CUSTOM_ENV_";

}  // namespace

std::map<std::string, std::string> custom_env_vars() {
  std::map<std::string, std::string> out;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view text = *entry;
    size_t equals = text.find('=');
    if (equals == std::string_view::npos || text.substr(0, equals).rfind(kCustomEnvPrefix, 0) != 0)
      continue;
    out[std::string(text.substr(kCustomEnvPrefix.size(), equals - kCustomEnvPrefix.size()))] =
        std::string(text.substr(equals + 1));
  }
  return out;
}

std::string proto_timestamp(artifacts::TimePoint when) {
  auto micros = when.time_since_epoch().count();
  auto seconds = static_cast<std::time_t>(micros / 1000000);
  int64_t fraction = micros % 1000000;
  if (fraction < 0) {
    fraction += 1000000;
    --seconds;
  }
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", tm.tm_year + 1900,
                                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  if (fraction % 1000 == 0 && fraction != 0) {
    out += fmt::format(".{:03}", fraction / 1000);
  } else if (fraction != 0) {
    out += fmt::format(".{:06}", fraction);
  }
  return out + "Z";
}

nlohmann::ordered_json proto_float(double value) {
  if (!std::isfinite(value)) return value;
  float narrow = static_cast<float>(value);
  // FLT_DECIMAL_DIG (9) digits always read back exactly; fewer usually do.
  for (int digits = 1; digits <= 9; ++digits) {
    std::string text = fmt::format("{:.{}g}", static_cast<double>(narrow), digits);
    if (std::strtof(text.c_str(), nullptr) == narrow) return std::strtod(text.c_str(), nullptr);
  }
  return static_cast<double>(narrow);
}

nlohmann::ordered_json sorted_keys(const nlohmann::ordered_json& value) {
  if (value.is_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& item : value)
      out.push_back(sorted_keys(item));
    return out;
  }
  if (!value.is_object()) return value;
  std::vector<std::string> keys;
  for (const auto& [key, item] : value.items())
    keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const std::string& key : keys)
    out[key] = sorted_keys(value[key]);
  return out;
}

std::string json_log_line(const LogEvent& event, const JsonLogContext& context,
                          artifacts::TimePoint ts) {
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
  for (const auto& [key, value] : context.extra)
    extra[key] = value;
  nlohmann::ordered_json info = {{"name", event.name},
                                 {"code", event.code},
                                 {"msg", event.msg},
                                 {"level", level_name(event.level)},
                                 {"invocation_id", context.invocation_id},
                                 {"pid", context.pid},
                                 {"thread", event.thread},
                                 {"ts", proto_timestamp(ts)},
                                 {"extra", extra},
                                 {"category", ""}};
  nlohmann::ordered_json line = {{"info", info}, {"data", event.data}};
  return artifacts::dump_like_python(sorted_keys(line));
}

}  // namespace kiln::cli
