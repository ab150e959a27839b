#include "cli/node_files.h"

#include <fstream>
#include <stdexcept>

namespace kiln::cli {

namespace fs = std::filesystem;

fs::path node_write_path(const fs::path& target_path, const std::string& subdirectory,
                         const compile::ParsedNode& node) {
  fs::path original = node.node->original_file_path;
  fs::path own =
      node.node->path.empty() ? fs::path(node.name() + ".sql") : fs::path(node.node->path);
  fs::path relative = own.filename() == original.filename() ? original : original / own;
  return target_path / subdirectory / node.package() / relative;
}

void write_node_file(const fs::path& target_path, const std::string& subdirectory,
                     const compile::ParsedNode& node, const std::string& sql) {
  fs::path file = node_write_path(target_path, subdirectory, node);
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << sql;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace kiln::cli
