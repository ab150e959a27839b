#pragma once
// Every docs block of the project and its packages ({% docs name %} ... {% enddocs %} in .md
// files under docs-paths), rendered once as dbt's documentation parser does: the block's
// body rendered with an empty context, then stripped of surrounding whitespace.
// Descriptions reach them through doc('name') or doc('package', 'name') (descriptions.h).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/environment.h"
#include "project/node.h"

namespace kiln::compile {

struct DocBlock {
  std::string unique_id;  // "doc.<package>.<name>"
  std::string name;
  std::string package;
  std::string path;                // relative to its docs-paths folder
  std::string original_file_path;  // relative to the project: "models/docs.md"
  std::string block_contents;      // rendered and stripped
};

class DocsIndex {
 public:
  // A block that does not render, or a second block of one name in a package, is recorded in
  // errors() (naming file and line); the other blocks are still indexed.
  DocsIndex(const jinja::Environment& env, const std::vector<project::DocsFile>& files);

  const std::vector<std::string>& errors() const { return errors_; }
  // Every block, in file order (the manifest's `docs`).
  const std::vector<DocBlock>& all() const { return blocks_; }

  // dbt's resolve_doc: in `package` when one is named; otherwise the root project, then the
  // package of the node whose description calls doc(), then any package. Null when none.
  const DocBlock* resolve(std::string_view name, const std::optional<std::string>& package,
                          std::string_view root_package, std::string_view node_package) const;

 private:
  const DocBlock* find(std::string_view package, std::string_view name) const;

  std::vector<DocBlock> blocks_;
  std::vector<std::string> errors_;
};

}  // namespace kiln::compile
