#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "project/file_discovery.h"
#include "project/generic_test.h"
#include "project/named_blocks.h"
#include "project/project.h"
#include "project/properties.h"
#include "project/python_repr.h"
#include "project/source_freshness.h"
#include "project/yaml_fields.h"

namespace kiln::project {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string stem_of(const std::string& path) {
  return fs::path(path).stem().string();
}

// [package, folders of `path`..., name]: dbt's fqn for a node read from a file.
std::vector<std::string> file_fqn(const std::string& package, const std::string& path,
                                  const std::string& name) {
  std::vector<std::string> fqn = {package};
  fs::path parent = fs::path(path).parent_path();
  for (const auto& part : parent)
    if (!part.empty() && part != ".") fqn.push_back(part.string());
  fqn.push_back(name);
  return fqn;
}

// dbt_common's deep_merge: nested dicts merge, anything else is replaced.
Json deep_merged(const Json& base, const Json& update) {
  Json out = base.is_object() ? base : Json::object();
  for (const auto& item : update.items()) {
    if (item.value().is_object() && out.contains(item.key()) && out[item.key()].is_object()) {
      out[item.key()] = deep_merged(out[item.key()], item.value());
    } else {
      out[item.key()] = item.value();
    }
  }
  return out;
}

std::string quoted_column(const std::string& name) {
  return "\"" + name + "\"";
}

// A YAML entry and the node it describes, kept until the tests are built.
struct Patch {
  const NodeProperties* properties = nullptr;
  const PropertiesFile* file = nullptr;
};

class Loader {
 public:
  Loader(Project& project, const LoadOptions& options) : project_(project), options_(options) {}

  void load_package(const ProjectConfig& config) {
    ProjectFiles files = discover_files(config);
    const std::string& package = config.name;
    const std::string root = config.root.string();
    reject_python_models(files);
    for (const auto& file : files.models)
      add_sql_node(project_.models, ResourceType::Model, package, root, file);
    for (const auto& file : files.seeds)
      add_seed(package, root, file);
    for (const auto& file : files.snapshots)
      add_snapshots(package, root, file);
    for (const auto& file : files.analyses)
      add_sql_node(project_.analyses, ResourceType::Analysis, package, root, file);
    for (const auto& file : files.singular_tests)
      add_sql_node(project_.singular_tests, ResourceType::Test, package, root, file);
    for (const auto& file : files.macros)
      project_.macro_files.push_back(
          MacroFile{package, file.original_file_path, file.path, root,
                    read_text_file(file.absolute_path, file.original_file_path)});
    for (const auto& file : files.docs) {
      std::string text = read_text_file(file.absolute_path, file.original_file_path);
      std::vector<NamedBlock> blocks = find_named_blocks(text, "docs", file.original_file_path);
      project_.docs_files.push_back(DocsFile{package, file.original_file_path, file.path,
                                             std::move(text), std::move(blocks)});
    }
    for (const auto& file : files.properties) {
      YamlDocument doc = read_yaml_file(file.absolute_path, file.original_file_path);
      property_files_.push_back(parse_properties(doc, package, file.original_file_path,
                                                 file.search_path, file.path,
                                                 options_.render_properties));
      property_roots_.push_back(root);
    }
  }

  void finish() {
    apply_node_patches();
    build_sources();
    collect_other_properties();
    resolve_configs();
    check_unique_names();
    build_generic_tests();
    drop_disabled();
  }

 private:
  void reject_python_models(const ProjectFiles& files) {
    if (files.python_models.empty()) return;
    const auto& file = files.python_models.front();
    throw ProjectError(SourcePos{file.original_file_path},
                       "Python models are not supported by Kiln: rewrite this model in SQL, or "
                       "move it out of the model paths (or list it in .dbtignore)");
  }

  template <typename Node>
  Node file_node(ResourceType type, const std::string& package, const std::string& root,
                 const ProjectFile& file, const std::string& name) {
    Node node;
    node.resource_type = type;
    node.name = name;
    node.package_name = package;
    node.unique_id = fmt::format("{}.{}.{}", to_string(type), package, name);
    node.fqn = file_fqn(package, file.path, name);
    node.original_file_path = file.original_file_path;
    node.path = file.path;
    node.root_path = root;
    node.defined_at = SourcePos{file.original_file_path, 1, 1};
    return node;
  }

  template <typename Node>
  void add_sql_node(std::vector<Node>& out, ResourceType type, const std::string& package,
                    const std::string& root, const ProjectFile& file) {
    Node node = file_node<Node>(type, package, root, file, stem_of(file.path));
    node.raw_code = read_text_file(file.absolute_path, file.original_file_path);
    out.push_back(std::move(node));
  }

  void add_seed(const std::string& package, const std::string& root, const ProjectFile& file) {
    project_.seeds.push_back(
        file_node<Seed>(ResourceType::Seed, package, root, file, stem_of(file.path)));
  }

  void add_snapshots(const std::string& package, const std::string& root, const ProjectFile& file) {
    std::string text = read_text_file(file.absolute_path, file.original_file_path);
    for (auto& block : find_named_blocks(text, "snapshot", file.original_file_path)) {
      Snapshot node = file_node<Snapshot>(ResourceType::Snapshot, package, root, file, block.name);
      node.raw_code = std::move(block.body);
      node.defined_at = SourcePos{file.original_file_path, block.line, 1};
      project_.snapshots.push_back(std::move(node));
    }
  }

  // --- YAML properties of models, seeds, snapshots, analyses -------------------------

  NodeCommon* find_node(ResourceType type, const std::string& package, const std::string& name) {
    auto search = [&](auto& nodes) -> NodeCommon* {
      for (auto& node : nodes)
        if (node.package_name == package && node.name == name &&
            node.unique_id == fmt::format("{}.{}.{}", to_string(type), package, name))
          return &node;
      return nullptr;
    };
    switch (type) {
      case ResourceType::Model:
        return search(project_.models);
      case ResourceType::Seed:
        return search(project_.seeds);
      case ResourceType::Snapshot:
        return search(project_.snapshots);
      case ResourceType::Analysis:
        return search(project_.analyses);
      default:
        return nullptr;
    }
  }

  void apply_node_patches() {
    std::map<std::tuple<ResourceType, std::string, std::string>, std::string> described;
    for (const auto& file : property_files_) {
      for (const auto& props : file.nodes) {
        auto key = std::make_tuple(props.resource_type, file.package_name, props.name);
        auto [it, fresh] = described.emplace(key, file.original_file_path);
        if (!fresh)
          throw ProjectError(props.pos, fmt::format("'{}' is described twice in YAML properties "
                                                    "(also in {}); a resource and its columns "
                                                    "may be described only once: remove one "
                                                    "entry",
                                                    props.name, it->second));
        if (props.resource_type == ResourceType::Snapshot &&
            find_node(ResourceType::Snapshot, file.package_name, props.name) == nullptr) {
          // dbt 1.9 lets YAML define a snapshot from a relation; Kiln does not yet.
          warn(props.pos, fmt::format("no snapshot file defines '{}' (snapshots defined only in "
                                      "YAML are not supported by Kiln yet)",
                                      props.name));
          continue;
        }
        if (props.resource_type == ResourceType::Model && !props.versions.empty()) {
          apply_versions(props, file);
        } else {
          apply_patch(props, file);
        }
      }
    }
  }

  void warn(const SourcePos& where, std::string message) {
    project_.warnings.push_back(Warning{where, std::move(message)});
  }

  static std::vector<Column> columns_of(const std::vector<ColumnProperties>& columns) {
    std::vector<Column> out;
    for (const auto& column : columns)
      out.push_back(column.column);
    return out;
  }

  void apply_patch(const NodeProperties& props, const PropertiesFile& file) {
    NodeCommon* node = find_node(props.resource_type, file.package_name, props.name);
    if (node == nullptr) {
      warn(props.pos, fmt::format("did not find a {} named '{}' for this YAML entry; check the "
                                  "name or the file's location",
                                  to_string(props.resource_type), props.name));
      pending_tests_.push_back(
          PendingTests{&props, &file, std::nullopt, props.tests, props.columns});
      return;
    }
    node->description = props.description;
    node->columns = columns_of(props.columns);
    node->patch_config = props.config;
    node->patch_path = fmt::format("{}://{}", file.package_name, file.original_file_path);
    if (props.resource_type == ResourceType::Model) {
      auto* model = static_cast<Model*>(node);
      model->constraints = props.constraints;
    }
    pending_tests_.push_back(PendingTests{&props, &file, std::nullopt, props.tests, props.columns});
  }

  static Json latest_version_of(const NodeProperties& props) {
    if (!props.latest_version.is_null()) return props.latest_version;
    // max(versions).v: numbers compare as numbers, otherwise as strings.
    Json latest = props.versions.front().v;
    for (const auto& version : props.versions) {
      const Json& v = version.v;
      bool greater = (v.is_number() && latest.is_number()) ? v.get<double>() > latest.get<double>()
                                                           : python_str(v) > python_str(latest);
      if (greater) latest = v;
    }
    return latest;
  }

  void apply_versions(const NodeProperties& props, const PropertiesFile& file) {
    Json latest = latest_version_of(props);
    for (const auto& version : props.versions) {
      std::string v = python_str(version.v);
      std::string file_name = version.defined_in.value_or(props.name + "_v" + v);
      NodeCommon* found = find_node(ResourceType::Model, file.package_name, file_name);
      if (found == nullptr && version.v == latest)
        found = find_node(ResourceType::Model, file.package_name, props.name);
      if (found == nullptr) {
        warn(version.pos, fmt::format("no model file '{}' for version {} of model '{}'", file_name,
                                      v, props.name));
        continue;
      }
      auto* model = static_cast<Model*>(found);
      model->unique_id = fmt::format("model.{}.{}.v{}", file.package_name, props.name, v);
      model->name = props.name;
      model->fqn.back() = props.name;
      model->fqn.push_back("v" + v);
      model->version = version.v;
      model->latest_version = latest;
      model->description = version.description.value_or(props.description);
      const auto& columns = version.columns ? *version.columns : props.columns;
      model->columns = columns_of(columns);
      model->patch_config = deep_merged(props.config, version.config);
      model->constraints = version.constraints.empty() ? props.constraints : version.constraints;
      model->patch_path = fmt::format("{}://{}", file.package_name, file.original_file_path);
      pending_tests_.push_back(PendingTests{&props, &file, version.v,
                                            version.tests ? *version.tests : props.tests, columns});
    }
  }

  // --- sources ------------------------------------------------------------------------

  void build_sources() {
    std::set<std::string> seen;
    for (const auto& file : property_files_) {
      for (const auto& source : file.sources) {
        if (source.overrides)
          warn(source.pos, fmt::format("source '{}' overrides package '{}': source overrides "
                                       "are not supported by Kiln yet, so both are kept",
                                       source.name, *source.overrides));
        for (const auto& table : source.tables) {
          Source node = source_node(file, source, table);
          if (!seen.insert(node.unique_id).second)
            throw ProjectError(table.pos, fmt::format("source table '{}.{}' is defined twice; "
                                                      "remove one definition",
                                                      source.name, table.name));
          project_.sources.push_back(std::move(node));
          source_tests_.push_back(SourceTests{&file, &source, &table});
        }
      }
    }
  }

  static std::vector<std::string> sorted_tags(
      std::initializer_list<const std::vector<std::string>*> lists) {
    std::set<std::string> all;
    for (const auto* list : lists)
      all.insert(list->begin(), list->end());
    return {all.begin(), all.end()};
  }

  static std::vector<std::string> config_tags(const Json& config) {
    std::vector<std::string> tags;
    if (!config.contains("tags")) return tags;
    const Json& value = config["tags"];
    if (value.is_string()) return {value.get<std::string>()};
    if (value.is_array())
      for (const auto& tag : value)
        if (tag.is_string()) tags.push_back(tag.get<std::string>());
    return tags;
  }

  // SourcePatcher._generate_source_config: the YAML layer of a source table's config.
  static Json source_patch_config(const SourceProperties& source,
                                  const SourceTableProperties& table) {
    Json config = source.config;
    for (const auto& item : table.config.items())
      config[item.key()] = item.value();

    auto config_freshness = [](const Json& c) -> std::optional<Json> {
      if (!c.contains("freshness")) return Json::object();
      return c["freshness"];
    };
    Freshness merged = merge_source_freshness(
        {freshness_from_yaml(source.freshness),
         freshness_from_yaml(config_freshness(source.config)), freshness_from_yaml(table.freshness),
         freshness_from_yaml(config_freshness(table.config))});
    if (freshness_is_set(merged)) {
      config["freshness"] = *merged;
    } else if (!merged) {
      config["freshness"] = nullptr;
    } else {
      config.erase("freshness");
    }

    auto config_string = [](const Json& c, const char* key) -> std::optional<std::string> {
      if (c.contains(key) && c[key].is_string()) return c[key].get<std::string>();
      return std::nullopt;
    };
    std::optional<std::string> loaded_at_field;
    if (table.loaded_at_field_present || config_string(table.config, "loaded_at_field")) {
      loaded_at_field = table.loaded_at_field ? table.loaded_at_field
                                              : config_string(table.config, "loaded_at_field");
    } else {
      loaded_at_field = source.loaded_at_field ? source.loaded_at_field
                                               : config_string(source.config, "loaded_at_field");
    }
    std::optional<std::string> loaded_at_query;
    if (table.loaded_at_query || config_string(table.config, "loaded_at_query")) {
      loaded_at_query = table.loaded_at_query ? table.loaded_at_query
                                              : config_string(table.config, "loaded_at_query");
    } else if (!table.loaded_at_field_present) {
      loaded_at_query = source.loaded_at_query ? source.loaded_at_query
                                               : config_string(source.config, "loaded_at_query");
    }
    config["loaded_at_field"] = loaded_at_field ? Json(*loaded_at_field) : Json();
    config["loaded_at_query"] = loaded_at_query ? Json(*loaded_at_query) : Json();

    Json meta = source.meta;
    auto add_meta = [&meta](const Json& m) {
      if (m.is_object())
        for (const auto& item : m.items())
          meta[item.key()] = item.value();
    };
    add_meta(source.config.contains("meta") ? source.config["meta"] : Json());
    add_meta(table.meta);
    add_meta(table.config.contains("meta") ? table.config["meta"] : Json());
    config["meta"] = meta;

    std::vector<std::string> source_config_tags = config_tags(source.config);
    std::vector<std::string> table_config_tags = config_tags(table.config);
    config["tags"] =
        sorted_tags({&source.tags, &source_config_tags, &table.tags, &table_config_tags});
    return config;
  }

  Source source_node(const PropertiesFile& file, const SourceProperties& source,
                     const SourceTableProperties& table) {
    Source node;
    node.resource_type = ResourceType::Source;
    node.name = table.name;
    node.package_name = file.package_name;
    node.unique_id = fmt::format("source.{}.{}.{}", file.package_name, source.name, table.name);
    node.fqn = file_fqn(file.package_name, file.path, source.name);
    node.fqn.push_back(table.name);
    node.original_file_path = file.original_file_path;
    node.path = file.original_file_path;
    node.root_path = root_of(file);
    node.description = table.description;
    node.columns = columns_of(table.columns);
    node.source_name = source.name;
    node.source_description = source.description;
    node.source_meta = source.meta;
    if (source.config.contains("meta") && source.config["meta"].is_object())
      for (const auto& item : source.config["meta"].items())
        node.source_meta[item.key()] = item.value();
    node.database = source.database;
    node.schema = source.schema.value_or(source.name);
    node.identifier = table.identifier.value_or(table.name);
    node.loader = source.loader;
    node.quoting = source.quoting;
    for (const auto& item : table.quoting.items())
      if (!item.value().is_null()) node.quoting[item.key()] = item.value();
    node.external = table.external;
    node.patch_config = source_patch_config(source, table);
    node.patch_path = fmt::format("{}://{}", file.package_name, file.original_file_path);
    node.defined_at = table.pos;
    return node;
  }

  const std::string& root_of(const PropertiesFile& file) const {
    for (size_t i = 0; i < property_files_.size(); ++i)
      if (&property_files_[i] == &file) return property_roots_[i];
    return project_.root.root.native();
  }

  // --- exposures and the entries Kiln keeps raw ---------------------------------------

  void collect_other_properties() {
    for (const auto& file : property_files_) {
      for (const auto& entry : file.exposures)
        project_.exposures.push_back(exposure(file, entry));
      for (const auto& macro : file.macros)
        project_.macro_patches.push_back(macro);
      auto append = [](std::vector<RawEntry>& to, const std::vector<RawEntry>& from) {
        to.insert(to.end(), from.begin(), from.end());
      };
      append(project_.groups, file.groups);
      append(project_.semantic_models, file.semantic_models);
      append(project_.metrics, file.metrics);
      append(project_.saved_queries, file.saved_queries);
      append(project_.unit_tests, file.unit_tests);
      for (const auto& warning : file.warnings)
        project_.warnings.push_back(warning);
    }
  }

  Exposure exposure(const PropertiesFile& file, const YamlNode& entry) {
    Exposure out;
    out.name = required_string(entry, "name", "an exposure");
    out.package_name = file.package_name;
    out.unique_id = fmt::format("exposure.{}.{}", file.package_name, out.name);
    out.fqn = file_fqn(file.package_name, file.path, out.name);
    out.original_file_path = file.original_file_path;
    out.path = file.path;
    out.type = required_string(entry, "type", fmt::format("exposure '{}'", out.name));
    const YamlNode* owner = entry.find("owner");
    if (owner == nullptr || !owner->is_map() || (!owner->find("name") && !owner->find("email")))
      throw ProjectError(entry.pos, fmt::format("exposure '{}' needs an 'owner' with a 'name' or "
                                                "an 'email'",
                                                out.name));
    out.owner = owner->to_json();
    out.description = optional_string(entry, "description").value_or("");
    out.label = optional_string(entry, "label");
    out.maturity = optional_string(entry, "maturity");
    out.url = optional_string(entry, "url");
    out.depends_on =
        optional_string_list(entry, "depends_on", false).value_or(std::vector<std::string>{});
    out.tags = tags_at(entry, "tags");
    out.meta = optional_dict(entry, "meta");
    Json patch = optional_dict(entry, "config");
    out.config = resolve(ResourceType::Exposure, out.package_name, out.fqn, patch, entry.pos);
    std::vector<std::string> tags = config_tags(out.config);
    out.tags = sorted_tags({&out.tags, &tags});
    if (out.config.contains("meta") && !out.config["meta"].empty())
      out.meta = deep_merged(out.meta, out.config["meta"]);
    out.defined_at = entry.pos;
    return out;
  }

  // --- configs ------------------------------------------------------------------------

  Json resolve(ResourceType type, const std::string& package, const std::vector<std::string>& fqn,
               const Json& patch_config, const SourcePos& where) {
    try {
      return project_.configs.resolve(type, package, fqn, patch_config, Json::object());
    } catch (const std::invalid_argument& e) {
      throw ProjectError(where, fmt::format("{}: fix it here or in dbt_project.yml", e.what()));
    }
  }

  // update_parsed_node_config: the node-level fields that follow the config.
  static void adopt_config(NodeCommon& node) {
    const Json& config = node.config;
    for (const auto& tag : config_tags(config))
      if (std::find(node.tags.begin(), node.tags.end(), tag) == node.tags.end())
        node.tags.push_back(tag);
    if (config.contains("meta") && config["meta"].is_object() && !config["meta"].empty())
      node.meta = config["meta"];
    if (config.contains("docs") && config["docs"].is_object() && !config["docs"].empty()) {
      const Json& docs = config["docs"];
      Json merged = {{"show", docs.contains("show") ? docs["show"] : node.docs["show"]},
                     {"node_color", docs.contains("node_color") ? docs["node_color"] : Json()}};
      node.docs = merged;
    }
  }

  template <typename Node>
  void resolve_all(std::vector<Node>& nodes) {
    for (auto& node : nodes) {
      node.config = resolve(node.resource_type, node.package_name, node.fqn, node.patch_config,
                            node.defined_at);
      adopt_config(node);
    }
  }

  void resolve_configs() {
    resolve_all(project_.models);
    resolve_all(project_.seeds);
    resolve_all(project_.snapshots);
    resolve_all(project_.analyses);
    resolve_all(project_.singular_tests);
    resolve_all(project_.sources);
    for (auto& model : project_.models) {
      const Json& access = model.config["access"];
      std::string value = access.is_string() ? access.get<std::string>() : "";
      if (value != "private" && value != "protected" && value != "public")
        throw ProjectError(model.defined_at, fmt::format("model '{}' has access '{}'; use "
                                                         "private, protected or public",
                                                         model.name, access.dump()));
      model.access = value;
      if (model.config["group"].is_string()) model.group = model.config["group"].get<std::string>();
    }
    for (auto& source : project_.sources) {
      const Json& config = source.config;
      source.meta = config["meta"];
      source.tags = config_tags(config);
      source.freshness = config["freshness"];
      if (config["loaded_at_field"].is_string())
        source.loaded_at_field = config["loaded_at_field"].get<std::string>();
      if (config["loaded_at_query"].is_string())
        source.loaded_at_query = config["loaded_at_query"].get<std::string>();
    }
  }

  // dbt refuses two refable resources (models, seeds, snapshots) with one name in a
  // package: ref() could not tell them apart.
  void check_unique_names() {
    std::map<std::pair<std::string, std::string>, std::string> seen;
    auto check = [&](const auto& nodes) {
      for (const auto& node : nodes) {
        if (!is_enabled(node.config)) continue;
        std::string key_name = node.name;
        if constexpr (std::is_same_v<std::decay_t<decltype(node)>, Model>)
          if (!node.version.is_null()) key_name += ".v" + python_str(node.version);
        auto [it, fresh] =
            seen.emplace(std::make_pair(node.package_name, key_name), node.original_file_path);
        if (!fresh)
          throw ProjectError(node.defined_at,
                             fmt::format("dbt found two resources named '{}' in "
                                         "package '{}' (the other is {}): "
                                         "rename one or disable it",
                                         node.name, node.package_name, it->second));
      }
    };
    check(project_.models);
    check(project_.seeds);
    check(project_.snapshots);
  }

  static bool is_enabled(const Json& config) {
    return !(config.contains("enabled") && config["enabled"].is_boolean() &&
             !config["enabled"].get<bool>());
  }

  // --- generic tests ------------------------------------------------------------------

  struct PendingTests {
    const NodeProperties* properties;
    const PropertiesFile* file;
    std::optional<Json> version;
    std::vector<YamlNode> tests;
    std::vector<ColumnProperties> columns;
  };
  struct SourceTests {
    const PropertiesFile* file;
    const SourceProperties* source;
    const SourceTableProperties* table;
  };

  static std::vector<std::string> column_tags(const Column& column) {
    std::vector<std::string> tags = column.tags;
    for (const auto& tag : config_tags(column.config))
      if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    return tags;
  }

  void add_test(const YamlNode& entry, const GenericTestSite& site) {
    GenericTest test = build_generic_test(entry, site, options_.render_properties);
    test.config =
        resolve(ResourceType::Test, test.package_name, test.fqn, test.patch_config, entry.pos);
    for (const auto& tag : config_tags(test.config))
      if (std::find(test.tags.begin(), test.tags.end(), tag) == test.tags.end())
        test.tags.push_back(tag);
    project_.generic_tests.push_back(std::move(test));
  }

  void build_generic_tests() {
    for (const auto& pending : pending_tests_) {
      const NodeProperties& props = *pending.properties;
      GenericTestSite site;
      site.package_name = pending.file->package_name;
      site.root_path = root_of(*pending.file);
      site.original_file_path = pending.file->original_file_path;
      site.target.kind = TestTarget::Kind::Ref;
      site.target.name = props.name;
      site.target.resource_type = props.resource_type;
      site.target_test_name = props.name;
      if (pending.version) {
        site.target.version = *pending.version;
        site.target_test_name = props.name + "_v" + python_str(*pending.version);
      }
      site.file_key_name = fmt::format("{}.{}", section_of(props.resource_type), props.name);
      for (const auto& column : pending.columns) {
        bool quote = column.column.quote.value_or(props.quote_columns.value_or(false));
        site.column_name = quote ? quoted_column(column.column.name) : column.column.name;
        site.tags = column_tags(column.column);
        for (const auto& entry : column.tests)
          add_test(entry, site);
      }
      site.column_name.reset();
      site.tags.clear();
      for (const auto& entry : pending.tests)
        add_test(entry, site);
    }
    for (const auto& pending : source_tests_)
      build_source_tests(pending);
  }

  void build_source_tests(const SourceTests& pending) {
    const SourceProperties& source = *pending.source;
    const SourceTableProperties& table = *pending.table;
    GenericTestSite site;
    site.package_name = pending.file->package_name;
    site.root_path = root_of(*pending.file);
    site.original_file_path = pending.file->original_file_path;
    site.target.kind = TestTarget::Kind::Source;
    site.target.name = table.name;
    site.target.source_name = source.name;
    site.target.resource_type = ResourceType::Source;
    site.target_test_name = source.name + "_" + table.name;
    site.file_key_name = "sources." + source.name;
    // UnpatchedSourceDefinition.quote_columns: the table's quoting.column, else the source's.
    std::optional<bool> quote_columns;
    if (source.quoting.contains("column") && source.quoting["column"].is_boolean())
      quote_columns = source.quoting["column"].get<bool>();
    if (table.quoting.contains("column") && table.quoting["column"].is_boolean())
      quote_columns = table.quoting["column"].get<bool>();
    std::vector<std::string> base_tags = source.tags;
    base_tags.insert(base_tags.end(), table.tags.begin(), table.tags.end());
    site.tags = base_tags;
    for (const auto& entry : table.tests)
      add_test(entry, site);
    for (const auto& column : table.columns) {
      bool quote = column.column.quote.value_or(quote_columns.value_or(false));
      site.column_name = quote ? quoted_column(column.column.name) : column.column.name;
      site.tags = base_tags;
      for (const auto& tag : column_tags(column.column))
        site.tags.push_back(tag);
      for (const auto& entry : column.tests)
        add_test(entry, site);
    }
  }

  static const char* section_of(ResourceType type) {
    switch (type) {
      case ResourceType::Seed:
        return "seeds";
      case ResourceType::Snapshot:
        return "snapshots";
      case ResourceType::Analysis:
        return "analyses";
      default:
        return "models";
    }
  }

  // --- enabled: false -----------------------------------------------------------------

  template <typename Node>
  void move_disabled(std::vector<Node>& nodes, std::set<std::string>& disabled_ids) {
    std::vector<Node> kept;
    for (auto& node : nodes) {
      if (is_enabled(node.config)) {
        kept.push_back(std::move(node));
      } else {
        disabled_ids.insert(node.unique_id);
        project_.disabled.push_back(
            DisabledNode{node.resource_type, node.unique_id, node.original_file_path});
      }
    }
    nodes = std::move(kept);
  }

  // A test of a disabled node is disabled too (dbt disables it when it resolves refs).
  std::string tested_unique_id(const GenericTest& test) const {
    const TestTarget& target = test.attached_to;
    if (target.kind == TestTarget::Kind::Source)
      return fmt::format("source.{}.{}.{}", test.package_name, target.source_name, target.name);
    std::string id =
        fmt::format("{}.{}.{}", to_string(target.resource_type), test.package_name, target.name);
    if (!target.version.is_null()) id += ".v" + python_str(target.version);
    return id;
  }

  void drop_disabled() {
    std::set<std::string> disabled_ids;
    move_disabled(project_.models, disabled_ids);
    move_disabled(project_.seeds, disabled_ids);
    move_disabled(project_.snapshots, disabled_ids);
    move_disabled(project_.analyses, disabled_ids);
    move_disabled(project_.singular_tests, disabled_ids);
    move_disabled(project_.sources, disabled_ids);
    for (auto& test : project_.generic_tests)
      if (disabled_ids.count(tested_unique_id(test))) test.config["enabled"] = false;
    move_disabled(project_.generic_tests, disabled_ids);
    std::erase_if(project_.exposures, [](const Exposure& e) { return !is_enabled(e.config); });
  }

  Project& project_;
  const LoadOptions& options_;
  std::vector<PropertiesFile> property_files_;
  std::vector<std::string> property_roots_;
  std::vector<PendingTests> pending_tests_;
  std::vector<SourceTests> source_tests_;
};

std::vector<ProjectConfig> installed_packages(const ProjectConfig& root,
                                              const LoadOptions& options) {
  std::vector<ProjectConfig> packages;
  fs::path install = root.root / root.packages_install_path;
  std::error_code error;
  if (!options.include_packages || !fs::is_directory(install, error)) return packages;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(install, error))
    if (entry.is_directory() && fs::exists(entry.path() / kProjectFileName))
      folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    std::string prefix = fs::relative(folder, root.root).generic_string() + "/";
    packages.push_back(load_project_config(folder, options.render_project, prefix));
  }
  return packages;
}

}  // namespace

const ProjectConfig* Project::package(const std::string& package_name) const {
  if (root.name == package_name) return &root;
  for (const auto& package : packages)
    if (package.name == package_name) return &package;
  return nullptr;
}

Project load_project(const fs::path& project_dir, const LoadOptions& options) {
  Project project;
  project.root = load_project_config(project_dir, options.render_project);
  project.warnings = project.root.warnings;
  project.packages = installed_packages(project.root, options);
  project.configs = ConfigResolver(project.root.name);
  project.configs.add_project(project.root.name, project.root.configs);
  for (const auto& package : project.packages) {
    if (package.name == project.root.name)
      throw ProjectError(SourcePos{package.root.string()},
                         fmt::format("an installed package is named '{}' like the root project; "
                                     "remove it from packages.yml",
                                     package.name));
    project.configs.add_project(package.name, package.configs);
    for (const auto& warning : package.warnings)
      project.warnings.push_back(warning);
  }
  Loader loader(project, options);
  loader.load_package(project.root);
  for (const auto& package : project.packages)
    loader.load_package(package);
  loader.finish();
  return project;
}

}  // namespace kiln::project
