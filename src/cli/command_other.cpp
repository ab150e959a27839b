// kiln compile | parse | ls | show | run-operation | debug | clean.
#include <fstream>

#include <fmt/format.h>

#include "artifacts/manifest_writer.h"
#include "cli/commands.h"
#include "cli/manifest_input.h"
#include "cli/node_files.h"
#include "cli/run_events.h"
#include "cli/session.h"
#include "compile/agate_table.h"
#include "compile/json_value.h"
#include "project/project_config.h"

namespace kiln::cli {

namespace fs = std::filesystem;

namespace {

const compile::ParsedNode& node_at(const Session& s, graph::NodeIndex i) {
  return s.manifest.nodes[s.manifest.index.at(s.dag->id(i))];
}

bool is_compiled_type(const compile::ParsedNode& node) {
  using project::ResourceType;
  return node.resource_type == ResourceType::Model || node.resource_type == ResourceType::Test ||
         node.resource_type == ResourceType::Analysis ||
         node.resource_type == ResourceType::Snapshot;
}

std::string selector_name(const compile::ParsedNode& node) {
  std::string out;
  for (const auto& part : node.node->fqn)
    out += (out.empty() ? "" : ".") + part;
  if (node.resource_type == project::ResourceType::Source) return "source:" + out;
  return out;
}

}  // namespace

int command_compile(const Flags& flags, Console& console) {
  Session s(flags, console);
  console.fire(found_stats(s.found_summary()));
  if (flags.command == "parse") {
    s.write_manifest();
    console.info("Wrote " + (s.target_path / "manifest.json").string());
    return 0;
  }
  graph::NodeSet selected = s.select("compile");
  // dbt's compile connects (to fill its relation cache, and for run_query at compile time).
  s.connect();
  auto connection = s.adapter->open_connection();
  std::map<std::string, std::string> compiled;
  int errors = 0;
  selected.for_each([&](graph::NodeIndex i) {
    const compile::ParsedNode& node = node_at(s, i);
    if (!is_compiled_type(node) || node.is_ephemeral()) return;
    try {
      std::string sql = s.compiler->compile(s.manifest, node, *s.adapter, *connection);
      compiled[node.unique_id] = sql;
      write_node_file(s.target_path, "compiled", node, sql);
    } catch (const std::exception& e) {
      ++errors;
      console.error("Compilation Error in " + node.unique_id + " (" +
                    node.node->original_file_path + ")\n  " + e.what());
    }
  });
  artifacts::write_manifest(s.target_path / "manifest.json", manifest_input(s, compiled));
  console.info(fmt::format("Compiled {} node{} to {}", compiled.size(),
                           compiled.size() == 1 ? "" : "s", (s.target_path / "compiled").string()));
  return errors ? 2 : 0;
}

int command_ls(const Flags& flags, Console& console) {
  Session s(flags, console);
  graph::NodeSet selected = s.select("ls");
  selected.for_each([&](graph::NodeIndex i) {
    const compile::ParsedNode& node = node_at(s, i);
    std::string line;
    if (flags.output == "name") {
      line = node.name();
    } else if (flags.output == "path") {
      line = node.node->original_file_path;
    } else if (flags.output == "json") {
      line = nlohmann::ordered_json{{"name", node.name()},
                                    {"resource_type", project::to_string(node.resource_type)},
                                    {"package_name", node.package()},
                                    {"original_file_path", node.node->original_file_path},
                                    {"unique_id", node.unique_id},
                                    {"alias", node.alias},
                                    {"config", node.config},
                                    {"tags",
                                     node.config.value("tags", nlohmann::ordered_json::array())},
                                    {"depends_on", {{"nodes", node.depends_on}}}}
                 .dump();
    } else {
      line = selector_name(node);
    }
    console.fire(print_event(line));
  });
  // dbt ls writes the manifest it loaded, as every command that parses does.
  s.write_manifest();
  return 0;
}

namespace {

// dbt's ShowNode (Q041): the first `limit` rows of `sql` (all of them when negative, as in
// dbt) as a table, in one event.
void show_preview(Console& console, warehouse::Connection& connection, const std::string& sql,
                  const std::string& label, int64_t limit, bool is_inline) {
  std::string limit_clause = limit < 0 ? "" : " limit " + std::to_string(limit);
  warehouse::ResultTable table =
      connection.execute("select * from (\n" + sql + "\n) as kiln_show" + limit_clause);
  std::string header, rule, rows;
  for (const auto& column : table.columns) {
    header += "| " + column.name + " ";
    rule += "| " + std::string(column.name.size(), '-') + " ";
  }
  for (const auto& row : table.rows) {
    for (const auto& cell : row)
      rows += "| " + warehouse::cell_text(cell) + " ";
    rows += "|\n";
  }
  std::string preview = header + "|\n" + rule + "|\n" + rows;
  if (!preview.empty() && preview.back() == '\n') preview.pop_back();
  std::string msg =
      (is_inline ? "Previewing inline node:\n" : "Previewing node '" + label + "':\n") + preview;
  console.fire({"ShowNode",
                "Q041",
                LogLevel::Info,
                msg,
                {{"node_name", label},
                 {"preview", preview},
                 {"is_inline", is_inline},
                 {"output_format", "text"},
                 {"unique_id", ""},
                 {"quiet", false}}});
}

// The nodes `kiln show --select` previews, as dbt's ShowTask picks them: the selected nodes
// whose name appears in the first --select argument. Tests attached to a selected model are
// selected too (indirect selection); they are left out with dbt's note.
std::vector<const compile::ParsedNode*> nodes_to_show(Session& s, const Flags& flags,
                                                      Console& console) {
  std::string first_argument = flags.select.empty() ? "" : flags.select.front();
  std::vector<const compile::ParsedNode*> shown;
  s.select("compile").for_each([&](graph::NodeIndex i) {
    const compile::ParsedNode& node = node_at(s, i);
    if (!is_compiled_type(node)) return;
    if (first_argument.find(node.name()) != std::string::npos) {
      shown.push_back(&node);
    } else {
      console.fire(note("Excluded node '" + node.name() + "' from results"));
    }
  });
  return shown;
}

}  // namespace

int command_show(const Flags& flags, Console& console) {
  Session s(flags, console);
  s.connect();
  auto connection = s.adapter->open_connection();
  if (!flags.inline_sql.empty()) {
    std::string sql =
        s.compiler->render_hook(s.manifest, nullptr, flags.inline_sql, *s.adapter, *connection);
    show_preview(console, *connection, sql, "inline", flags.limit, /*is_inline=*/true);
    return 0;
  }
  std::vector<const compile::ParsedNode*> shown = nodes_to_show(s, flags, console);
  if (shown.empty()) {
    console.error(
        "kiln show needs --select naming a model, seed, snapshot or analysis, or "
        "--inline SQL; nothing selected matched.");
    return 2;
  }
  for (const compile::ParsedNode* node : shown) {
    std::string sql = s.compiler->compile(s.manifest, *node, *s.adapter, *connection);
    show_preview(console, *connection, sql, node->name(), flags.limit, /*is_inline=*/false);
  }
  return 0;
}

int command_run_operation(const Flags& flags, Console& console) {
  Session s(flags, console);
  nlohmann::ordered_json args = parse_yaml_dict(flags.args, "--args");
  s.connect();
  auto connection = s.adapter->open_connection();
  console.info("Running macro " + flags.macro);
  try {
    s.compiler->call_macro(s.manifest, flags.macro, args, *s.adapter, *connection);
  } catch (const jinja::Error& e) {
    console.error("Encountered an error while running operation: " + std::string(e.what()));
    return 1;
  }
  return 0;
}

int command_debug(const Flags& flags, Console& console) {
  Session s(flags, console);
  console.info("kiln version: 0.1.0");
  console.info("project: " + s.project.root.name + " (" + s.project_dir.string() + ")");
  console.info("profile: " + s.target.profile_name + ", target: " + s.target.target_name +
               ", type: " + s.target.type);
  try {
    s.connect();
    auto connection = s.adapter->open_connection();
    connection->execute("select 1");
    console.info("Connection test: [OK connection ok]");
  } catch (const std::exception& e) {
    console.error(std::string("Connection test: [ERROR] ") + e.what());
    return 1;
  }
  console.info("All checks passed!");
  return 0;
}

int command_clean(const Flags& flags, Console& console) {
  fs::path project_dir = fs::absolute(flags.project_dir);
  project::ProjectConfig config = project::load_project_config(
      project_dir, [](std::string_view text, const project::SourcePos&) {
        return nlohmann::ordered_json(std::string(text));
      });
  std::vector<std::string> targets = config.clean_targets;
  if (targets.empty()) targets.push_back(config.target_path);
  for (const std::string& target : targets) {
    fs::path path = project_dir / target;
    std::error_code ec;
    fs::remove_all(path, ec);
    console.fire({"ConfirmCleanPath",
                  "Z013",
                  LogLevel::Info,
                  "Cleaned " + path.string() + "/*",
                  {{"path", path.string()}}});
  }
  console.fire({"FinishedCleanPaths", "Z015", LogLevel::Info, "Finished cleaning all paths.",
                nlohmann::ordered_json::object()});
  return 0;
}

}  // namespace kiln::cli
