#include "artifacts/metadata.h"

namespace kiln::artifacts {

nlohmann::ordered_json metadata_json(std::string_view schema_url, const InvocationInfo& info) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out["dbt_schema_version"] = schema_url;
  out["dbt_version"] = info.dbt_version;
  out["generated_at"] = format_utc_z(info.generated_at);
  out["invocation_id"] = info.invocation_id;
  out["invocation_started_at"] =
      info.invocation_started_at
          ? nlohmann::ordered_json(format_utc_offset(*info.invocation_started_at))
          : nlohmann::ordered_json(nullptr);
  out["env"] = nlohmann::ordered_json::object();
  for (const auto& [name, value] : info.env)
    out["env"][name] = value;
  return out;
}

}  // namespace kiln::artifacts
