#pragma once
// Kiln builds dbt's model materializations itself (view, table, incremental, ephemeral)
// rather than running dbt's materialization macros. A project may still define its own
// {% materialization %} blocks: they parse and are listed in the manifest, but a model
// materialized by one cannot be built yet, and says so.

#include <string_view>

#include "compile/macro_index.h"
#include "compile/parsed_node.h"

namespace kiln::compile {

// view, table, incremental, ephemeral.
bool is_native_model_materialization(std::string_view materialized);

// Throws jinja::Error naming the model's file and its materialization when `node` is a
// model materialized by a {% materialization %} macro (for `adapter_type` or default) of the
// project or a package, which Kiln does not run. A materialization no macro defines is left
// to the run stage, which reports it as dbt does.
void check_materialization_supported(const ParsedNode& node, const MacroIndex& macros,
                                     std::string_view adapter_type);

}  // namespace kiln::compile
