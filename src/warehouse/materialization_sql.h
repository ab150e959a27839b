#pragma once
// The SQL of dbt's materializations, for engines that speak ANSI SQL (DuckDB, PostgreSQL):
// create a view or a table from a query, merge a query's rows into an existing table the
// way each incremental strategy does, and wrap a test query into dbt's failure counts.
// The run stage decides what to build; this file says how, in SQL.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "warehouse/adapter.h"

namespace kiln::warehouse {

struct IncrementalConfig {
  std::string strategy;                     // append | delete+insert | merge; empty: dbt's default
  std::vector<std::string> unique_key;      // one or more columns
  std::string on_schema_change = "ignore";  // ignore | fail | append_new_columns | sync_all_columns
  std::vector<std::string> incremental_predicates;
};

class MaterializationSql {
 public:
  explicit MaterializationSql(Adapter& adapter) : adapter_(adapter) {}

  std::string create_view(const Relation& relation, const std::string& sql) const;
  std::string create_table(const Relation& relation, const std::string& sql) const;

  // Runs the incremental update of `target` (which exists) with the rows of `sql`, inside the
  // caller's transaction. Returns the rows inserted (or -1 when the engine does not say).
  int64_t merge_incremental(Connection& connection, const IncrementalConfig& config,
                            const Relation& target, const std::string& sql) const;

 private:
  std::string column_list(const std::vector<CatalogColumn>& columns) const;
  void reconcile_schema(Connection& connection, const IncrementalConfig& config,
                        const Relation& target, const Relation& temp) const;

  Adapter& adapter_;
};

// dbt's test thresholds (configs fail_calc, warn_if, error_if, limit).
struct TestThresholds {
  std::string fail_calc = "count(*)";
  std::string warn_if = "!= 0";
  std::string error_if = "!= 0";
  std::optional<int64_t> limit;
};

// select <fail_calc> as failures, <fail_calc> <warn_if> as should_warn, ... from (<sql>)
std::string wrap_test_sql(const std::string& sql, const TestThresholds& thresholds);

}  // namespace kiln::warehouse
