#include "graph/resource_types.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "graph/errors.h"

namespace kiln::graph {

namespace {

using Types = std::vector<std::string>;

const Types kExecutable = {"model", "test", "snapshot", "analysis",     "operation",
                           "seed",  "doc",  "rpc",      "sql_operation"};
const Types kBuild = {"model", "seed", "snapshot", "test", "unit_test", "saved_query", "exposure"};
const Types kListDefault = {"model",    "snapshot", "seed",        "test",           "source",
                            "exposure", "metric",   "saved_query", "semantic_model", "unit_test"};

// What "all" means per command (dbt's ALL_RESOURCE_VALUES); other commands take no flag.
Types all_resource_types(std::string_view command) {
  if (command == "list" || command == "ls") {
    Types all = kListDefault;
    all.push_back("analysis");
    return all;
  }
  return default_resource_types(command);
}

void require_known(const std::string& type) {
  static const std::set<std::string> kKnown = {
      "model",  "analysis",      "test",        "snapshot",       "operation", "seed",
      "rpc",    "sql_operation", "doc",         "source",         "macro",     "exposure",
      "metric", "group",         "saved_query", "semantic_model", "unit_test", "fixture"};
  if (kKnown.count(type) == 0) {
    throw SelectionError(fmt::format(
        "'{}' is not a resource type; use model, seed, snapshot, test, unit_test, source, "
        "exposure, analysis, metric, semantic_model or saved_query",
        type));
  }
}

}  // namespace

std::vector<std::string> default_resource_types(std::string_view command) {
  if (command == "run") return {"model"};
  if (command == "test") return {"test", "unit_test"};
  if (command == "seed") return {"seed"};
  if (command == "snapshot") return {"snapshot"};
  if (command == "build") return kBuild;
  if (command == "list" || command == "ls") return kListDefault;
  if (command == "compile" || command == "docs generate") return kExecutable;
  if (command == "source freshness") return {"source"};
  throw SelectionError(fmt::format("no resource types are defined for the command '{}'", command));
}

std::vector<std::string> resource_types_from_flags(std::string_view command,
                                                   const std::vector<std::string>& include,
                                                   const std::vector<std::string>& exclude) {
  std::set<std::string> types;
  if (include.empty()) {
    Types defaults = default_resource_types(command);
    types.insert(defaults.begin(), defaults.end());
  }
  for (const std::string& type : include) {
    Types expanded = type == "all"       ? all_resource_types(command)
                     : type == "default" ? default_resource_types(command)
                                         : Types{type};
    for (const std::string& one : expanded) {
      require_known(one);
      types.insert(one);
    }
  }
  for (const std::string& type : exclude) {
    require_known(type);
    types.erase(type);
  }
  // `dbt test` never runs anything but tests, whatever --resource-type says.
  if (command == "test") {
    std::erase_if(types, [](const std::string& t) { return t != "test" && t != "unit_test"; });
  }
  return Types(types.begin(), types.end());
}

NodeSet only_resource_types(const Dag& dag, const NodeSet& selected,
                            const std::vector<std::string>& resource_types) {
  NodeSet out = dag.empty_set();
  selected.for_each([&](NodeIndex node) {
    const std::string& type = dag.node(node).resource_type;
    if (std::find(resource_types.begin(), resource_types.end(), type) != resource_types.end()) {
      out.insert(node);
    }
  });
  return out;
}

}  // namespace kiln::graph
