#pragma once

#include "artifacts/manifest.h"

namespace kiln::artifacts {

// One entry of manifest "nodes" (or "disabled"), with exactly the keys dbt's v12 schema
// gives that node's type, in schema order.
Json manifest_node_json(const ManifestNode& node);

}  // namespace kiln::artifacts
