#include "project/properties.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "project/yaml_fields.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;
using Keypath = std::vector<std::string>;

bool is_one_of(const std::string& key, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (key == k) return true;
  return false;
}

// SchemaYamlRenderer._is_norender_key: descriptions and tests are rendered later (with
// docs and with the test), hooks at run time.
bool is_norender_key(const Keypath& keypath) {
  if (!keypath.empty() &&
      is_one_of(keypath[0], {"tests", "data_tests", "description", "loaded_at_query"}))
    return true;
  if (keypath.size() == 2 &&
      is_one_of(keypath[1], {"tests", "data_tests", "description", "loaded_at_query"}))
    return true;
  if (keypath.size() >= 2 && keypath[0] == "config" &&
      is_one_of(keypath[1], {"pre_hook", "post_hook", "loaded_at_query"}))
    return true;
  if (keypath.size() == 5 && keypath[4] == "description") return true;
  if (keypath.size() >= 3 &&
      is_one_of(keypath[0], {"columns", "dimensions", "measures", "entities"}) &&
      is_one_of(keypath[2], {"tests", "data_tests", "description"}))
    return true;
  return false;
}

RenderFilter schema_render_filter(const std::string& section) {
  return [section](const Keypath& keypath) {
    if (keypath.empty()) return true;
    if (section == "sources") {
      if (is_one_of(keypath[0], {"description", "loaded_at_query"})) return false;
      if (keypath.size() >= 2 && keypath[0] == "config" && keypath[1] == "loaded_at_query")
        return false;
      if (keypath[0] == "tables" && keypath.size() > 2)
        return !is_norender_key(Keypath(keypath.begin() + 2, keypath.end()));
      return true;
    }
    if (section == "macros" && keypath[0] == "arguments")
      return !is_norender_key(Keypath(keypath.begin() + 1, keypath.end()));
    return !is_norender_key(keypath);
  };
}

// `tests:` is the old name of `data_tests:`; both at once is an error, as in dbt.
std::vector<YamlNode> tests_of(const YamlNode& entry) {
  const YamlNode* tests = entry.find("tests");
  const YamlNode* data_tests = entry.find("data_tests");
  if (tests != nullptr && data_tests != nullptr && !tests->is_null())
    throw ProjectError(tests->pos,
                       "both 'tests' and 'data_tests' are set; keep only "
                       "'data_tests' ('tests' is its old name)");
  const YamlNode* chosen = data_tests != nullptr ? data_tests : tests;
  if (chosen == nullptr || chosen->is_null()) return {};
  if (!chosen->is_sequence())
    throw ProjectError(chosen->pos,
                       fmt::format("data tests must be a list, not {}", chosen->kind_name()));
  return chosen->items;
}

std::string description_of(const YamlNode& entry) {
  return optional_string(entry, "description").value_or("");
}

std::optional<bool> optional_bool(const YamlNode& entry, const char* key) {
  const YamlNode* value = entry.find(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_scalar() || !value->scalar.is_boolean())
    throw ProjectError(value->pos, fmt::format("'{}' must be true or false", key));
  return value->scalar.get<bool>();
}

Json list_at(const YamlNode& entry, const char* key) {
  const YamlNode* value = entry.find(key);
  if (value == nullptr || value->is_null()) return Json::array();
  if (!value->is_sequence())
    throw ProjectError(value->pos,
                       fmt::format("'{}' must be a list, not {}", key, value->kind_name()));
  return value->to_json();
}

std::string entry_name(const YamlNode& entry, std::string_view section) {
  require_map(entry, fmt::format("an entry under '{}'", section));
  const YamlNode* name = entry.find("name");
  if (name == nullptr || name->is_null())
    throw ProjectError(entry.pos, fmt::format("this entry under '{}' has no 'name': add "
                                              "`name: ...`",
                                              section));
  return name->as_string("'name'");
}

ColumnProperties read_column(const YamlNode& entry) {
  ColumnProperties out;
  Column& column = out.column;
  column.name = entry_name(entry, "columns");
  column.pos = entry.pos;
  column.description = description_of(entry);
  column.data_type = optional_string(entry, "data_type");
  column.meta = optional_dict(entry, "meta");
  column.tags = tags_at(entry, "tags");
  column.quote = optional_bool(entry, "quote");
  column.constraints = list_at(entry, "constraints");
  column.config = optional_dict(entry, "config");
  column.granularity = json_or(entry, "granularity", nullptr);
  out.tests = tests_of(entry);
  return out;
}

std::vector<ColumnProperties> read_columns(const YamlNode& entry) {
  std::vector<ColumnProperties> out;
  const YamlNode* columns = entry.find("columns");
  if (columns == nullptr || columns->is_null()) return out;
  if (!columns->is_sequence())
    throw ProjectError(columns->pos, fmt::format("'columns' must be a list of columns, not {}",
                                                 columns->kind_name()));
  for (const auto& column : columns->items)
    out.push_back(read_column(column));
  return out;
}

// dbt moves these top-level keys into `config:` and refuses them in both places.
Json config_with_moved_keys(const YamlNode& entry, const std::string& path) {
  Json config = optional_dict(entry, "config");
  for (const char* key : {"meta", "docs", "group", "contract", "access"}) {
    const YamlNode* value = entry.find(key);
    if (value == nullptr) continue;
    if (config.contains(key))
      throw ProjectError(value->pos, fmt::format("in {}: '{}' is set both under 'config' and as "
                                                 "a top-level key; keep only the one under "
                                                 "'config'",
                                                 path, key));
    config[key] = value->to_json();
  }
  return config;
}

// dbt's IncludeExclude: include "*"/"all" or a list; exclude a list.
bool version_includes(const YamlNode& rule, const std::string& column) {
  auto matches = [&](const YamlNode* value) {
    if (value == nullptr || value->is_null()) return false;
    if (value->is_scalar()) {
      std::string v = value->as_string("include");
      return v == "*" || v == "all";
    }
    for (const auto& item : value->items)
      if (item.is_scalar() && item.as_string("column") == column) return true;
    return false;
  };
  const YamlNode* include = rule.find("include");
  bool included = include == nullptr ? true : matches(include);
  const YamlNode* exclude = rule.find("exclude");
  bool excluded = exclude != nullptr && exclude->is_sequence() && matches(exclude);
  return included && !excluded;
}

VersionProperties read_version(const YamlNode& entry, const std::vector<ColumnProperties>& base) {
  require_map(entry, "a model version");
  VersionProperties out;
  out.pos = entry.pos;
  const YamlNode* v = entry.find("v");
  if (v == nullptr || v->is_null() || !v->is_scalar())
    throw ProjectError(entry.pos, "this version has no 'v': add `v: 1`");
  out.v = v->scalar;
  out.defined_in = optional_string(entry, "defined_in");
  out.description = optional_string(entry, "description");
  out.config = optional_dict(entry, "config");
  out.constraints = list_at(entry, "constraints");
  if (entry.find("tests") != nullptr || entry.find("data_tests") != nullptr)
    out.tests = tests_of(entry);
  const YamlNode* columns = entry.find("columns");
  if (columns != nullptr && columns->is_sequence()) {
    const YamlNode* rule = nullptr;
    std::vector<ColumnProperties> own;
    for (const auto& item : columns->items) {
      if (item.is_map() && (item.find("include") || item.find("exclude"))) {
        if (rule != nullptr)
          throw ProjectError(item.pos, "a version can have at most one include/exclude element");
        rule = &item;
      } else {
        own.push_back(read_column(item));
      }
    }
    std::vector<ColumnProperties> all;
    for (const auto& column : base)
      if (rule == nullptr || version_includes(*rule, column.column.name)) all.push_back(column);
    for (auto& column : own)
      all.push_back(std::move(column));
    out.columns = std::move(all);
  }
  return out;
}

class FileReader {
 public:
  FileReader(PropertiesFile& file, const RenderValue& render) : file_(file), render_(render) {}

  void read(const YamlNode& root) {
    if (root.is_null()) return;
    require_map(root, "a YAML properties file");
    check_version(root);
    for (const auto& [key, value] : root.entries)
      read_section(key, value);
  }

 private:
  void check_version(const YamlNode& root) {
    const YamlNode* version = root.find("version");
    if (version == nullptr) return;  // optional since dbt 1.5
    if (!version->is_scalar() || !version->scalar.is_number_integer() ||
        version->scalar.get<int>() != 2)
      throw ProjectError(version->pos, "the properties 'version' must be 2: write `version: 2`");
  }

  std::vector<YamlNode> entries_of(const std::string& section, const YamlNode& value) {
    if (value.is_null()) return {};
    if (!value.is_sequence())
      throw ProjectError(value.pos, fmt::format("'{}' must be a list of entries (each starting "
                                                "with `- name:`), not {}",
                                                section, value.kind_name()));
    std::vector<YamlNode> entries = value.items;
    std::map<std::string, int> seen;
    for (auto& entry : entries) {
      std::string name = entry_name(entry, section);
      auto [it, fresh] = seen.emplace(name, entry.pos.line);
      if (!fresh && section != "unit_tests")
        throw ProjectError(entry.pos, fmt::format("'{}' is described twice under '{}' in this "
                                                  "file (first at line {}): a resource may be "
                                                  "described only once; remove one entry",
                                                  name, section, it->second));
      if (render_) render_yaml(entry, render_, schema_render_filter(section));
    }
    return entries;
  }

  void read_section(const std::string& key, const YamlNode& value) {
    static const std::map<std::string, ResourceType> node_sections = {
        {"models", ResourceType::Model},
        {"seeds", ResourceType::Seed},
        {"snapshots", ResourceType::Snapshot},
        {"analyses", ResourceType::Analysis}};
    if (key == "version") return;
    if (auto it = node_sections.find(key); it != node_sections.end()) {
      for (const auto& entry : entries_of(key, value))
        read_node(it->second, entry);
    } else if (key == "sources") {
      for (const auto& entry : entries_of(key, value))
        read_source(entry);
    } else if (key == "macros") {
      for (const auto& entry : entries_of(key, value))
        read_macro(entry);
    } else if (key == "exposures") {
      for (auto& entry : entries_of(key, value))
        file_.exposures.push_back(std::move(entry));
    } else if (key == "groups") {
      keep_raw(key, value, file_.groups);
    } else if (key == "semantic_models") {
      keep_raw(key, value, file_.semantic_models);
    } else if (key == "metrics") {
      keep_raw(key, value, file_.metrics);
    } else if (key == "saved_queries") {
      keep_raw(key, value, file_.saved_queries);
    } else if (key == "unit_tests") {
      keep_raw(key, value, file_.unit_tests);
    } else if (key == "data_tests") {
      // Properties of singular tests (dbt 1.9+): descriptions only; kept nowhere yet.
      entries_of(key, value);
    } else {
      file_.warnings.push_back(
          Warning{value.pos,
                  fmt::format("unknown top-level key '{}' in a properties file is ignored", key)});
    }
  }

  void keep_raw(const std::string& key, const YamlNode& value, std::vector<RawEntry>& out) {
    if (value.is_null()) return;
    if (!value.is_sequence())
      throw ProjectError(value.pos,
                         fmt::format("'{}' must be a list, not {}", key, value.kind_name()));
    for (const auto& entry : value.items)
      out.push_back(
          RawEntry{file_.package_name, file_.original_file_path, entry.to_json(), entry.pos});
  }

  void read_node(ResourceType type, const YamlNode& entry) {
    NodeProperties node;
    node.resource_type = type;
    node.name = entry_name(entry, "models");
    node.pos = entry.pos;
    node.original_file_path = file_.original_file_path;
    node.description = description_of(entry);
    node.config = config_with_moved_keys(entry, file_.original_file_path);
    node.columns = read_columns(entry);
    node.tests = tests_of(entry);
    node.constraints = list_at(entry, "constraints");
    node.quote_columns = optional_bool(entry, "quote_columns");
    if (type == ResourceType::Model) read_versions(entry, node);
    file_.nodes.push_back(std::move(node));
  }

  void read_versions(const YamlNode& entry, NodeProperties& node) {
    const YamlNode* versions = entry.find("versions");
    if (versions != nullptr && !versions->is_null()) {
      if (!versions->is_sequence())
        throw ProjectError(versions->pos, "'versions' must be a list of `- v: ...` entries");
      std::set<std::string> seen;
      for (const auto& item : versions->items) {
        node.versions.push_back(read_version(item, node.columns));
        if (!seen.insert(node.versions.back().v.dump()).second)
          throw ProjectError(item.pos, fmt::format("model '{}' lists version {} twice", node.name,
                                                   node.versions.back().v.dump()));
      }
    }
    const YamlNode* latest = entry.find("latest_version");
    if (latest == nullptr || latest->is_null()) return;
    node.latest_version = latest->to_json();
    bool known = false;
    for (const auto& version : node.versions)
      known = known || version.v == node.latest_version;
    if (!known)
      throw ProjectError(latest->pos, fmt::format("latest_version: {} is not one of model '{}' "
                                                  "versions",
                                                  node.latest_version.dump(), node.name));
  }

  SourceTableProperties read_table(const YamlNode& entry) {
    SourceTableProperties table;
    table.name = entry_name(entry, "tables");
    table.pos = entry.pos;
    table.description = description_of(entry);
    table.identifier = optional_string(entry, "identifier");
    table.meta = optional_dict(entry, "meta");
    table.tags = tags_at(entry, "tags");
    table.config = optional_dict(entry, "config");
    table.columns = read_columns(entry);
    table.tests = tests_of(entry);
    table.loaded_at_field_present = entry.find("loaded_at_field") != nullptr;
    table.loaded_at_field = optional_string(entry, "loaded_at_field");
    table.loaded_at_query = optional_string(entry, "loaded_at_query");
    if (const YamlNode* f = entry.find("freshness")) table.freshness = f->to_json();
    table.quoting = optional_dict(entry, "quoting");
    table.external = json_or(entry, "external", nullptr);
    table.docs = json_or(entry, "docs", nullptr);
    return table;
  }

  void read_source(const YamlNode& entry) {
    SourceProperties source;
    source.name = entry_name(entry, "sources");
    source.pos = entry.pos;
    source.original_file_path = file_.original_file_path;
    source.description = description_of(entry);
    source.database = optional_string(entry, "database");
    source.schema = optional_string(entry, "schema");
    source.loader = optional_string(entry, "loader");
    source.meta = optional_dict(entry, "meta");
    source.tags = tags_at(entry, "tags");
    source.config = optional_dict(entry, "config");
    source.loaded_at_field = optional_string(entry, "loaded_at_field");
    source.loaded_at_query = optional_string(entry, "loaded_at_query");
    if (const YamlNode* f = entry.find("freshness")) source.freshness = f->to_json();
    source.quoting = optional_dict(entry, "quoting");
    source.overrides = optional_string(entry, "overrides");
    const YamlNode* tables = entry.find("tables");
    if (tables != nullptr && !tables->is_null()) {
      if (!tables->is_sequence())
        throw ProjectError(tables->pos, "'tables' must be a list of `- name: ...` entries");
      std::map<std::string, int> seen;
      for (const auto& table : tables->items) {
        source.tables.push_back(read_table(table));
        auto [it, fresh] = seen.emplace(source.tables.back().name, table.pos.line);
        if (!fresh)
          throw ProjectError(table.pos,
                             fmt::format("table '{}' appears twice in source '{}' "
                                         "(first at line {}); remove one",
                                         source.tables.back().name, source.name, it->second));
      }
    }
    file_.sources.push_back(std::move(source));
  }

  void read_macro(const YamlNode& entry) {
    MacroPatch macro;
    macro.package_name = file_.package_name;
    macro.name = entry_name(entry, "macros");
    macro.description = description_of(entry);
    macro.arguments = list_at(entry, "arguments");
    macro.meta = optional_dict(entry, "meta");
    if (const YamlNode* docs = entry.find("docs"); docs != nullptr && docs->is_map())
      for (const auto& [k, v] : docs->entries)
        macro.docs[k] = v.to_json();
    macro.original_file_path = file_.original_file_path;
    macro.defined_at = entry.pos;
    file_.macros.push_back(std::move(macro));
  }

  PropertiesFile& file_;
  const RenderValue& render_;
};

}  // namespace

PropertiesFile parse_properties(const YamlDocument& document, const std::string& package_name,
                                const std::string& original_file_path,
                                const std::string& search_path, const std::string& path,
                                const RenderValue& render) {
  PropertiesFile file;
  file.package_name = package_name;
  file.original_file_path = original_file_path;
  file.search_path = search_path;
  file.path = path;
  file.warnings = document.warnings;
  FileReader(file, render).read(document.root);
  return file;
}

}  // namespace kiln::project
