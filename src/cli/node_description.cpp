#include "cli/node_description.h"

namespace kiln::cli {

using project::ResourceType;

std::string node_description(const compile::ParsedNode& node) {
  std::string where = node.schema + "." + node.alias;
  switch (node.resource_type) {
    case ResourceType::Seed:
      return "seed file " + where;
    case ResourceType::Test:
      return "test " + node.name();
    case ResourceType::Snapshot:
      return "snapshot " + where;
    default:
      return "sql " + node.materialized() + " model " + where;
  }
}

}  // namespace kiln::cli
