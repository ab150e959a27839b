#include "state/run_versions.h"

namespace kiln::state {

void RunVersions::set(const std::string& unique_id, std::string version) {
  std::lock_guard<std::mutex> lock(mutex_);
  versions_[unique_id] = std::move(version);
}

void RunVersions::set_all(const DataVersions& versions) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [id, version] : versions)
    versions_[id] = version;
}

std::optional<std::string> RunVersions::get(const std::string& unique_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = versions_.find(unique_id);
  if (it == versions_.end()) return std::nullopt;
  return it->second;
}

std::vector<InputVersion> RunVersions::inputs(
    const std::vector<std::pair<std::string, std::string>>& ids_and_names) const {
  std::vector<InputVersion> out;
  out.reserve(ids_and_names.size());
  for (const auto& [id, name] : ids_and_names)
    out.push_back({id, name, get(id)});
  return out;
}

DataVersions recorded_versions(const std::vector<InputVersion>& inputs) {
  DataVersions versions;
  for (const auto& input : inputs) {
    if (input.version) versions[input.unique_id] = *input.version;
  }
  return versions;
}

}  // namespace kiln::state
