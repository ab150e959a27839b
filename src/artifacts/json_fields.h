#pragma once

// Small spellings shared by the manifest writers: how dbt writes optionals, refs, columns.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "artifacts/manifest.h"

namespace kiln::artifacts {

// An optional value, or JSON null (dbt writes every field, None included).
template <typename T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// Appends key/value to a JSON object without looking the key up first. ordered_json's
// operator[] scans every existing key, which makes maps of 10,000 nodes quadratic; the
// callers use this for maps whose keys are unique by construction (unique_ids).
void append_member(Json& object, std::string key, Json value);

// An empty object with room for `capacity` members. ordered_json stores members in a
// vector of pair<const string, Json>, which cannot be moved, so every reallocation deep-
// copies the values already inserted; sizing the object up front avoids that.
Json object_with_capacity(std::size_t capacity);

Json refs_json(const std::vector<RefArgs>& refs);
Json source_refs_json(const std::vector<std::pair<std::string, std::string>>& sources);
Json columns_json(const std::vector<ColumnInfo>& columns);
Json docs_json(const Docs& docs);
Json depends_on_json(const DependsOn& depends_on);
Json owner_json(const Owner& owner);
Json quoting_json(const Quoting& quoting);
Json freshness_threshold_json(const FreshnessThreshold& threshold);

}  // namespace kiln::artifacts
