#pragma once
// dbt's macro-defining block tags (dbt's Jinja extensions), registered on the Jinja engine,
// and what Kiln makes of a macro by the tag that defined it:
//
//   {% test is_positive(model, column_name) %}      macro test_is_positive (a generic test)
//   {% materialization table, default %}            macro materialization_table_default
//   {% materialization table, adapter='duckdb' %}   macro materialization_table_duckdb
//   {% docs orders %}                               a docs block, not a macro
//
// {% snapshot %} blocks are not among them: dbt finds those textually before rendering
// (project/named_blocks.h).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/environment.h"
#include "jinja/template.h"

namespace kiln::compile {

void add_dbt_block_tags(jinja::Environment& env);

// Whether a macro defined by `tag` belongs to the project's callable macros (dbt's macro
// namespace): {% macro %}, {% test %} and {% materialization %} do; {% docs %} does not.
bool defines_dbt_macro(std::string_view tag);

// The languages a {% materialization %} macro supports, as dbt records them in the
// manifest: its supported_languages option, ["sql"] without one. nullopt for other macros.
std::optional<std::vector<std::string>> supported_languages(
    const jinja::Template::MacroInfo& macro);

// The name of the macro that implements materialization `name` for `adapter`
// ("default" for every adapter): materialization_<name>_<adapter>.
std::string materialization_macro_name(std::string_view name, std::string_view adapter);

}  // namespace kiln::compile
