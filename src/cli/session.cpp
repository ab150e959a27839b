#include "cli/session.h"

#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "artifacts/manifest_writer.h"
#include "cli/manifest_input.h"
#include "cli/run_events.h"
#include "compile/dbt_environment.h"
#include "compile/invocation_values.h"
#include "compile/json_value.h"
#include "graph/node_selector.h"
#include "graph/resource_types.h"
#include "graph/selection_request.h"
#include "graph/selectors_file.h"
#include "graph/test_gates.h"
#include "jinja/dict.h"
#include "jinja/template.h"
#include "project/error.h"
#include "project/project_config.h"
#include "warehouse/duckdb/duckdb_adapter.h"

namespace kiln::cli {

namespace fs = std::filesystem;
using jinja::Value;

namespace {

std::string utc_now_iso() {
  auto now = std::chrono::system_clock::now();
  auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, micros % 1000000);
}

// dbt renders dbt_project.yml, profiles.yml and YAML properties with a small context:
// env_var, var (the --vars), and for properties `target`.
class YamlRenderer {
 public:
  YamlRenderer(nlohmann::ordered_json cli_vars) : env_(compile::make_dbt_environment()) {
    context_ = Value::dict();
    context_.as_dict().set("env_var", compile::make_env_var_function());
    context_.as_dict().set(
        "var", Value::function("var", [vars = std::move(cli_vars)](jinja::CallContext&,
                                                                   jinja::CallArgs& args) {
          std::string name = args.positional.empty() ? "" : args.positional[0].str();
          if (vars.contains(name)) return compile::to_value(vars[name]);
          if (args.positional.size() > 1) return args.positional[1];
          throw jinja::Error(jinja::ErrorKind::Runtime, "Compilation Error: Required var '" + name +
                                                            "' not found in "
                                                            "config. Pass it with --vars '{" +
                                                            name + ": ...}'.");
        }));
  }
  void set_target(const nlohmann::ordered_json& target) {
    context_.as_dict().set("target", compile::to_value(target));
  }
  project::RenderValue callback() {
    return [this](std::string_view text, const project::SourcePos& where) {
      try {
        auto tpl = env_.parse(text, where.to_string());
        return compile::to_json(compile::native_value(env_.render(*tpl, context_)));
      } catch (const jinja::Error& e) {
        throw project::ProjectError(where, e.message());
      }
    };
  }

 private:
  jinja::Environment env_;
  Value context_;
};

nlohmann::ordered_json target_json(const project::Target& target, const std::string& database) {
  nlohmann::ordered_json out =
      target.fields.is_object() ? target.fields : nlohmann::ordered_json::object();
  out["name"] = target.target_name;
  out["target_name"] = target.target_name;
  out["profile_name"] = target.profile_name;
  out["type"] = target.type;
  out["schema"] = target.schema.value_or("main");
  out["database"] = database;
  out["threads"] = target.threads;
  out.erase("password");
  return out;
}

// The catalog name DuckDB gives a database file: its stem ("jaffle.duckdb" -> "jaffle"), or
// "memory" in memory. Known without opening the file, so commands that never connect (ls,
// parse) still name relations as a build would.
std::string duckdb_database_name(const project::Target& target) {
  std::string path = target.path.value_or(":memory:");
  if (path == ":memory:" || path.empty()) return "memory";
  return fs::path(path).stem().string();
}

void check_engine(const project::Target& target) {
  if (target.type != "duckdb") {
    throw std::runtime_error("Runtime Error: the profile output '" + target.target_name +
                             "' has type '" + target.type +
                             "'; this Kiln build runs DuckDB targets (type: duckdb). Point "
                             "--target at a duckdb output.");
  }
}

std::unique_ptr<warehouse::Adapter> open_adapter(const project::Target& target,
                                                 const fs::path& project_dir) {
  check_engine(target);
  warehouse::duckdb::DuckDbOptions options;
  std::string path = target.path.value_or(":memory:");
  if (path != ":memory:" && fs::path(path).is_relative()) path = (project_dir / path).string();
  options.path = path;
  if (target.settings.is_object()) {
    for (const auto& [key, value] : target.settings.items()) {
      options.settings.emplace_back(key,
                                    value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  if (target.extensions.is_array()) {
    for (const auto& ext : target.extensions) {
      if (ext.is_string()) options.extensions.push_back(ext.get<std::string>());
    }
  }
  return std::make_unique<warehouse::duckdb::DuckDbAdapter>(options);
}

std::vector<std::string> string_list(const nlohmann::ordered_json& value) {
  std::vector<std::string> out;
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_array()) {
    for (const auto& v : value) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

graph::GraphNode graph_node(const compile::ParsedNode& node) {
  graph::GraphNode g;
  g.unique_id = node.unique_id;
  g.resource_type = std::string(project::to_string(node.resource_type));
  g.name = node.name();
  g.package = node.package();
  g.fqn = node.node->fqn;
  g.original_file_path = node.node->original_file_path;
  std::string patch = node.node->patch_path;
  size_t scheme = patch.find("://");
  g.patch_path = scheme == std::string::npos ? patch : patch.substr(scheme + 3);
  g.tags = string_list(node.config.value("tags", nlohmann::ordered_json::array()));
  if (g.tags.empty()) g.tags = node.node->tags;
  g.config = nlohmann::json::parse(node.config.dump());
  g.depends_on = node.depends_on;
  if (node.source) g.source_name = node.source->source_name;
  if (node.generic_test) g.test_metadata_name = node.generic_test->test_name;
  if (node.model) {
    g.access = node.model->access;
    if (!node.model->version.is_null()) {
      g.version = node.model->version.is_string() ? node.model->version.get<std::string>()
                                                  : node.model->version.dump();
    }
  }
  return g;
}

}  // namespace

std::string new_invocation_id() {
  std::random_device device;
  std::mt19937_64 rng(device());
  uint64_t a = rng(), b = rng();
  return fmt::format("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xfff,
                     (b >> 48 & 0x3fff) | 0x8000, b & 0xffffffffffffULL);
}

nlohmann::ordered_json parse_yaml_dict(const std::string& text, const std::string& flag) {
  if (text.empty()) return nlohmann::ordered_json::object();
  try {
    nlohmann::ordered_json value = compile::yaml_text_to_json(text);
    if (value.is_object()) return value;
  } catch (const YAML::Exception&) {
  }
  throw std::runtime_error("The " + flag +
                           " argument must be a YAML dictionary, but was of type "
                           "str. Example: " +
                           flag + " '{my_var: my_value}'");
}

Session::Session(const Flags& flags_in, Console& console_in)
    : flags(flags_in), console(console_in) {
  project_dir = fs::absolute(flags.project_dir).lexically_normal();
  if (!fs::exists(project_dir / project::kProjectFileName)) {
    throw std::runtime_error("Runtime Error: No dbt_project.yml found at expected path " +
                             (project_dir / project::kProjectFileName).string() +
                             "\nRun kiln from a dbt project folder, or pass --project-dir.");
  }
  invocation_id = console.invocation_id();
  run_started_at = utc_now_iso();
  nlohmann::ordered_json cli_vars = parse_yaml_dict(flags.vars, "--vars");
  YamlRenderer renderer(cli_vars);

  project::ProjectConfig root = project::load_project_config(project_dir, renderer.callback());
  project::ProfileSearch search = project::ProfileSearch::from_environment(
      project_dir,
      flags.profiles_dir ? std::optional<fs::path>(*flags.profiles_dir) : std::nullopt);
  target = project::resolve_target(root, search, flags.target, renderer.callback());
  if (target.is_default) {
    console.info("No profiles.yml found for this project: using the DuckDB file " +
                 target.path.value_or("") + " in the project folder.");
  }
  check_engine(target);
  database = duckdb_database_name(target);
  nlohmann::ordered_json target_value = target_json(target, database);
  renderer.set_target(target_value);

  project::LoadOptions load;
  load.render_project = renderer.callback();
  load.render_properties = renderer.callback();
  project = project::load_project(project_dir, load);
  for (const auto& warning : project.warnings)
    console.warn(warning.where.to_string() + ": " + warning.message);

  fs::path target_dir =
      flags.target_path ? fs::path(*flags.target_path) : fs::path(project.root.target_path);
  target_path = target_dir.is_absolute() ? target_dir : project_dir / target_dir;
  threads = flags.threads.value_or(target.threads);

  compile::CompileOptions options;
  options.cli_vars = cli_vars;
  options.full_refresh = flags.full_refresh;
  options.adapter_type = target.type;
  options.target_database = database;
  options.invocation.invocation_id = invocation_id;
  options.invocation.run_started_at = run_started_at;
  options.invocation.project_name = project.root.name;
  options.invocation.target = target_value;
  options.invocation.flags = {{"FULL_REFRESH", flags.full_refresh},
                              {"WHICH", flags.command},
                              {"FAIL_FAST", flags.fail_fast}};
  options.invocation.quote_character = '"';  // DuckDB's, as Adapter::quote_character says
  options.invocation.log = [this](std::string_view message, bool info) {
    if (info) console.info(std::string(message));
  };
  compiler = std::make_unique<compile::Compiler>(project, target, std::move(options));
  manifest = compiler->parse();

  std::vector<graph::GraphNode> nodes;
  nodes.reserve(manifest.nodes.size());
  for (const auto& node : manifest.nodes)
    nodes.push_back(graph_node(node));
  dag = std::make_unique<graph::Dag>(std::move(nodes));
  if (flags.command == "build") graph::add_build_test_gates(*dag);
}

Session::~Session() = default;

void Session::connect() {
  if (adapter) return;
  adapter = open_adapter(target, project_dir);
  if (adapter->database() != database) {
    throw std::runtime_error("Runtime Error: the database opened is named '" + adapter->database() +
                             "', not '" + database + "' as expected from " +
                             target.path.value_or(":memory:"));
  }
}

graph::NodeSet Session::select(const std::string& command) const {
  graph::SelectionRequest request{flags.select, flags.exclude, flags.selector};
  std::optional<graph::SelectorsFile> selectors;
  fs::path selectors_path = project_dir / "selectors.yml";
  if (fs::exists(selectors_path)) {
    std::ifstream in(selectors_path);
    std::stringstream text;
    text << in.rdbuf();
    selectors = graph::SelectorsFile::parse(text.str(), "selectors.yml");
  }
  graph::ChosenSelection chosen =
      graph::choose_selection(request, selectors ? &*selectors : nullptr);
  if (chosen.default_selector) console.fire(default_selector(*chosen.default_selector));
  graph::NodeSelector selector(*dag, project.root.name);
  graph::SelectionResult result =
      selector.select(chosen.spec, graph::parse_indirect_selection(flags.indirect_selection));
  for (const auto& warning : result.warnings)
    console.warn(warning);
  std::vector<std::string> types = graph::resource_types_from_flags(
      command == "ls" ? "list" : command, flags.resource_types, flags.exclude_resource_types);
  return graph::only_resource_types(*dag, result.selected, types);
}

std::string Session::found_summary() const {
  std::map<std::string, int> counts;
  for (const auto& node : manifest.nodes)
    counts[std::string(project::to_string(node.resource_type))]++;
  auto phrase = [&](const char* type, const char* singular, const char* plural) -> std::string {
    int n = counts[type];
    if (n == 0) return "";
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
  };
  std::vector<std::string> parts = {
      phrase("model", "model", "models"),         phrase("snapshot", "snapshot", "snapshots"),
      phrase("analysis", "analysis", "analyses"), phrase("seed", "seed", "seeds"),
      phrase("test", "data test", "data tests"),  phrase("source", "source", "sources")};
  size_t macros = compiler->macros().all().size();
  parts.push_back(std::to_string(macros) + (macros == 1 ? " macro" : " macros"));
  std::string out;
  bool first = true;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    out += (first ? "" : ", ") + p;
    first = false;
  }
  return out;
}

void Session::write_manifest() const {
  artifacts::write_manifest(target_path / "manifest.json", manifest_input(*this));
}

}  // namespace kiln::cli
