#include "warehouse/materialization_sql.h"

#include <set>

#include "warehouse/error.h"

namespace kiln::warehouse {

std::string MaterializationSql::create_view(const Relation& relation,
                                            const std::string& sql) const {
  return "create view " + adapter_.render(relation) + " as (\n" + sql + "\n)";
}

std::string MaterializationSql::create_table(const Relation& relation,
                                             const std::string& sql) const {
  return "create table " + adapter_.render(relation) + " as (\n" + sql + "\n)";
}

namespace {

// The columns of a relation the catalog cannot see (a session's temporary table), read from
// an empty query over it.
std::vector<CatalogColumn> query_columns(Connection& connection, const std::string& relation) {
  ResultTable empty = connection.execute("select * from " + relation + " where false");
  std::vector<CatalogColumn> columns;
  int ordinal = 0;
  for (const ResultColumn& c : empty.columns)
    columns.push_back({c.name, c.type, ++ordinal});
  return columns;
}

}  // namespace

std::string MaterializationSql::column_list(const std::vector<CatalogColumn>& columns) const {
  std::string out;
  for (const CatalogColumn& c : columns)
    out += (out.empty() ? "" : ", ") + adapter_.quote(c.name);
  return out;
}

// on_schema_change: what to do when the new rows' columns differ from the table's.
void MaterializationSql::reconcile_schema(Connection& connection, const IncrementalConfig& config,
                                          const Relation& target, const Relation& temp) const {
  if (config.on_schema_change == "ignore" || config.on_schema_change.empty()) return;
  std::vector<CatalogColumn> existing = adapter_.get_columns_in_relation(connection, target);
  std::vector<CatalogColumn> incoming = query_columns(connection, adapter_.render(temp));
  std::set<std::string> existing_names, incoming_names;
  for (const auto& c : existing)
    existing_names.insert(c.name);
  for (const auto& c : incoming)
    incoming_names.insert(c.name);
  std::vector<CatalogColumn> added, removed;
  for (const auto& c : incoming) {
    if (!existing_names.count(c.name)) added.push_back(c);
  }
  for (const auto& c : existing) {
    if (!incoming_names.count(c.name)) removed.push_back(c);
  }
  if (added.empty() && removed.empty()) return;
  if (config.on_schema_change == "fail") {
    throw WarehouseError(
        ErrorKind::Usage,
        "The source and target schemas on this incremental model are out of sync! They can be "
        "reconciled in several ways: set the `on_schema_change` config to either "
        "append_new_columns or sync_all_columns, depending on your situation, or re-run the "
        "incremental model with `full_refresh: True` to update the target schema.");
  }
  std::string table = adapter_.render(target);
  for (const auto& c : added) {
    connection.execute("alter table " + table + " add column " + adapter_.quote(c.name) + " " +
                       c.type);
  }
  if (config.on_schema_change == "sync_all_columns") {
    for (const auto& c : removed) {
      connection.execute("alter table " + table + " drop column " + adapter_.quote(c.name));
    }
  }
}

int64_t MaterializationSql::merge_incremental(Connection& connection,
                                              const IncrementalConfig& config,
                                              const Relation& target,
                                              const std::string& sql) const {
  Relation temp;
  temp.identifier = target.identifier + "__dbt_tmp";
  temp.include_policy = {false, false, true};
  std::string temp_name = adapter_.render(temp);
  connection.execute("drop table if exists " + temp_name);
  connection.execute("create temporary table " + temp_name + " as (\n" + sql + "\n)");
  reconcile_schema(connection, config, target, temp);

  // The table's columns that the new rows also have (on_schema_change=ignore drops the rest).
  std::vector<CatalogColumn> target_columns = adapter_.get_columns_in_relation(connection, target);
  std::vector<CatalogColumn> temp_columns = query_columns(connection, temp_name);
  std::set<std::string> in_temp;
  for (const auto& c : temp_columns)
    in_temp.insert(c.name);
  std::vector<CatalogColumn> shared;
  for (const auto& c : target_columns) {
    if (in_temp.count(c.name)) shared.push_back(c);
  }
  std::string columns = column_list(shared);
  std::string table = adapter_.render(target);

  std::string strategy = config.strategy;
  if (strategy.empty() || strategy == "default") {
    strategy = config.unique_key.empty() ? "append" : "delete+insert";
  }
  std::string predicates;
  for (const auto& p : config.incremental_predicates)
    predicates += " and (" + p + ")";

  if (strategy == "delete+insert" || strategy == "merge") {
    if (config.unique_key.empty()) {
      throw WarehouseError(ErrorKind::Usage,
                           "incremental strategy '" + strategy + "' needs a unique_key config");
    }
    std::string keys;
    for (const auto& key : config.unique_key)
      keys += (keys.empty() ? "" : ", ") + adapter_.quote(key);
    // merge is update-or-insert by key; deleting the matched rows and inserting the new
    // ones gives the same table (as dbt's delete+insert does) on every engine and version.
    connection.execute("delete from " + table + " where (" + keys + ") in (select " + keys +
                       " from " + temp_name + ")" + predicates);
  } else if (strategy != "append") {
    throw WarehouseError(ErrorKind::Usage,
                         "Invalid incremental strategy provided: " + strategy +
                             ". Expected one of: 'append', 'merge', 'delete+insert'");
  }
  int64_t rows = connection
                     .execute("insert into " + table + " (" + columns + ") select " + columns +
                              " from " + temp_name)
                     .rows_affected;
  connection.execute("drop table if exists " + temp_name);
  return rows;
}

std::string wrap_test_sql(const std::string& sql, const TestThresholds& t) {
  std::string limit = t.limit ? "\n    limit " + std::to_string(*t.limit) : "";
  return "select\n      " + t.fail_calc + " as failures,\n      " + t.fail_calc + " " + t.warn_if +
         " as should_warn,\n      " + t.fail_calc + " " + t.error_if +
         " as should_error\n    from (\n      " + sql + limit + "\n    ) dbt_internal_test";
}

}  // namespace kiln::warehouse
