#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "project/config_tree.h"
#include "project/error.h"
#include "project/node.h"
#include "project/project_config.h"
#include "project/render.h"

namespace kiln::project {

// A dbt project and its installed packages, read into typed nodes. Nothing here is
// rendered with Jinja except what dbt renders while reading files (see LoadOptions);
// the compile stage renders the SQL and applies each file's {{ config() }} call through
// `configs`.
struct Project {
  ProjectConfig root;
  std::vector<ProjectConfig> packages;  // installed packages, by name
  ConfigResolver configs{""};

  // Enabled nodes, each list in a deterministic order (package, then file path).
  std::vector<Model> models;
  std::vector<Seed> seeds;
  std::vector<Snapshot> snapshots;
  std::vector<Analysis> analyses;
  std::vector<SingularTest> singular_tests;
  std::vector<GenericTest> generic_tests;
  std::vector<Source> sources;
  std::vector<Exposure> exposures;
  std::vector<DisabledNode> disabled;

  std::vector<MacroFile> macro_files;
  std::vector<MacroPatch> macro_patches;
  std::vector<DocsFile> docs_files;
  std::vector<RawEntry> groups;
  std::vector<RawEntry> semantic_models;
  std::vector<RawEntry> metrics;
  std::vector<RawEntry> saved_queries;
  std::vector<RawEntry> unit_tests;

  std::vector<Warning> warnings;

  // The dbt_project.yml of `package_name` (the root project or an installed package);
  // nullptr when unknown.
  const ProjectConfig* package(const std::string& package_name) const;
};

struct LoadOptions {
  // Renders Jinja in dbt_project.yml values (env_var(), target, vars from --vars).
  RenderValue render_project;
  // Renders Jinja in YAML properties values and generic test configs (var(),
  // env_var(), target). May be empty: values then stay as written.
  RenderValue render_properties;
  // Reads the packages installed under packages-install-path (dbt_packages/).
  bool include_packages = true;
};

// Reads the project in `project_dir` (which holds dbt_project.yml) and its installed
// packages. Throws ProjectError naming the file and line of the first problem.
Project load_project(const std::filesystem::path& project_dir, const LoadOptions& options);

}  // namespace kiln::project
