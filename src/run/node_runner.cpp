#include "run/node_runner.h"

#include <set>

#include "compile/ref_resolution.h"
#include "jinja/error.h"
#include "warehouse/error.h"
#include "warehouse/materialization_sql.h"

namespace kiln::run {

using compile::ParsedNode;
using project::ResourceType;

namespace {

using Clock = std::chrono::system_clock;

// Runs `work` inside one transaction: committed when it returns, rolled back when it throws,
// so a failed build leaves the warehouse as it was.
template <typename Work>
auto in_transaction(warehouse::Connection& connection, Work work) {
  connection.begin();
  try {
    auto out = work();
    connection.commit();
    return out;
  } catch (...) {
    if (connection.in_transaction()) connection.rollback();
    throw;
  }
}

struct Hook {
  std::string sql;
  bool transaction = true;  // dbt's default: run inside the build's transaction
};

std::vector<Hook> hooks_of(const nlohmann::ordered_json& config, const char* key) {
  std::vector<Hook> hooks;
  if (!config.contains(key)) return hooks;
  auto add = [&](const nlohmann::ordered_json& hook) {
    if (hook.is_string()) hooks.push_back({hook.get<std::string>(), true});
    if (hook.is_object() && hook.contains("sql")) {
      bool transaction = !(hook.contains("transaction") && hook["transaction"] == false);
      hooks.push_back({hook["sql"].get<std::string>(), transaction});
    }
  };
  const auto& value = config[key];
  if (value.is_array()) {
    for (const auto& hook : value)
      add(hook);
  } else {
    add(value);
  }
  return hooks;
}

std::string config_string(const nlohmann::ordered_json& config, const char* key,
                          const std::string& fallback) {
  if (config.contains(key) && config[key].is_string()) return config[key].get<std::string>();
  return fallback;
}

warehouse::IncrementalConfig incremental_config(const nlohmann::ordered_json& config) {
  warehouse::IncrementalConfig out;
  out.strategy = config_string(config, "incremental_strategy", "");
  out.on_schema_change = config_string(config, "on_schema_change", "ignore");
  if (config.contains("unique_key")) {
    const auto& key = config["unique_key"];
    if (key.is_string()) out.unique_key.push_back(key.get<std::string>());
    if (key.is_array()) {
      for (const auto& k : key) {
        if (k.is_string()) out.unique_key.push_back(k.get<std::string>());
      }
    }
  }
  if (config.contains("incremental_predicates") && config["incremental_predicates"].is_array()) {
    for (const auto& p : config["incremental_predicates"]) {
      if (p.is_string()) out.incremental_predicates.push_back(p.get<std::string>());
    }
  }
  return out;
}

// Forwards to a connection and keeps the statements run through it, for steps that issue
// several statements of their own (the incremental update), so result.run_sql shows them all.
class RecordingConnection final : public warehouse::Connection {
 public:
  RecordingConnection(warehouse::Connection& inner, std::string& log) : inner_(inner), log_(log) {}
  warehouse::ResultTable execute(std::string_view sql) override {
    log_ += (log_.empty() ? "" : ";\n\n") + std::string(sql);
    return inner_.execute(sql);
  }
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }
  bool in_transaction() const override { return inner_.in_transaction(); }
  void interrupt() override { inner_.interrupt(); }

 private:
  warehouse::Connection& inner_;
  std::string& log_;
};

}  // namespace

const char* status_name(NodeStatus status) {
  switch (status) {
    case NodeStatus::Success:
      return "success";
    case NodeStatus::Error:
      return "error";
    case NodeStatus::Skipped:
      return "skipped";
    case NodeStatus::Pass:
      return "pass";
    case NodeStatus::Fail:
      return "fail";
    case NodeStatus::Warn:
      return "warn";
    case NodeStatus::Reused:
      return "reused";
    case NodeStatus::Planned:
      return "planned";
  }
  return "error";
}

NodeRunner::NodeRunner(const compile::Compiler& compiler, const compile::Manifest& manifest,
                       warehouse::Adapter& adapter, RunOptions options)
    : compiler_(compiler), manifest_(manifest), adapter_(adapter), options_(options) {}

namespace {
double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}
}  // namespace

NodeResult NodeRunner::run(const ParsedNode& node, warehouse::Connection& connection) const {
  NodeResult result;
  result.unique_id = node.unique_id;
  result.relation_name = node.relation_name;
  result.compile_started = Clock::now();
  std::string sql;
  std::optional<NodePlan> plan;
  try {
    if (node.resource_type != ResourceType::Seed) {
      sql = compiler_.compile(manifest_, node, adapter_, connection);
      result.compiled_code = sql;
    }
    plan = decide(node, sql, connection);
    result.compile_completed = result.execute_started = Clock::now();
    execute(node, sql, plan, connection, result);
  } catch (const std::exception& e) {
    if (connection.in_transaction()) connection.rollback();
    result.status = NodeStatus::Error;
    result.message = e.what();
    if (result.compile_completed == Clock::time_point{}) {
      result.compile_completed = result.execute_started = Clock::now();
    }
    if (options_.state)
      options_.state->failed(node, plan, connection, seconds_since(result.compile_started));
  }
  result.execute_completed = Clock::now();
  result.execution_time =
      std::chrono::duration<double>(result.execute_completed - result.compile_started).count();
  return result;
}

// The decision needs the SQL the node would build from scratch: an incremental model is
// fingerprinted from its full-refresh rendering (is_incremental() false), so its incremental
// runs are not code changes.
std::optional<NodePlan> NodeRunner::decide(const ParsedNode& node, const std::string& sql,
                                           warehouse::Connection& connection) const {
  if (!options_.state) return std::nullopt;
  if (node.resource_type != ResourceType::Model || node.materialized() != "incremental") {
    return options_.state->plan(node, sql, connection);
  }
  ParsedNode full_refresh = node;
  full_refresh.config["full_refresh"] = true;
  return options_.state->plan(
      node, compiler_.compile(manifest_, full_refresh, adapter_, connection), connection);
}

void NodeRunner::execute(const ParsedNode& node, const std::string& sql,
                         const std::optional<NodePlan>& plan, warehouse::Connection& connection,
                         NodeResult& result) const {
  if (plan) result.reason = plan->decision.reason;
  if (plan && !plan->decision.build()) {
    options_.state->reused(node, *plan, connection);
    result.status = NodeStatus::Reused;
    result.message = plan->decision.reason;
    result.saved_seconds = plan->prior ? plan->prior->duration_s : 0;
    return;
  }
  if (options_.state && options_.state->dry_run()) {
    options_.state->would_build(node);
    result.status = NodeStatus::Planned;
    return;
  }
  const NodePlan* planned = plan ? &*plan : nullptr;
  if (node.resource_type == ResourceType::Test) {
    run_test(node, sql, connection, result);
    if (planned) {
      options_.state->tested(node, *planned, connection, status_name(result.status),
                             seconds_since(result.compile_started));
    }
  } else if (node.resource_type == ResourceType::Seed) {
    result.message = load_seed(node, connection, result, planned);
    result.status = NodeStatus::Success;
  } else {
    result.message = build_model(node, sql, connection, result, planned);
    result.status = NodeStatus::Success;
  }
}

void NodeRunner::run_hooks(const ParsedNode& node, const char* key,
                           warehouse::Connection& connection, HookPhase phase) const {
  for (const Hook& hook : hooks_of(node.config, key)) {
    if (phase == HookPhase::InTransaction && !hook.transaction) continue;
    if (phase == HookPhase::AfterCommit && hook.transaction) continue;
    std::string sql = compiler_.render_hook(manifest_, &node, hook.sql, adapter_, connection);
    if (sql.find_first_not_of(" \t\r\n") != std::string::npos) connection.execute(sql);
  }
}

// A kill at any instant leaves the old relation and record, or the new relation, its
// post-hooks' effects and its record: all three commit together.
void NodeRunner::finish_in_transaction(const ParsedNode& node, const NodePlan* plan,
                                       warehouse::Connection& connection,
                                       const NodeResult& result) const {
  run_hooks(node, "post-hook", connection, HookPhase::InTransaction);
  if (plan) options_.state->built(node, *plan, connection, seconds_since(result.compile_started));
}

std::string NodeRunner::build_model(const ParsedNode& node, const std::string& sql,
                                    warehouse::Connection& connection, NodeResult& result,
                                    const NodePlan* plan) const {
  std::string materialized = node.materialized();
  if (materialized == "ephemeral") return "OK";
  warehouse::Relation target = compile::relation_of(node);
  adapter_.create_schema(connection, {target.database, target.schema});
  run_hooks(node, "pre-hook", connection, HookPhase::All);
  warehouse::MaterializationSql statements(adapter_);
  std::string message;
  if (materialized == "view") {
    in_transaction(connection, [&] {
      warehouse::Relation temp = target.with_identifier(target.identifier + "__dbt_tmp");
      adapter_.drop_relation(connection, temp);
      result.run_sql = statements.create_view(temp, sql);
      connection.execute(result.run_sql);
      adapter_.swap_in(connection, temp, target);
      finish_in_transaction(node, plan, connection, result);
      return 0;
    });
    message = "OK";
  } else if (materialized == "table" || materialized == "incremental") {
    std::optional<warehouse::Relation> existing = adapter_.get_relation(connection, target);
    bool incremental =
        materialized == "incremental" && existing &&
        existing->type == warehouse::RelationType::Table && !options_.full_refresh &&
        !(node.config.contains("full_refresh") && node.config["full_refresh"] == true);
    if (incremental) {
      result.rows_affected = in_transaction(connection, [&] {
        RecordingConnection recording(connection, result.run_sql);
        int64_t rows =
            statements.merge_incremental(recording, incremental_config(node.config), target, sql);
        finish_in_transaction(node, plan, connection, result);
        return rows;
      });
    } else {
      result.rows_affected = in_transaction(connection, [&] {
        warehouse::Relation temp = target.with_identifier(target.identifier + "__dbt_tmp");
        adapter_.drop_relation(connection, temp);
        result.run_sql = statements.create_table(temp, sql);
        int64_t rows = connection.execute(result.run_sql).rows_affected;
        adapter_.swap_in(connection, temp, target);
        finish_in_transaction(node, plan, connection, result);
        return rows;
      });
    }
    message = "OK";
  } else {
    throw std::runtime_error("Compilation Error in " + node.unique_id + " (" +
                             node.node->original_file_path + ")\n  No materialization '" +
                             materialized + "' was found for adapter " + adapter_.type() +
                             ". Kiln supports view, table, incremental and ephemeral.");
  }
  run_hooks(node, "post-hook", connection, HookPhase::AfterCommit);
  return message;
}

std::string NodeRunner::load_seed(const ParsedNode& node, warehouse::Connection& connection,
                                  NodeResult& result, const NodePlan* plan) const {
  warehouse::Relation target = compile::relation_of(node);
  target.type = warehouse::RelationType::Table;
  adapter_.create_schema(connection, {target.database, target.schema});
  warehouse::SeedCsvOptions options;
  std::string delimiter = config_string(node.config, "delimiter", ",");
  options.delimiter = delimiter.empty() ? ',' : delimiter[0];
  if (node.config.contains("column_types") && node.config["column_types"].is_object()) {
    for (const auto& [column, type] : node.config["column_types"].items()) {
      if (type.is_string()) options.column_types[column] = type.get<std::string>();
    }
  }
  std::filesystem::path csv =
      std::filesystem::path(node.node->root_path) / node.node->original_file_path;
  run_hooks(node, "pre-hook", connection, HookPhase::All);
  warehouse::SeedLoadResult loaded = in_transaction(connection, [&] {
    warehouse::Relation temp = target.with_identifier(target.identifier + "__dbt_tmp");
    adapter_.drop_relation(connection, temp);
    warehouse::SeedLoadResult load = adapter_.load_csv(connection, temp, csv, options);
    adapter_.swap_in(connection, temp, target);
    finish_in_transaction(node, plan, connection, result);
    return load;
  });
  run_hooks(node, "post-hook", connection, HookPhase::AfterCommit);
  result.rows_affected = loaded.rows;
  return "INSERT " + std::to_string(loaded.rows);
}

void NodeRunner::run_test(const ParsedNode& node, const std::string& sql,
                          warehouse::Connection& connection, NodeResult& result) const {
  warehouse::TestThresholds thresholds;
  thresholds.fail_calc = config_string(node.config, "fail_calc", "count(*)");
  thresholds.warn_if = config_string(node.config, "warn_if", "!= 0");
  thresholds.error_if = config_string(node.config, "error_if", "!= 0");
  if (node.config.contains("limit") && node.config["limit"].is_number_integer()) {
    thresholds.limit = node.config["limit"].get<int64_t>();
  }
  std::string severity = config_string(node.config, "severity", "ERROR");
  for (char& c : severity)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));

  result.run_sql = warehouse::wrap_test_sql(sql, thresholds);
  warehouse::ResultTable table = connection.execute(result.run_sql);
  if (table.rows.empty()) throw std::runtime_error("the test query returned no row");
  const auto& row = table.rows[0];
  auto as_int = [](const warehouse::Cell& cell) -> int64_t {
    if (auto* i = std::get_if<int64_t>(&cell)) return *i;
    if (auto* d = std::get_if<double>(&cell)) return static_cast<int64_t>(*d);
    if (auto* s = std::get_if<std::string>(&cell)) return std::stoll(*s);
    return 0;
  };
  auto as_bool = [](const warehouse::Cell& cell) {
    if (auto* b = std::get_if<bool>(&cell)) return *b;
    return false;
  };
  int64_t failures = as_int(row[0]);
  bool should_warn = as_bool(row[1]);
  bool should_error = as_bool(row[2]);
  result.failures = failures;
  if (severity == "ERROR" && should_error) {
    result.status = NodeStatus::Fail;
    result.message = "Got " + std::to_string(failures) + " result" + (failures == 1 ? "" : "s") +
                     ", configured to fail if " + thresholds.error_if;
  } else if (should_warn) {
    result.status = NodeStatus::Warn;
    result.message = "Got " + std::to_string(failures) + " result" + (failures == 1 ? "" : "s") +
                     ", configured to warn if " + thresholds.warn_if;
  } else {
    result.status = NodeStatus::Pass;
    result.message = "";
  }
}

}  // namespace kiln::run
