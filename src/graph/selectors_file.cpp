#include "graph/selectors_file.h"

#include <cstdlib>
#include <optional>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "graph/errors.h"

namespace kiln::graph {

namespace {

using Kind = SelectionSpec::Kind;

// Reads one selectors.yml, keeping the file name and the selectors read so far (a
// `method: selector` may only name a selector defined above it, as in dbt).
class Reader {
 public:
  Reader(std::string file, const RenderString& render) : file_(std::move(file)), render_(render) {}

  std::vector<SelectorDefinition> read(const YAML::Node& root);

 private:
  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const;
  std::string text(const YAML::Node& scalar, std::string_view what) const;
  SelectorDefinition read_selector(const YAML::Node& entry) const;
  SelectionSpec definition(const YAML::Node& node, bool root_level) const;
  SelectionSpec set_operation(const YAML::Node& node, Kind kind) const;
  std::optional<SelectionSpec> exclusions(const YAML::Node& node) const;
  SelectionSpec dict_definition(const YAML::Node& node) const;
  SelectionSpec criteria_from_dict(const YAML::Node& node, const YAML::Node& method,
                                   const YAML::Node& value) const;
  SelectionSpec reused_selector(const YAML::Node& node) const;
  void check_list_of_definitions(const YAML::Node& list, std::string_view key) const;
  std::optional<int> depth(const YAML::Node& node, const char* key) const;
  bool flag(const YAML::Node& node, const char* key) const;

  std::string file_;
  const RenderString& render_;
  std::vector<SelectorDefinition> done_;
};

std::string keys_of(const YAML::Node& map) {
  std::string out;
  for (const auto& entry : map) {
    if (!out.empty()) out += ", ";
    out += entry.first.Scalar();
  }
  return out;
}

// PyYAML's plain-scalar types: selectors compare values with Python's ==.
ValueKind plain_scalar_kind(const std::string& text) {
  static const char* kBooleans[] = {"yes",  "Yes",  "YES",  "no",    "No",    "NO",
                                    "true", "True", "TRUE", "false", "False", "FALSE",
                                    "on",   "On",   "ON",   "off",   "Off",   "OFF"};
  for (const char* word : kBooleans) {
    if (text == word) return ValueKind::Boolean;
  }
  if (text.empty()) return ValueKind::Text;
  char* end = nullptr;
  std::strtoll(text.c_str(), &end, 10);
  if (*end == '\0') return ValueKind::Integer;
  std::strtod(text.c_str(), &end);
  if (*end == '\0' && text.find_first_of(".eE") != std::string::npos) return ValueKind::Float;
  return ValueKind::Text;
}

void Reader::fail(const YAML::Node& at, const std::string& message) const {
  int line = at.Mark().line >= 0 ? at.Mark().line + 1 : 0;
  throw SelectionError(fmt::format("{}:{}: {}", file_, line, message));
}

std::string Reader::text(const YAML::Node& scalar, std::string_view what) const {
  if (!scalar.IsScalar()) fail(scalar, fmt::format("{} must be a string", what));
  return render_ ? render_(scalar.Scalar()) : scalar.Scalar();
}

std::vector<SelectorDefinition> Reader::read(const YAML::Node& root) {
  // An empty file declares no selectors, as in dbt.
  if (!root || root.IsNull()) return {};
  if (!root.IsMap() || !root["selectors"]) {
    fail(root, "expected a top-level 'selectors:' key holding a list of selectors");
  }
  const YAML::Node list = root["selectors"];
  if (!list.IsSequence()) fail(list, "'selectors:' must be a list of selectors");
  for (const YAML::Node& entry : list) {
    SelectorDefinition selector = read_selector(entry);
    for (const SelectorDefinition& earlier : done_) {
      if (earlier.name == selector.name) {
        fail(entry, fmt::format("a selector named '{}' is already defined on line {}; give "
                                "each selector its own name",
                                selector.name, earlier.line));
      }
      if (earlier.is_default && selector.is_default) {
        fail(entry, fmt::format("Found multiple selectors with `default: true`: {} and {}",
                                earlier.name, selector.name));
      }
    }
    done_.push_back(std::move(selector));
  }
  return std::move(done_);
}

SelectorDefinition Reader::read_selector(const YAML::Node& entry) const {
  if (!entry.IsMap()) fail(entry, "each selector must be a mapping with name: and definition:");
  if (!entry["name"]) fail(entry, "this selector has no 'name:'");
  if (!entry["definition"]) fail(entry, "this selector has no 'definition:'");
  SelectorDefinition selector;
  selector.line = entry.Mark().line + 1;
  selector.name = text(entry["name"], "a selector's name");
  if (entry["description"]) selector.description = text(entry["description"], "description");
  if (const YAML::Node is_default = entry["default"]) {
    if (!is_default.IsScalar() || plain_scalar_kind(is_default.Scalar()) != ValueKind::Boolean) {
      fail(is_default, "'default:' must be true or false");
    }
    selector.is_default = is_default.as<bool>();
  }
  selector.spec = definition(entry["definition"], true);
  return selector;
}

SelectionSpec Reader::definition(const YAML::Node& node, bool root_level) const {
  if (node.IsScalar()) {
    // A string definition is one term: dbt does not split it on spaces or commas.
    try {
      return SelectionSpec::of(parse_criteria(text(node, "a definition")));
    } catch (const SelectionError& error) {
      fail(node, error.what());
    }
  }
  if (!node.IsMap()) {
    fail(node,
         "Valid root-level selector definitions: union, intersection, string, dictionary. "
         "No lists.");
  }
  bool is_set_operation = node["union"] || node["intersection"];
  if (root_level && is_set_operation && node.size() > 1) {
    fail(node, fmt::format("Only a single 'union' or 'intersection' key is allowed in a root "
                           "level selector definition; found {}.",
                           keys_of(node)));
  }
  if (node["union"]) return set_operation(node, Kind::Union);
  if (node["intersection"]) return set_operation(node, Kind::Intersection);
  return dict_definition(node);
}

void Reader::check_list_of_definitions(const YAML::Node& list, std::string_view key) const {
  if (!list.IsSequence())
    fail(list, fmt::format("Invalid value for key \"{}\". Expected a list.", key));
  for (const YAML::Node& item : list) {
    if (!item.IsScalar() && !item.IsMap()) {
      fail(item, fmt::format("Invalid value in key \"{}\": expected a string or a mapping", key));
    }
  }
}

SelectionSpec Reader::set_operation(const YAML::Node& node, Kind kind) const {
  const char* key = kind == Kind::Union ? "union" : "intersection";
  const YAML::Node list = node[key];
  check_list_of_definitions(list, key);
  std::vector<SelectionSpec> parts;
  std::optional<SelectionSpec> excluded;
  for (const YAML::Node& item : list) {
    if (item.IsMap() && item["exclude"]) {
      if (excluded) {
        fail(item,
             "You cannot provide multiple exclude arguments to the same selector set "
             "operator; put all exclusions in one 'exclude:' list");
      }
      excluded = exclusions(item);
    } else {
      parts.push_back(definition(item, false));
    }
  }
  // Groups from selectors.yml take in held-back tests eagerly (not at all), as in dbt.
  SelectionSpec group = SelectionSpec::group(kind, std::move(parts), IndirectSelection::Eager);
  if (!excluded) return group;
  std::vector<SelectionSpec> difference;
  difference.push_back(std::move(group));
  difference.push_back(std::move(*excluded));
  return SelectionSpec::group(Kind::Difference, std::move(difference), IndirectSelection::Eager);
}

std::optional<SelectionSpec> Reader::exclusions(const YAML::Node& node) const {
  const YAML::Node list = node["exclude"];
  check_list_of_definitions(list, "exclude");
  std::vector<SelectionSpec> parts;
  for (const YAML::Node& item : list)
    parts.push_back(definition(item, false));
  if (parts.empty()) return std::nullopt;
  if (parts.size() == 1) return std::move(parts.front());
  return SelectionSpec::group(Kind::Union, std::move(parts), IndirectSelection::Eager);
}

SelectionSpec Reader::dict_definition(const YAML::Node& node) const {
  if (node.size() == 1) {
    const auto entry = *node.begin();
    return criteria_from_dict(node, entry.first, entry.second);
  }
  if (node["method"] && node["method"].IsScalar() && node["method"].Scalar() == "selector") {
    return reused_selector(node);
  }
  if (!node["method"] || !node["value"]) {
    fail(node, fmt::format("Expected either 1 key or else \"method\" and \"value\" keys, but "
                           "got [{}]",
                           keys_of(node)));
  }
  SelectionSpec base = criteria_from_dict(node, node["method"], node["value"]);
  std::optional<SelectionSpec> excluded;
  if (node["exclude"]) excluded = exclusions(node);
  if (!excluded) return base;
  std::vector<SelectionSpec> difference;
  difference.push_back(std::move(base));
  difference.push_back(std::move(*excluded));
  return SelectionSpec::group(Kind::Difference, std::move(difference), IndirectSelection::Eager);
}

SelectionSpec Reader::reused_selector(const YAML::Node& node) const {
  std::string name = text(node["value"], "the selector's name");
  for (const SelectorDefinition& earlier : done_) {
    if (earlier.name == name) return earlier.spec;
  }
  fail(node, fmt::format("Existing selector definition for {} not found. A selector can only "
                         "reuse selectors defined above it in the file",
                         name));
}

std::optional<int> Reader::depth(const YAML::Node& node, const char* key) const {
  const YAML::Node value = node[key];
  if (!value || value.IsNull()) return std::nullopt;
  std::string written = value.IsScalar() ? value.Scalar() : "";
  char* end = nullptr;
  long depth = std::strtol(written.c_str(), &end, 10);
  if (written.empty() || *end != '\0' || depth < 0) {
    fail(value, fmt::format("Invalid node spec - could not handle {} '{}'; expected a "
                            "non-negative whole number",
                            key, written));
  }
  // dbt reads 0 as "not given": all ancestors / descendants.
  if (depth == 0) return std::nullopt;
  return static_cast<int>(depth);
}

bool Reader::flag(const YAML::Node& node, const char* key) const {
  const YAML::Node value = node[key];
  if (!value || value.IsNull()) return false;
  if (!value.IsScalar() || plain_scalar_kind(value.Scalar()) != ValueKind::Boolean) {
    fail(value, fmt::format("'{}:' must be true or false", key));
  }
  return value.as<bool>();
}

SelectionSpec Reader::criteria_from_dict(const YAML::Node& node, const YAML::Node& method,
                                         const YAML::Node& value) const {
  std::string method_text = text(method, "a selector method");
  if (!value.IsScalar()) {
    fail(value, fmt::format("the value of '{}' must be a single string; use union: to combine "
                            "several values",
                            method_text));
  }
  std::string value_text = text(value, "a selector value");
  SelectionCriteria criteria;
  criteria.raw = method_text + ":" + value_text;
  try {
    assign_method(criteria, method_text);
  } catch (const SelectionError& error) {
    fail(method, error.what());
  }
  criteria.value = value_text;
  bool plain = value.Tag() == "?";
  criteria.value_kind =
      plain && value_text == value.Scalar() ? plain_scalar_kind(value_text) : ValueKind::Text;
  if (node.size() > 1) {
    criteria.childrens_parents = flag(node, "childrens_parents");
    criteria.parents = flag(node, "parents");
    criteria.children = flag(node, "children");
    criteria.parents_depth = depth(node, "parents_depth");
    criteria.children_depth = depth(node, "children_depth");
    if (const YAML::Node mode = node["indirect_selection"]) {
      try {
        criteria.indirect_selection = parse_indirect_selection(text(mode, "indirect_selection"));
      } catch (const SelectionError& error) {
        fail(mode, error.what());
      }
    }
  }
  if (criteria.childrens_parents && criteria.children) {
    fail(node, fmt::format("Invalid node spec {} - \"@\" prefix and \"+\" suffix are "
                           "incompatible (childrens_parents and children)",
                           criteria.raw));
  }
  return SelectionSpec::of(std::move(criteria));
}

}  // namespace

SelectorsFile SelectorsFile::parse(std::string_view yaml_text, const std::string& file_name,
                                   const RenderString& render) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    throw SelectionError(fmt::format("{}:{}: this is not valid YAML: {}", file_name,
                                     error.mark.line + 1, error.msg));
  }
  SelectorsFile file;
  file.selectors_ = Reader(file_name, render).read(root);
  return file;
}

const SelectorDefinition* SelectorsFile::find(std::string_view name) const {
  for (const SelectorDefinition& selector : selectors_) {
    if (selector.name == name) return &selector;
  }
  return nullptr;
}

const SelectorDefinition* SelectorsFile::default_selector() const {
  for (const SelectorDefinition& selector : selectors_) {
    if (selector.is_default) return &selector;
  }
  return nullptr;
}

const SelectionSpec& SelectorsFile::spec_named(std::string_view name) const {
  if (const SelectorDefinition* selector = find(name)) return selector->spec;
  std::string names;
  for (const SelectorDefinition& selector : selectors_) {
    if (!names.empty()) names += ", ";
    names += "'" + selector.name + "'";
  }
  throw SelectionError(
      fmt::format("Could not find selector named {}, expected one of [{}]", name, names));
}

}  // namespace kiln::graph
