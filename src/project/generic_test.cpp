#include "project/generic_test.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <regex>
#include <set>

#include "project/md5.h"
#include "project/python_repr.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

// The name dbt gives the macro kwargs in a generic test's raw_code.
constexpr const char* kKwargsName = "_dbt_generic_test_kwargs";

// TestBuilder.CONFIG_ARGS: keys that are config when written beside the arguments.
constexpr std::array<const char*, 14> kConfigArgs = {
    "severity",  "tags",           "enabled",           "where", "limit",    "warn_if", "error_if",
    "fail_calc", "store_failures", "store_failures_as", "meta",  "database", "schema",  "alias"};

bool python_truthy(const Json& value) {
  if (value.is_null()) return false;
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_integer()) return value.get<int64_t>() != 0;
  if (value.is_number_float()) return value.get<double>() != 0.0;
  if (value.is_string() || value.is_array() || value.is_object()) return !value.empty();
  return true;
}

// Runs of characters outside [0-9a-zA-Z_] become one '_'.
std::string cleaned(const std::string& text) {
  std::string out;
  bool in_run = false;
  for (char c : text) {
    bool keep =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (keep) {
      out += c;
      in_run = false;
    } else if (!in_run) {
      out += '_';
      in_run = true;
    }
  }
  return out;
}

struct TestDefinition {
  std::string test_name;  // possibly namespaced: "dbt_utils.expression_is_true"
  Json args;
};

// TestBuilder.extract_test_args.
TestDefinition extract_test_args(const YamlNode& entry,
                                 const std::optional<std::string>& column_name) {
  TestDefinition def;
  Json data =
      entry.is_string() ? Json{{entry.scalar.get<std::string>(), Json::object()}} : entry.to_json();
  if (!data.is_object())
    throw ProjectError(entry.pos, fmt::format("a data test must be a test name or a mapping, "
                                              "not {}",
                                              entry.kind_name()));
  Json args;
  if (data.contains("test_name")) {
    Json name = data["test_name"];
    data.erase("test_name");
    if (!name.is_string()) throw ProjectError(entry.pos, "'test_name' must be a string");
    def.test_name = name.get<std::string>();
    args = std::move(data);
  } else {
    if (data.size() != 1)
      throw ProjectError(entry.pos, fmt::format("a data test written as a mapping must have "
                                                "exactly one key (the test name), got {}: use "
                                                "`test_name:` to name the test beside other keys",
                                                data.size()));
    def.test_name = data.begin().key();
    args = data.begin().value();
  }
  if (!args.is_object())
    throw ProjectError(entry.pos, fmt::format("the arguments of test '{}' must be a mapping, not "
                                              "{}",
                                              def.test_name, args.dump()));
  if (column_name) args["column_name"] = *column_name;
  // dbt 1.10 (require_generic_test_arguments_property, on by default): arguments may be
  // nested under `arguments:`; they join the top-level ones.
  if (args.contains("arguments")) {
    Json arguments = args["arguments"];
    args.erase("arguments");
    if (arguments.is_object())
      for (const auto& item : arguments.items())
        args[item.key()] = item.value();
  }
  def.args = std::move(args);
  return def;
}

Json rendered_config(Json config, const RenderValue& render, const SourcePos& where) {
  Json out = Json::object();
  for (auto& item : config.items()) {
    Json value = item.value();
    if (render && value.is_string() && has_jinja(value.get<std::string>()))
      value = render(value.get<std::string>(), where);
    if (!value.is_null()) out[item.key()] = value;
  }
  return out;
}

// TestBuilder._process_legacy_args and the `config:` block.
Json take_config(Json& args, const RenderValue& render, const SourcePos& where,
                 const std::string& test_name) {
  std::optional<Json> nested;
  if (args.contains("config")) {
    if (!args["config"].is_object())
      throw ProjectError(where,
                         fmt::format("the 'config' of test '{}' must be a mapping", test_name));
    nested = args["config"];
    args.erase("config");
  }
  Json legacy = Json::object();
  for (const char* key : kConfigArgs) {
    Json value;
    if (args.contains(key)) {
      value = args[key];
      args.erase(key);
    }
    bool nested_has_key = nested && nested->contains(key);
    if (python_truthy(value) && nested_has_key)
      throw ProjectError(where, fmt::format("test '{}' sets '{}' both beside its arguments and "
                                            "under 'config'; keep the one under 'config'",
                                            test_name, key));
    if (!python_truthy(value) && nested_has_key) {
      value = (*nested)[key];
      nested->erase(key);
    }
    legacy[key] = value;
  }
  Json config = rendered_config(legacy, render, where);
  if (nested) {
    Json rest = rendered_config(*nested, render, where);
    for (const auto& item : rest.items())
      config[item.key()] = item.value();
  }
  return config;
}

std::vector<std::string> config_tags(const Json& config, const SourcePos& where) {
  std::vector<std::string> tags;
  if (!config.contains("tags")) return tags;
  const Json& value = config["tags"];
  if (value.is_string()) return {value.get<std::string>()};
  if (!value.is_array()) throw ProjectError(where, "a test's tags must be a string or a list");
  for (const auto& tag : value) {
    if (!tag.is_string()) throw ProjectError(where, "every tag of a test must be a string");
    tags.push_back(tag.get<std::string>());
  }
  return tags;
}

std::string model_argument(const TestTarget& target) {
  std::string call;
  if (target.kind == TestTarget::Kind::Source) {
    call = fmt::format("source('{}', '{}')", target.source_name, target.name);
  } else if (!target.version.is_null()) {
    call = fmt::format("ref('{}', version='{}')", target.name, python_str(target.version));
  } else {
    call = fmt::format("ref('{}')", target.name);
  }
  return fmt::format("{{{{ get_where_subquery({}) }}}}", call);
}

// TestBuilder.construct_config: the config() call dbt appends to the raw code.
std::string config_call(const Json& config) {
  std::vector<std::string> parts;
  for (const auto& item : config.items()) {
    const Json& value = item.value();
    std::string text;
    if (value.is_string()) {
      std::string escaped;
      for (char c : value.get<std::string>())
        escaped += c == '"' ? std::string("\\\"") : std::string(1, c);
      text = "\"" + escaped + "\"";
    } else {
      text = python_str(value);
    }
    parts.push_back(item.key() + "=" + text);
  }
  if (parts.empty()) return "";
  return fmt::format("{{{{ config({}) }}}}", fmt::join(parts, ","));
}

// get_fqn(relative path of the YAML without its first folder, name).
std::vector<std::string> test_fqn(const std::string& package, const std::string& yaml_path,
                                  const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= yaml_path.size()) {
    size_t end = yaml_path.find('/', start);
    if (end == std::string::npos) end = yaml_path.size();
    parts.push_back(yaml_path.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::string> fqn = {package};
  // Drop the first folder (the resource path) and the file name itself.
  for (size_t i = 1; i + 1 < parts.size(); ++i)
    fqn.push_back(parts[i]);
  fqn.push_back(name);
  return fqn;
}

std::vector<std::string> sorted_union(std::vector<std::string> a,
                                      const std::vector<std::string>& b) {
  std::set<std::string> all(a.begin(), a.end());
  all.insert(b.begin(), b.end());
  return {all.begin(), all.end()};
}

}  // namespace

GenericTestNames synthesize_generic_test_names(const std::string& test_type,
                                               const std::string& target_name, const Json& args) {
  std::vector<std::string> names;
  for (const auto& item : args.items())
    names.push_back(item.key());
  std::sort(names.begin(), names.end());
  std::vector<std::string> flat;
  for (const auto& name : names) {
    if (name == "model") continue;
    const Json& value = args.at(name);
    if (value.is_object()) {
      for (const auto& item : value.items())
        flat.push_back(cleaned(python_str(item.value())));
    } else if (value.is_array()) {
      for (const auto& item : value)
        flat.push_back(cleaned(python_str(item)));
    } else {
      flat.push_back(cleaned(python_str(value)));
    }
  }
  std::string identifier = test_type + "_" + target_name;
  GenericTestNames names_out;
  names_out.full_name = fmt::format("{}_{}", identifier, fmt::join(flat, "__"));
  if (names_out.full_name.size() >= 64) {
    names_out.short_name = identifier.substr(0, 30) + "_" + md5_hex(names_out.full_name);
  } else {
    names_out.short_name = names_out.full_name;
  }
  return names_out;
}

std::string generic_test_hash(const std::string& name, const Json& metadata) {
  return md5_hex(name + python_repr_hashable(metadata)).substr(22);
}

GenericTest build_generic_test(const YamlNode& entry, const GenericTestSite& site,
                               const RenderValue& render) {
  TestDefinition def = extract_test_args(entry, site.column_name);
  Json& args = def.args;
  if (args.contains("model"))
    throw ProjectError(entry.pos, fmt::format("test '{}' has an argument named 'model', which is "
                                              "reserved (dbt passes the tested model as 'model'): "
                                              "rename it",
                                              def.test_name));
  args["model"] = model_argument(site.target);

  static const std::regex name_pattern("^(?:([a-zA-Z_][0-9a-zA-Z_]*)\\.)?([a-zA-Z_][0-9a-zA-Z_]*)");
  std::smatch match;
  if (!std::regex_search(def.test_name, match, name_pattern))
    throw ProjectError(entry.pos, fmt::format("'{}' is not a test name: use letters, digits and "
                                              "underscores, optionally after `package.`",
                                              def.test_name));
  GenericTest test;
  test.test_name = match[2].str();
  if (match[1].matched) test.test_namespace = match[1].str();
  test.test_config = take_config(args, render, entry.pos, def.test_name);

  if (args.contains("description")) {
    test.description = python_str(args["description"]);
    args.erase("description");
  }
  std::string name;
  std::string compiled_name;
  if (args.contains("name")) {
    name = compiled_name = python_str(args["name"]);
    args.erase("name");
  } else {
    std::string type =
        site.target.kind == TestTarget::Kind::Source ? "source_" + test.test_name : test.test_name;
    if (test.test_namespace) type = *test.test_namespace + "_" + type;
    GenericTestNames names = synthesize_generic_test_names(type, site.target_test_name, args);
    name = names.full_name;
    compiled_name = names.short_name;
    if (names.short_name != names.full_name && !test.test_config.contains("alias"))
      test.test_config["alias"] = names.short_name;
  }

  test.resource_type = ResourceType::Test;
  test.macro_name = test.test_namespace ? *test.test_namespace + ".test_" + test.test_name
                                        : "test_" + test.test_name;
  test.kwargs = args;
  test.column_name = site.column_name;
  test.attached_to = site.target;
  test.file_key_name = site.file_key_name;
  test.name = name;
  test.package_name = site.package_name;
  test.root_path = site.root_path;
  test.original_file_path = site.original_file_path;
  test.path = compiled_name + ".sql";
  test.fqn = test_fqn(site.package_name, site.original_file_path, name);
  test.raw_code = fmt::format("{{{{ {}(**{}) }}}}{}", test.macro_name, kKwargsName,
                              config_call(test.test_config));
  test.tags = sorted_union(site.tags, config_tags(test.test_config, entry.pos));
  test.patch_config = test.test_config;
  test.defined_at = entry.pos;
  Json metadata = {{"namespace", test.test_namespace ? Json(*test.test_namespace) : Json()},
                   {"name", test.test_name},
                   {"kwargs", test.kwargs}};
  test.unique_id =
      fmt::format("test.{}.{}.{}", site.package_name, name, generic_test_hash(name, metadata));
  return test;
}

}  // namespace kiln::project
