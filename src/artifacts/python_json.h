#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace kiln::artifacts {

// Serializes `value` byte-for-byte as Python's json.dumps(value) does with its defaults,
// which is how dbt writes manifest.json, run_results.json and sources.json: one line,
// ", " and ": " separators, non-ASCII escaped as \uXXXX (ensure_ascii), floats as repr().
// Keys keep the tree's order, so dbt's schema order survives. Invalid UTF-8 becomes
// U+FFFD rather than an exception: an artifact must always be written.
std::string dump_like_python(const nlohmann::ordered_json& value);

// The same, appended to `out` (lets writers reuse one buffer).
void append_like_python(std::string& out, const nlohmann::ordered_json& value);

}  // namespace kiln::artifacts
