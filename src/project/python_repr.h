#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiln::project {

// dbt derives the 10-character hash in a generic test's unique_id from Python's repr()
// of the test's metadata, so Kiln reproduces the few Python spellings involved.

// Python's str() of a YAML-loaded value: "True", "None", "1.5", "1e+16", "abc"; a
// dict or list is its repr().
std::string python_str(const nlohmann::ordered_json& scalar);

// Python's repr() of a str: 'abc', "it's", 'a\'"b', '\n'.
std::string python_repr_string(std::string_view text);

// Python's repr() of a YAML-loaded value: {'a': [1, True, None]} (dicts keep their order).
std::string python_repr(const nlohmann::ordered_json& value);

// repr() of the structure dbt hashes: every leaf made a str, dict keys sorted,
// e.g. {'kwargs': {'column_name': 'id'}, 'name': 'unique', 'namespace': 'None'}.
std::string python_repr_hashable(const nlohmann::ordered_json& value);

}  // namespace kiln::project
