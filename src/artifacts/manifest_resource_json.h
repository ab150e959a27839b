#pragma once

#include "artifacts/manifest.h"

namespace kiln::artifacts {

// The manifest's non-node resources, each with exactly the keys of dbt's v12 schema for
// it, in schema order.
Json manifest_source_json(const ManifestSource& source);
Json manifest_macro_json(const ManifestMacro& macro);
Json manifest_doc_json(const ManifestDoc& doc);
Json manifest_exposure_json(const ManifestExposure& exposure);
Json manifest_group_json(const ManifestGroup& group);

}  // namespace kiln::artifacts
