#pragma once
// Conversions between JSON (how configs, vars and YAML properties are held by the project
// stage and written to artifacts) and Jinja Values (how templates see them). JSON objects
// keep their key order both ways, as Python dicts do in dbt.

#include <nlohmann/json.hpp>

#include "jinja/value.h"

namespace kiln::compile {

jinja::Value to_value(const nlohmann::ordered_json& json);
// Undefined -> null; tuples -> arrays; Objects -> their str(); non-finite floats -> null.
nlohmann::ordered_json to_json(const jinja::Value& value);

}  // namespace kiln::compile
