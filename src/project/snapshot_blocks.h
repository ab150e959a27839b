#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "project/source_pos.h"

namespace kiln::project {

// A `{% snapshot name %} ... {% endsnapshot %}` block of a snapshot file.
struct SnapshotBlock {
  std::string name;
  std::string body;  // the text between the tags (dbt's raw_code for the snapshot)
  int line = 0;      // 1-based line of the opening tag
};

// Finds the snapshot blocks of a legacy (.sql) snapshot file, as dbt's block searcher
// does: whitespace control (`{%-`, `-%}`) is allowed; text outside blocks is ignored.
// An unclosed block throws ProjectError at its opening line.
std::vector<SnapshotBlock> find_snapshot_blocks(std::string_view text, const std::string& file);

}  // namespace kiln::project
