#include "graph/selector_methods.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

#include "graph/config_match.h"
#include "graph/errors.h"
#include "graph/fnmatch.h"
#include "graph/fqn_match.h"
#include "graph/path_glob.h"

namespace kiln::graph {

namespace {

using Predicate = std::function<bool(const GraphNode&)>;

std::vector<std::string> split_dots(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot = text.find('.'); dot != std::string::npos; dot = text.find('.', start)) {
    parts.push_back(text.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// dbt's NodeType values: what resource_type: accepts.
bool is_node_type(const std::string& type) {
  static constexpr std::array<std::string_view, 18> kTypes = {
      "model",  "analysis",      "test",        "snapshot",       "operation", "seed",
      "rpc",    "sql_operation", "doc",         "source",         "macro",     "exposure",
      "metric", "group",         "saved_query", "semantic_model", "unit_test", "fixture"};
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

bool is_configurable(const GraphNode& node) {
  return is_manifest_node_type(node.resource_type) || is_source(node);
}

Predicate source_predicate(const std::string& value) {
  std::vector<std::string> parts = split_dots(value);
  if (parts.size() > 3) {
    throw SelectionError(
        fmt::format("Invalid source selector value \"{}\". Sources must be of the form "
                    "`${{source_name}}`, `${{source_name}}.${{target_name}}`, or "
                    "`${{package_name}}.${{source_name}}.${{target_name}}`",
                    value));
  }
  std::string package = parts.size() == 3 ? parts[0] : "*";
  std::string source = parts[parts.size() == 3 ? 1 : 0];
  std::string table = parts.size() == 1 ? "*" : parts.back();
  return [=](const GraphNode& node) {
    return is_source(node) && fnmatch(node.package, package) && fnmatch(node.source_name, source) &&
           fnmatch(node.name, table);
  };
}

// exposure:, metric:, semantic_model:, saved_query:, unit_test: "name" or "package.name".
Predicate named_resource_predicate(const std::string& value, const std::string& resource_type,
                                   std::string_view what) {
  std::vector<std::string> parts = split_dots(value);
  if (parts.size() > 2) {
    throw SelectionError(
        fmt::format("Invalid {0} selector value \"{1}\". It must be of the form {0}_name or "
                    "package_name.{0}_name",
                    what, value));
  }
  std::string package = parts.size() == 2 ? parts[0] : "*";
  std::string name = parts.back();
  return [=](const GraphNode& node) {
    return node.resource_type == resource_type && fnmatch(node.package, package) &&
           fnmatch(node.name, name);
  };
}

Predicate test_type_predicate(const std::string& value) {
  // dbt tests `value in ("data")`, which is a substring test on the string "data" (so "dat"
  // also means data tests); kept as dbt behaves.
  auto is_part_of = [&](std::string_view word) { return word.find(value) != word.npos; };
  if (value == "generic" || value == "schema") return is_generic_test;
  if (is_part_of("data")) {
    return [](const GraphNode& node) { return is_test(node); };
  }
  if (is_part_of("singular")) return is_singular_test;
  if (is_part_of("unit")) return is_unit_test;
  throw SelectionError(fmt::format(
      "Invalid test type selector {}: expected \"generic\", \"singular\", \"unit\", or \"data\"",
      value));
}

Predicate test_name_predicate(const std::string& value) {
  return [=](const GraphNode& node) {
    if (is_generic_test(node)) return fnmatch(node.test_metadata_name, value);
    return is_unit_test(node) && fnmatch(node.name, value);
  };
}

std::string file_stem(std::string_view file_name) {
  size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::string(file_name);
  return std::string(file_name.substr(0, dot));
}

Predicate file_predicate(const std::string& value) {
  return [=](const GraphNode& node) {
    std::string_view path = node.original_file_path;
    size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return fnmatch(name, value) || fnmatch(file_stem(name), value);
  };
}

// Versions compare as numbers when both are numbers, else as text (dbt's UnparsedVersion).
bool version_less(const std::string& a, const std::string& b) {
  char* end_a = nullptr;
  char* end_b = nullptr;
  double number_a = std::strtod(a.c_str(), &end_a);
  double number_b = std::strtod(b.c_str(), &end_b);
  bool both_numbers = !a.empty() && !b.empty() && *end_a == '\0' && *end_b == '\0';
  return both_numbers ? number_a < number_b : a < b;
}

Predicate version_predicate(const std::string& value) {
  auto is_model = [](const GraphNode& node) { return node.resource_type == "model"; };
  auto versioned = [=](const GraphNode& node) {
    return is_model(node) && !node.version.empty() && !node.latest_version.empty();
  };
  if (value == "latest") {
    return [=](const GraphNode& node) {
      return is_model(node) && !node.version.empty() && node.version == node.latest_version;
    };
  }
  if (value == "prerelease") {
    return [=](const GraphNode& node) {
      return versioned(node) && version_less(node.latest_version, node.version);
    };
  }
  if (value == "old") {
    return [=](const GraphNode& node) {
      return versioned(node) && version_less(node.version, node.latest_version);
    };
  }
  if (value == "none") {
    return [=](const GraphNode& node) { return is_model(node) && node.version.empty(); };
  }
  throw SelectionError(fmt::format(
      "Invalid version type selector {}: expected one of: \"latest\", \"prerelease\", \"old\", "
      "or \"none\"",
      value));
}

std::string normalized_path(std::string_view path) {
  std::string out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (!part.empty() && part != ".") {
      if (!out.empty()) out += '/';
      out += part;
    }
    start = slash + 1;
  }
  return out;
}

std::vector<std::string> paths_of_project(const Dag& dag, const std::string& root_project) {
  std::vector<std::string> paths;
  for (NodeIndex i = 0; i < dag.size(); ++i) {
    const GraphNode& node = dag.node(i);
    if (!root_project.empty() && node.package != root_project) continue;
    std::string file = normalized_path(node.original_file_path);
    for (std::string& folder : parent_folders(file))
      paths.push_back(std::move(folder));
    paths.push_back(std::move(file));
    if (!node.patch_path.empty()) paths.push_back(normalized_path(node.patch_path));
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

}  // namespace

SelectorMethods::SelectorMethods(const Dag& dag, std::string root_project)
    : dag_(dag),
      root_project_(std::move(root_project)),
      root_paths_(paths_of_project(dag, root_project_)) {}

void SelectorMethods::set_external_method(Method method, ExternalMethod answer) {
  external_[method] = std::move(answer);
}

NodeSet SelectorMethods::search(const SelectionCriteria& criteria) const {
  return nodes_where(predicate_for(criteria));
}

NodeSet SelectorMethods::nodes_where(const Predicate& predicate) const {
  NodeSet out = dag_.empty_set();
  for (NodeIndex i = 0; i < dag_.size(); ++i) {
    if (predicate(dag_.node(i))) out.insert(i);
  }
  return out;
}

Predicate SelectorMethods::path_predicate(const std::string& pattern) const {
  std::vector<std::string> components = split_path_pattern(pattern);
  auto matched = std::make_shared<std::unordered_set<std::string>>();
  for (const std::string& path : root_paths_) {
    if (path_glob_match(path, components)) matched->insert(path);
  }
  return [matched](const GraphNode& node) {
    std::string file = normalized_path(node.original_file_path);
    if (matched->count(file) != 0) return true;
    if (!node.patch_path.empty() && matched->count(normalized_path(node.patch_path)) != 0) {
      return true;
    }
    for (const std::string& folder : parent_folders(file)) {
      if (matched->count(folder) != 0) return true;
    }
    return false;
  };
}

Predicate SelectorMethods::external_predicate(const SelectionCriteria& criteria) const {
  auto it = external_.find(criteria.method);
  if (it == external_.end()) {
    throw SelectionError(fmt::format(
        "selector '{}' uses the '{}' method, which compares with a previous run's artifacts; "
        "Kiln does not support it yet. Select by name, tag, path or config instead",
        criteria.raw, method_name(criteria.method)));
  }
  ExternalMethod answer = it->second;
  return [answer, criteria](const GraphNode& node) { return answer(node, criteria); };
}

Predicate SelectorMethods::predicate_for(const SelectionCriteria& criteria) const {
  const std::string& value = criteria.value;
  switch (criteria.method) {
    case Method::Fqn:
      return [=](const GraphNode& node) {
        return !is_source(node) && fqn_matches(node.fqn, value, !node.version.empty());
      };
    case Method::Tag:
      return [=](const GraphNode& node) {
        return std::any_of(node.tags.begin(), node.tags.end(),
                           [&](const std::string& tag) { return fnmatch(tag, value); });
      };
    case Method::Group:
      return [=](const GraphNode& node) {
        if (!is_manifest_node_type(node.resource_type) && node.resource_type != "metric") {
          return false;
        }
        auto group = node.config.find("group");
        return group != node.config.end() && group->is_string() &&
               !group->get<std::string>().empty() && fnmatch(group->get<std::string>(), value);
      };
    case Method::Access:
      return [=](const GraphNode& node) {
        return node.resource_type == "model" && node.access == value;
      };
    case Method::Source:
      return source_predicate(value);
    case Method::Path:
      return path_predicate(value);
    case Method::File:
      return file_predicate(value);
    case Method::Package: {
      std::string package = value == "this" && !root_project_.empty() ? root_project_ : value;
      return [=](const GraphNode& node) { return fnmatch(node.package, package); };
    }
    case Method::Config:
      return [=](const GraphNode& node) {
        return is_configurable(node) &&
               config_matches(node.config, criteria.method_arguments, value, criteria.value_kind);
      };
    case Method::TestName:
      return test_name_predicate(value);
    case Method::TestType:
      return test_type_predicate(value);
    case Method::ResourceType:
      if (!is_node_type(value)) {
        throw SelectionError(fmt::format(
            "Invalid resource_type selector \"{}\"; use model, seed, snapshot, test, unit_test, "
            "source, exposure, analysis, operation, metric, semantic_model or saved_query",
            value));
      }
      return [=](const GraphNode& node) { return node.resource_type == value; };
    case Method::Exposure:
      return named_resource_predicate(value, "exposure", "exposure");
    case Method::Metric:
      return named_resource_predicate(value, "metric", "metric");
    case Method::SemanticModel:
      return named_resource_predicate(value, "semantic_model", "semantic_model");
    case Method::SavedQuery:
      return named_resource_predicate(value, "saved_query", "saved_query");
    case Method::UnitTest:
      return named_resource_predicate(value, "unit_test", "unit_test");
    case Method::Version:
      return version_predicate(value);
    case Method::State:
    case Method::Result:
    case Method::SourceStatus:
      return external_predicate(criteria);
  }
  throw SelectionError(fmt::format("selector '{}': unhandled method", criteria.raw));
}

}  // namespace kiln::graph
