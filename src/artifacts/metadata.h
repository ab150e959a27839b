#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "artifacts/timestamp.h"

namespace kiln::artifacts {

// The dbt version Kiln writes as metadata.dbt_version. Kiln follows the v12/v6/v3 schemas
// as dbt-core 1.11 writes them (node "functions", "doc_blocks", invocation_started_at...),
// so it claims that version, with "+kiln" as semver build metadata: tools that compare
// versions treat it as 1.11.0 (build metadata has no precedence), and a human sees who
// wrote the file.
inline constexpr std::string_view kDbtVersion = "1.11.0+kiln";

inline constexpr std::string_view kManifestSchema =
    "https://schemas.getdbt.com/dbt/manifest/v12.json";
inline constexpr std::string_view kRunResultsSchema =
    "https://schemas.getdbt.com/dbt/run-results/v6.json";
inline constexpr std::string_view kSourcesSchema = "https://schemas.getdbt.com/dbt/sources/v3.json";

// What every artifact's metadata says about the invocation that wrote it.
struct InvocationInfo {
  std::string invocation_id;  // a UUID, shared by all artifacts of one invocation
  TimePoint generated_at;
  std::optional<TimePoint> invocation_started_at;
  // dbt's DBT_ENV_CUSTOM_ENV_* variables, with the prefix removed.
  std::map<std::string, std::string> env;
  std::string dbt_version{kDbtVersion};
};

// {"dbt_schema_version", "dbt_version", "generated_at", "invocation_id",
//  "invocation_started_at", "env"} in dbt's order.
nlohmann::ordered_json metadata_json(std::string_view schema_url, const InvocationInfo& info);

}  // namespace kiln::artifacts
