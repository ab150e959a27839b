#pragma once

#include <string>
#include <utility>
#include <vector>

#include "artifacts/manifest.h"

namespace kiln::artifacts {

// One member of the DAG as the maps see it: its id and what it depends on.
struct EdgeMember {
  std::string unique_id;
  const std::vector<std::string>* depends_on_nodes = nullptr;
};

// manifest "parent_map" and "child_map", computed the way dbt does: every member (nodes,
// then sources, then exposures) is a key of both maps; parents are its depends_on.nodes;
// a child is recorded only under parents that are members; every list is sorted. Key
// order is member order.
struct DependencyMaps {
  Json parent_map = Json::object();
  Json child_map = Json::object();
};

DependencyMaps build_dependency_maps(const std::vector<EdgeMember>& members);

// The members of a manifest, in dbt's order: nodes, sources, exposures.
std::vector<EdgeMember> edge_members(const Manifest& manifest);

// manifest "group_map": every defined group's name, with the nodes in that group, in
// node order (dbt does not sort these). Nodes naming an undefined group are left out.
Json build_group_map(const Manifest& manifest);

}  // namespace kiln::artifacts
