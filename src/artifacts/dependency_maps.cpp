#include "artifacts/dependency_maps.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "artifacts/json_fields.h"

namespace kiln::artifacts {
namespace {

const std::vector<std::string> kNoDependencies;

Json sorted_array(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());  // byte order on UTF-8 = Python's code point order
  return Json(std::move(ids));
}

}  // namespace

DependencyMaps build_dependency_maps(const std::vector<EdgeMember>& members) {
  // Children are gathered by index first: Json object lookups are linear in ordered_json.
  std::unordered_map<std::string_view, size_t> index_of;
  index_of.reserve(members.size());
  for (size_t i = 0; i < members.size(); ++i)
    index_of.emplace(members[i].unique_id, i);

  std::vector<std::vector<std::string>> children(members.size());
  for (const EdgeMember& member : members) {
    for (const std::string& parent : *member.depends_on_nodes) {
      auto found = index_of.find(parent);
      if (found != index_of.end()) children[found->second].push_back(member.unique_id);
    }
  }

  DependencyMaps maps{object_with_capacity(members.size()), object_with_capacity(members.size())};
  for (size_t i = 0; i < members.size(); ++i) {
    const std::string& id = members[i].unique_id;
    append_member(maps.parent_map, id, sorted_array(*members[i].depends_on_nodes));
    append_member(maps.child_map, id, sorted_array(std::move(children[i])));
  }
  return maps;
}

std::vector<EdgeMember> edge_members(const Manifest& manifest) {
  std::vector<EdgeMember> members;
  members.reserve(manifest.nodes.size() + manifest.sources.size() + manifest.exposures.size());
  for (const ManifestNode& node : manifest.nodes) {
    members.push_back({node.unique_id, &node.depends_on.nodes});
  }
  for (const ManifestSource& source : manifest.sources) {
    members.push_back({source.unique_id, &kNoDependencies});
  }
  for (const ManifestExposure& exposure : manifest.exposures) {
    members.push_back({exposure.unique_id, &exposure.depends_on.nodes});
  }
  return members;
}

Json build_group_map(const Manifest& manifest) {
  std::unordered_map<std::string_view, std::vector<std::string>> members_of;
  for (const ManifestGroup& group : manifest.groups)
    members_of[group.name];
  for (const ManifestNode& node : manifest.nodes) {
    if (!node.group) continue;
    auto found = members_of.find(*node.group);
    if (found != members_of.end()) found->second.push_back(node.unique_id);
  }
  Json out = Json::object();
  for (const ManifestGroup& group : manifest.groups)
    out[group.name] = members_of[group.name];
  return out;
}

}  // namespace kiln::artifacts
