#pragma once
// Everything a command needs, loaded in the order of the pipeline: the project files, the
// target, the warehouse adapter, the compiler, the parsed manifest and the DAG. Commands are
// short functions over a Session.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/console.h"
#include "cli/flags.h"
#include "compile/compiler.h"
#include "graph/dag.h"
#include "project/profile.h"
#include "project/project.h"
#include "warehouse/adapter.h"

namespace kiln::cli {

class Session {
 public:
  // Reads the project and the profile, parses every node and builds the DAG, without
  // touching the warehouse (dbt's ls and parse never connect). Throws on any problem (the
  // caller prints it and exits 2).
  Session(const Flags& flags, Console& console);
  ~Session();

  // Opens the warehouse (once): `adapter` is null until then. Commands that run SQL call it.
  void connect();

  const Flags& flags;
  Console& console;
  std::filesystem::path project_dir;
  std::filesystem::path target_path;  // absolute
  project::Project project;
  project::Target target;
  std::string database;                         // the target's database (catalog) name
  std::unique_ptr<warehouse::Adapter> adapter;  // after connect()
  std::unique_ptr<compile::Compiler> compiler;
  compile::Manifest manifest;
  std::unique_ptr<graph::Dag> dag;
  std::string invocation_id;
  std::string run_started_at;
  int threads = 1;

  // The selected nodes for `command` (resource types as dbt's command selects them).
  graph::NodeSet select(const std::string& command) const;
  // Writes target/manifest.json.
  void write_manifest() const;
  // "9 models, 12 data tests, 4 sources, 1 seed, 3 macros" (dbt's FoundStats stat_line)
  std::string found_summary() const;
};

// A new invocation id: a random (version 4) UUID, as dbt's.
std::string new_invocation_id();

// --vars / --args text (YAML or JSON dict) as JSON; throws with a clear message.
nlohmann::ordered_json parse_yaml_dict(const std::string& text, const std::string& flag);

}  // namespace kiln::cli
