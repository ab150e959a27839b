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

// A YAML text (--vars, --args, fromyaml) as JSON: quoted scalars stay strings, plain ones are
// read as YAML 1.1 booleans, nulls and numbers. Throws YAML::Exception on malformed text.
nlohmann::ordered_json yaml_text_to_json(const std::string& text);

}  // namespace kiln::compile
