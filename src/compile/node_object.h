#pragma once
// `model` (and `node`) as a template sees the node being rendered: a dict with dbt's
// manifest fields (name, unique_id, resource_type, package_name, path, original_file_path,
// fqn, config, tags, alias, schema, database, raw_code, description, meta, columns, refs,
// sources, depends_on, version, language). generate_schema_name and friends receive it as
// their `node` argument.

#include "compile/parsed_node.h"
#include "jinja/value.h"

namespace kiln::compile {

jinja::Value make_node_object(const ParsedNode& node);

}  // namespace kiln::compile
