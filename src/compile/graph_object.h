#pragma once
// dbt's `graph` context variable: the project's nodes as dicts, for macros that walk the
// project (`graph.nodes.values() | selectattr("resource_type", "equalto", "model")`,
// `graph.sources[...]`). As in dbt, it is empty while the project is being parsed (no
// manifest yet) and complete once compilation starts.
//
// The dicts are built on first access and kept for the rest of that render: most nodes never
// look at `graph`, and a 10,000-node project should not pay for it on every render.

#include "compile/parsed_node.h"
#include "jinja/value.h"

namespace kiln::compile {

// `manifest` may be null (the parse phase); it must outlive the value.
jinja::Value make_graph_object(const Manifest* manifest);

}  // namespace kiln::compile
