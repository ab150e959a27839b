#include "state/node_record.h"

#include <random>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kiln::state {

std::string encode_versions(const DataVersions& versions) {
  return nlohmann::json(versions).dump();
}

DataVersions decode_versions(const std::string& json_text) {
  nlohmann::json parsed = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) {
    throw std::runtime_error("state store: input_versions is not a JSON object: " + json_text);
  }
  DataVersions versions;
  for (const auto& [id, version] : parsed.items()) {
    if (!version.is_string()) {
      throw std::runtime_error("state store: input version of " + id + " is not text");
    }
    versions.emplace(id, version.get<std::string>());
  }
  return versions;
}

std::string new_run_id() {
  std::random_device device;
  std::mt19937_64 random((static_cast<uint64_t>(device()) << 32) ^ device());
  return fmt::format("{:016x}{:016x}", random(), random());
}

}  // namespace kiln::state
