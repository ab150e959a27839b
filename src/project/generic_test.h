#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/node.h"
#include "project/render.h"
#include "project/yaml_tree.h"

namespace kiln::project {

// Where a generic test entry was written and what it tests.
struct GenericTestSite {
  std::string package_name;  // the package of the YAML file
  std::string root_path;
  std::string original_file_path;  // the YAML file, relative to the package root
  TestTarget target;
  // The name dbt puts in the test's name: "orders", "orders_v2", or "<source>_<table>".
  std::string target_test_name;
  std::optional<std::string> column_name;  // already quoted when the column is quoted
  std::vector<std::string> tags;           // column tags (and source/table tags for sources)
  std::string file_key_name;               // "models.orders", "sources.raw"
};

// dbt's two names for a generic test: the full one (name, fqn, unique_id) and, when the
// full one has 64 characters or more, a short one (file name and alias): the first 30
// characters of "<type>_<target>" and the MD5 of the full name.
struct GenericTestNames {
  std::string short_name;
  std::string full_name;
};

// synthesize_generic_test_names: "<test type>_<target>_<arguments>", the arguments in
// sorted order of their names (skipping `model`), dict values and list items flattened,
// each made a Python str with runs of characters other than [0-9a-zA-Z_] replaced by
// '_', joined with "__".
GenericTestNames synthesize_generic_test_names(const std::string& test_type,
                                               const std::string& target_name,
                                               const nlohmann::ordered_json& args);

// The last 10 hex characters of md5(name + repr(metadata)), with metadata made
// hashable as dbt does (every leaf a str, dict keys sorted): the suffix of a generic
// test's unique_id.
std::string generic_test_hash(const std::string& name, const nlohmann::ordered_json& metadata);

// Builds the test node from one entry of a `data_tests:` list, in any form dbt accepts:
// `- unique`, `- accepted_values: {values: [...]}`, `- accepted_values: {arguments:
// {values: [...]}, config: {...}}`, `- name: x  test_name: y ...`, `- dbt_utils.foo:`.
// Config keys written next to the arguments (severity, where, ...) are config, as in
// dbt. `render` renders Jinja in config values (dbt renders them when parsing); it may
// be empty. The node's `config` is left for the loader to resolve; `patch_config`
// holds the test's own config. Errors name the entry's line.
GenericTest build_generic_test(const YamlNode& entry, const GenericTestSite& site,
                               const RenderValue& render);

}  // namespace kiln::project
