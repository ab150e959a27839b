#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/source_pos.h"
#include "project/yaml_tree.h"

namespace kiln::project {

// dbt renders some YAML values with Jinja before using them (env_var() in profiles.yml
// and dbt_project.yml, `{{ target.name }}` in config values). The project stage knows
// no Jinja: the caller injects this callback, which renders `text` in dbt's *native*
// mode (so "{{ 4 }}" gives the number 4) and returns the value. It throws on error,
// preferably a ProjectError at `where`. The CLI wires it to the Jinja engine; tests
// pass a small fake.
using RenderValue =
    std::function<nlohmann::ordered_json(std::string_view text, const SourcePos& where)>;

// Does this string need rendering? Strings without `{{`, `{%` or `{#` render to
// themselves, so the callback is not called for them.
bool has_jinja(std::string_view text);

// Which values of a document to render: the key path from the root (map keys; list
// indices as decimal strings). Returns false to leave the value (and what is under it)
// as written.
using RenderFilter = std::function<bool(const std::vector<std::string>& keypath)>;

// Replaces every string scalar with Jinja in `node` by its rendered value, keeping
// the position of the original text.
void render_yaml(YamlNode& node, const RenderValue& render, const RenderFilter& filter);

// Converts a rendered JSON value back into a YamlNode positioned at `pos`.
YamlNode yaml_from_json(const nlohmann::ordered_json& value, const SourcePos& pos);

}  // namespace kiln::project
