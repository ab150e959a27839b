#include "compile/materializations.h"

#include <string>

#include "compile/dbt_block_tags.h"
#include "jinja/error.h"

namespace kiln::compile {

bool is_native_model_materialization(std::string_view materialized) {
  return materialized == "view" || materialized == "table" || materialized == "incremental" ||
         materialized == "ephemeral";
}

void check_materialization_supported(const ParsedNode& node, const MacroIndex& macros,
                                     std::string_view adapter_type) {
  if (node.resource_type != project::ResourceType::Model) return;
  std::string materialized = node.materialized();
  if (is_native_model_materialization(materialized)) return;
  const std::string specific = materialization_macro_name(materialized, adapter_type);
  const std::string fallback = materialization_macro_name(materialized, "default");
  for (const MacroDefinition* macro : macros.all()) {
    if (macro->name != specific && macro->name != fallback) continue;
    // Located at the model's file, as errors from rendering it are: the run and compile
    // commands add the node's name.
    throw jinja::Error(jinja::ErrorKind::Runtime,
                       "model '" + node.name() + "' is materialized as '" + materialized +
                           "', a custom materialization defined in " + macro->path + ":" +
                           std::to_string(macro->line) +
                           ". Custom materializations are not supported by Kiln yet: "
                           "materialize this model as view, table, incremental or ephemeral.",
                       jinja::SourceLocation{node.node->original_file_path, 0, 0});
  }
}

}  // namespace kiln::compile
