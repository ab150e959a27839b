#pragma once
// Where dbt writes a node's SQL under target/ (ParsedNode.get_target_write_path in dbt-core):
// target/compiled/<package>/<path> for the compiled SELECT, target/run/<package>/<path> for
// the statements that ran. A node that has its own file keeps its original_file_path
// ("models/staging/stg_x.sql"); a node defined inside another file (a generic test in a YAML
// file) goes under that file: "models/schema.yml/not_null_x_id.sql".

#include <filesystem>
#include <string>

#include "compile/parsed_node.h"

namespace kiln::cli {

std::filesystem::path node_write_path(const std::filesystem::path& target_path,
                                      const std::string& subdirectory,
                                      const compile::ParsedNode& node);

// Writes `sql` there, creating folders as needed; throws std::runtime_error when it cannot.
void write_node_file(const std::filesystem::path& target_path, const std::string& subdirectory,
                     const compile::ParsedNode& node, const std::string& sql);

}  // namespace kiln::cli
