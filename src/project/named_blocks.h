#pragma once
// dbt's named blocks found as text, before any Jinja runs, as dbt's block searcher finds
// them: `{% snapshot orders %} ... {% endsnapshot %}` in snapshot files and
// `{% docs orders %} ... {% enddocs %}` in .md files under docs-paths.

#include <string>
#include <string_view>
#include <vector>

#include "project/source_pos.h"

namespace kiln::project {

// A `{% <tag> name %} ... {% end<tag> %}` block.
struct NamedBlock {
  std::string name;
  std::string body;  // the text between the tags (a snapshot's raw_code, a doc's contents)
  int line = 0;      // 1-based line of the opening tag
};

// Finds the `tag` blocks of `text`: whitespace control (`{%-`, `-%}`) is allowed; text
// outside blocks is ignored. An unclosed block throws ProjectError at its opening line.
std::vector<NamedBlock> find_named_blocks(std::string_view text, std::string_view tag,
                                          const std::string& file);

}  // namespace kiln::project
