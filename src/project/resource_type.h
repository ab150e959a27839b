#pragma once

#include <string_view>

namespace kiln::project {

// dbt's NodeType values that the project stage produces. The spelling (to_string) is
// the first part of a unique_id and the manifest's resource_type.
enum class ResourceType {
  Model,
  Seed,
  Snapshot,
  Test,  // singular and generic data tests
  Source,
  Analysis,
  Macro,
  Exposure,
  Doc,
};

constexpr std::string_view to_string(ResourceType type) {
  switch (type) {
    case ResourceType::Model:
      return "model";
    case ResourceType::Seed:
      return "seed";
    case ResourceType::Snapshot:
      return "snapshot";
    case ResourceType::Test:
      return "test";
    case ResourceType::Source:
      return "source";
    case ResourceType::Analysis:
      return "analysis";
    case ResourceType::Macro:
      return "macro";
    case ResourceType::Exposure:
      return "exposure";
    case ResourceType::Doc:
      return "doc";
  }
  return "unknown";
}

}  // namespace kiln::project
