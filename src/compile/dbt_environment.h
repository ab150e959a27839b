#pragma once
// The Jinja environment dbt renders with: Jinja2's built-ins plus dbt's filters
// as_bool, as_number, as_native and as_text, which turn rendered text back into values, and
// dbt's block tags {% test %}, {% materialization %} and {% docs %} (dbt_block_tags.h).

#include "jinja/environment.h"
#include "jinja/value.h"

namespace kiln::compile {

jinja::Environment make_dbt_environment();

// dbt's "native" rendering of a YAML value: the text Jinja produced, read back as a Python
// literal when it is one ("4" -> 4, "True" -> True, "[1, 2]" -> [1, 2]), else the text.
jinja::Value native_value(const std::string& rendered);

}  // namespace kiln::compile
