#include "artifacts/manifest.h"

namespace kiln::artifacts {

std::string_view node_type_name(NodeType type) {
  switch (type) {
    case NodeType::kModel:
      return "model";
    case NodeType::kSeed:
      return "seed";
    case NodeType::kSnapshot:
      return "snapshot";
    case NodeType::kTest:
      return "test";
    case NodeType::kAnalysis:
      return "analysis";
    case NodeType::kOperation:
      return "operation";
    case NodeType::kSqlOperation:
      return "sql";
  }
  return "model";
}

}  // namespace kiln::artifacts
