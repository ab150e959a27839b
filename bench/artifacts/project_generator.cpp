#include "project_generator.h"

#include <fmt/format.h>

namespace kiln::bench {
namespace {

using artifacts::Json;

constexpr std::size_t kSourceCount = 100;
constexpr std::size_t kMacroCount = 200;

// dbt 1.11's resolved default model config: every model carries all of it.
Json default_model_config() {
  return Json{{"enabled", true},
              {"alias", nullptr},
              {"schema", nullptr},
              {"database", nullptr},
              {"tags", Json::array()},
              {"meta", Json::object()},
              {"group", nullptr},
              {"materialized", "table"},
              {"incremental_strategy", nullptr},
              {"batch_size", nullptr},
              {"lookback", 1},
              {"begin", nullptr},
              {"persist_docs", Json::object()},
              {"post-hook", Json::array()},
              {"pre-hook", Json::array()},
              {"quoting", Json::object()},
              {"column_types", Json::object()},
              {"full_refresh", nullptr},
              {"unique_key", nullptr},
              {"on_schema_change", "ignore"},
              {"on_configuration_change", "apply"},
              {"grants", Json::object()},
              {"packages", Json::array()},
              {"docs", {{"show", true}, {"node_color", nullptr}}},
              {"contract", {{"enforced", false}, {"alias_types", true}}},
              {"event_time", nullptr},
              {"concurrent_batches", nullptr},
              {"access", "protected"},
              {"freshness", nullptr}};
}

artifacts::ManifestNode model_node(std::size_t i, const Json& config) {
  artifacts::ManifestNode node;
  node.resource_type = artifacts::NodeType::kModel;
  node.name = fmt::format("model_{}", i);
  node.alias = node.name;
  node.database = "analytics";
  node.schema = "main";
  node.package_name = "bench";
  node.path = fmt::format("staging/{}.sql", node.name);
  node.original_file_path = "models/" + node.path;
  node.unique_id = "model.bench." + node.name;
  node.fqn = {"bench", "staging", node.name};
  node.checksum.checksum = std::string(64, 'a');
  node.config = config;
  node.created_at = 1759423716.418234 + static_cast<double>(i);
  node.relation_name = fmt::format("\"analytics\".\"main\".\"{}\"", node.name);
  node.raw_code = fmt::format(
      "select id, name, amount_cents / 100 as amount, created_at, updated_at\n"
      "from {{{{ ref('model_{}') }}}}\njoin {{{{ source('raw', 'table_{}') }}}} using (id)\n"
      "where amount_cents > 0 -- café ☕\n",
      i == 0 ? 0 : i - 1, i % kSourceCount);
  node.compiled = true;
  node.compiled_code = node.raw_code;
  node.extra_ctes_injected = true;
  for (const char* column : {"id", "name", "amount", "created_at", "updated_at"}) {
    artifacts::ColumnInfo info;
    info.name = column;
    info.description = "A column";
    node.columns.push_back(std::move(info));
  }
  if (i > 0) {
    node.refs.push_back({fmt::format("model_{}", i - 1), std::nullopt, nullptr});
    node.depends_on.nodes.push_back(fmt::format("model.bench.model_{}", i - 1));
  }
  node.sources.push_back({"raw", fmt::format("table_{}", i % kSourceCount)});
  node.depends_on.nodes.push_back(fmt::format("source.bench.raw.table_{}", i % kSourceCount));
  node.depends_on.macros.push_back("macro.bench.macro_1");
  return node;
}

artifacts::ManifestNode test_node(const artifacts::ManifestNode& model) {
  artifacts::ManifestNode node = model;
  node.resource_type = artifacts::NodeType::kTest;
  node.name = "not_null_" + model.name + "_id";
  node.alias = node.name;
  node.unique_id = "test.bench." + node.name + ".0123456789";
  node.config = Json{{"enabled", true}, {"severity", "ERROR"}, {"materialized", "test"}};
  node.columns.clear();
  node.raw_code = "{{ test_not_null(**_dbt_generic_test_kwargs) }}";
  node.compiled_code = "select id from " + *model.relation_name + " where id is null";
  node.depends_on = {{"macro.dbt.test_not_null"}, {model.unique_id}};
  node.test_metadata = artifacts::TestMetadata{
      "not_null", Json{{"column_name", "id"}, {"model", "{{ get_where_subquery(ref('x')) }}"}},
      std::nullopt};
  node.column_name = "id";
  node.attached_node = model.unique_id;
  return node;
}

}  // namespace

artifacts::Manifest generate_manifest(std::size_t node_count) {
  artifacts::Manifest manifest;
  manifest.metadata.project_name = "bench";
  manifest.metadata.adapter_type = "duckdb";
  Json config = default_model_config();
  std::size_t model_count = node_count * 2 / 3;
  for (std::size_t i = 0; i < model_count; ++i)
    manifest.nodes.push_back(model_node(i, config));
  for (std::size_t i = 0; manifest.nodes.size() < node_count; ++i) {
    manifest.nodes.push_back(test_node(manifest.nodes[i]));
  }
  for (std::size_t i = 0; i < kSourceCount; ++i) {
    artifacts::ManifestSource source;
    source.name = fmt::format("table_{}", i);
    source.source_name = "raw";
    source.identifier = source.name;
    source.unique_id = "source.bench.raw." + source.name;
    source.fqn = {"bench", "raw", source.name};
    manifest.sources.push_back(std::move(source));
  }
  for (std::size_t i = 0; i < kMacroCount; ++i) {
    artifacts::ManifestMacro macro;
    macro.name = fmt::format("macro_{}", i);
    macro.unique_id = "macro.bench." + macro.name;
    macro.macro_sql = "{% macro " + macro.name + "(x) %}{{ x }} * 2{% endmacro %}";
    manifest.macros.push_back(std::move(macro));
  }
  return manifest;
}

artifacts::RunResults generate_run_results(const artifacts::Manifest& manifest) {
  artifacts::RunResults run;
  auto start = artifacts::TimePoint(std::chrono::microseconds(1727191476246406));
  for (const artifacts::ManifestNode& node : manifest.nodes) {
    artifacts::RunResult result;
    result.unique_id = node.unique_id;
    result.status = artifacts::NodeStatus::kSuccess;
    result.timing = {{"compile", start, start}, {"execute", start, start}};
    result.thread_id = artifacts::worker_thread_name(0);
    result.execution_time = 0.0535128116607666;
    result.adapter_response = artifacts::AdapterResponse{"OK", "SELECT", 1, Json::object()};
    result.compiled = true;
    result.compiled_code = node.compiled_code;
    result.relation_name = node.relation_name;
    run.results.push_back(std::move(result));
  }
  return run;
}

}  // namespace kiln::bench
