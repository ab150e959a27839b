#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace kiln::project {

// Types a plain (unquoted) YAML scalar the way PyYAML's SafeLoader does (YAML 1.1
// implicit resolvers): null (`~`, `null`, empty), booleans (`yes/no/on/off/true/false`
// in three casings), integers (decimal, `0x`, `0b`, leading-0 octal, `_` separators,
// sexagesimal `1:30`), floats (must contain a dot: `1.5`, `1.0e+3`, `.inf`, `.nan`).
// Anything else, timestamps included, stays a string.
nlohmann::ordered_json resolve_plain_scalar(std::string_view text);

}  // namespace kiln::project
