#pragma once

#include <filesystem>
#include <string>

#include "artifacts/manifest.h"

namespace kiln::artifacts {

// The whole manifest.json document (schema v12), keys in dbt's order: metadata, nodes,
// sources, macros, docs, exposures, metrics, groups, selectors, disabled, parent_map,
// child_map, group_map, saved_queries, semantic_models, unit_tests, functions. Kiln has
// no metrics, semantic models, saved queries, unit tests or functions: they are empty.
Json manifest_json(const Manifest& manifest);

// manifest_json, serialized as dbt serializes it (see python_json.h).
std::string serialize_manifest(const Manifest& manifest);

// Serializes and writes atomically (see atomic_file.h), e.g. to target/manifest.json.
void write_manifest(const std::filesystem::path& path, const Manifest& manifest);

}  // namespace kiln::artifacts
