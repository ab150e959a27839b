#pragma once

#include <nlohmann/json.hpp>

#include "project/resource_type.h"

namespace kiln::project {

// The config a node has before any dbt_project.yml, YAML or config() layer: dbt's config
// dataclass defaults (ModelConfig, SeedConfig, SnapshotConfig, TestConfig, SourceConfig),
// with keys in dbt's field order so manifest.json reads like dbt's. Models default to
// `materialized: view`; schema, database and alias are null (the compile stage resolves
// them through generate_schema_name and friends); tests default to schema
// `dbt_test__audit` and severity `ERROR`.
nlohmann::ordered_json default_config(ResourceType type);

}  // namespace kiln::project
