#include "build_statements.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

namespace kiln::bench {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string() + ": run kiln build first");
  return json::parse(in);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string text_field(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// dbt's layout: target/run/<project>/<original_file_path>, and for a generic test defined in
// YAML, <original_file_path>/<path> below it.
fs::path run_file(const fs::path& root, const std::string& project, const json& node) {
  fs::path file = root / "target/run" / project / text_field(node, "original_file_path");
  if (file.extension() != ".sql") file /= text_field(node, "path");
  return file;
}

std::string quoted_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The compiled SQL wrapped as Kiln's node runner wraps it (warehouse/materialization_sql.cpp),
// minus its temporary-relation swap: the least work that builds the same relation.
std::string wrapped_sql(const json& node, const std::string& compiled) {
  std::string type = text_field(node, "resource_type");
  std::string relation = text_field(node, "relation_name");
  if (type == "test") {
    return "select count(*) as failures, count(*) != 0 as should_warn, "
           "count(*) != 0 as should_error from (\n" +
           compiled + "\n) dbt_internal_test";
  }
  if (type == "seed") {
    fs::path csv = fs::path(text_field(node, "root_path")) / text_field(node, "original_file_path");
    return "create or replace table " + relation + " as select * from read_csv(" +
           quoted_literal(csv.string()) + ", header = true)";
  }
  std::string materialized = text_field(node.value("config", json::object()), "materialized");
  std::string kind = materialized == "view" ? "view" : "table";
  return "create or replace " + kind + " " + relation + " as (\n" + compiled + "\n)";
}

// dbt's run file holds the DDL under the temporary name the build swaps in afterwards
// ("x__dbt_tmp"); the floor builds the relation under its final name directly, the least
// work that produces it.
std::string without_temporary_name(std::string sql, const std::string& relation) {
  if (relation.empty()) return sql;
  std::string temporary = relation.substr(0, relation.size() - 1) + "__dbt_tmp\"";
  for (size_t at = sql.find(temporary); at != std::string::npos;
       at = sql.find(temporary, at + relation.size())) {
    sql.replace(at, temporary.size(), relation);
  }
  return sql;
}

// The "database"."schema" prefix of a rendered relation name "db"."schema"."identifier".
std::string schema_of(const std::string& relation) {
  size_t last_dot = relation.rfind("\".\"");
  return last_dot == std::string::npos ? "" : relation.substr(0, last_dot + 1);
}

// Kahn's algorithm over the executed nodes; ties keep run_results' order, so the order is the
// same on every run.
std::vector<size_t> dag_order(const std::vector<std::string>& ids, const json& manifest_nodes) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < ids.size(); ++i)
    index[ids[i]] = i;
  std::vector<std::vector<size_t>> children(ids.size());
  std::vector<size_t> waiting(ids.size(), 0);
  for (size_t i = 0; i < ids.size(); ++i) {
    const json& node = manifest_nodes[ids[i]];
    // Seeds have depends_on without "nodes".
    json depends = node.contains("depends_on") ? node["depends_on"].value("nodes", json::array())
                                               : json::array();
    for (const json& parent : depends) {
      auto it = index.find(parent.get<std::string>());
      if (it == index.end()) continue;  // a source, or a node this build did not run
      children[it->second].push_back(i);
      ++waiting[i];
    }
  }
  std::set<size_t> ready;
  for (size_t i = 0; i < ids.size(); ++i)
    if (waiting[i] == 0) ready.insert(i);
  std::vector<size_t> order;
  while (!ready.empty()) {
    size_t next = *ready.begin();
    ready.erase(ready.begin());
    order.push_back(next);
    for (size_t child : children[next])
      if (--waiting[child] == 0) ready.insert(child);
  }
  if (order.size() != ids.size()) throw std::runtime_error("the manifest's nodes form a cycle");
  return order;
}

}  // namespace

BuildStatements read_build_statements(const fs::path& root) {
  json manifest = read_json(root / "target/manifest.json");
  json results = read_json(root / "target/run_results.json");
  const json& nodes = manifest["nodes"];
  std::string project = text_field(manifest["metadata"], "project_name");
  std::vector<std::string> ids;
  std::map<std::string, std::string> compiled;
  for (const json& result : results["results"]) {
    std::string id = text_field(result, "unique_id");
    std::string status = text_field(result, "status");
    if (!nodes.contains(id) || (status != "success" && status != "pass")) continue;
    ids.push_back(id);
    compiled[id] = text_field(result, "compiled_code");
  }
  BuildStatements out;
  std::set<std::string> schemas;
  for (size_t i : dag_order(ids, nodes)) {
    const json& node = nodes[ids[i]];
    std::string type = text_field(node, "resource_type");
    fs::path file = run_file(root, project, node);
    BuildStatement statement{ids[i], ""};
    if (type == "model" && fs::is_regular_file(file)) {
      statement.sql = without_temporary_name(read_text(file), text_field(node, "relation_name"));
      ++out.from_run_files;
    } else {
      statement.sql = wrapped_sql(node, compiled[ids[i]]);
    }
    std::string schema = schema_of(text_field(node, "relation_name"));
    if (type != "test" && !schema.empty() && schemas.insert(schema).second) {
      out.schemas.push_back(schema);
    }
    out.nodes.push_back(std::move(statement));
  }
  return out;
}

}  // namespace kiln::bench
