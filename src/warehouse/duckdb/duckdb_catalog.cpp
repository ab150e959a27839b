// Introspection for the DuckDB engine, from DuckDB's own catalog functions (duckdb_tables(),
// duckdb_views(), duckdb_columns()). DuckDB compares identifiers case-insensitively, so the
// lookups do too.

#include <fmt/format.h>

#include "warehouse/duckdb/duckdb_adapter.h"
#include "warehouse/error.h"
#include "warehouse/quoting.h"

namespace kiln::warehouse::duckdb {

namespace {

// Every user table and view with its type.
constexpr const char* kRelationsQuery = R"(
  SELECT database_name, schema_name, table_name AS name, 'table' AS type
  FROM duckdb_tables() WHERE NOT internal
  UNION ALL
  SELECT database_name, schema_name, view_name AS name, 'view' AS type
  FROM duckdb_views() WHERE NOT internal)";

RelationType relation_type_from(const Cell& cell) {
  return cell_text(cell) == "view" ? RelationType::View : RelationType::Table;
}

std::string equals_ignoring_case(std::string_view column, const std::string& value) {
  return fmt::format("lower({}) = lower({})", column, quote_string_literal(value));
}

std::string relation_filter(const Relation& relation) {
  return fmt::format("{} AND {} AND {}", equals_ignoring_case("database_name", relation.database),
                     equals_ignoring_case("schema_name", relation.schema),
                     equals_ignoring_case("name", relation.identifier));
}

// (lower('db'), lower('schema')), ... for a VALUES list.
std::string schema_values(const std::vector<SchemaName>& schemas, const std::string& database) {
  std::string values;
  for (const SchemaName& schema : schemas) {
    if (!values.empty()) values += ", ";
    values +=
        fmt::format("(lower({}), lower({}))",
                    quote_string_literal(schema.database.empty() ? database : schema.database),
                    quote_string_literal(schema.schema));
  }
  return values;
}

bool same_relation(const CatalogRelation& entry, const ResultTable& rows, size_t row) {
  const auto& cells = rows.rows[row];
  return entry.relation.database == cell_text(cells[0]) &&
         entry.relation.schema == cell_text(cells[1]) &&
         entry.relation.identifier == cell_text(cells[2]);
}

}  // namespace

std::vector<CatalogRelation> DuckDbAdapter::catalog(Connection& connection,
                                                    const std::vector<SchemaName>& schemas) {
  if (schemas.empty()) return {};
  std::string query = fmt::format(R"(
    WITH relations AS ({}),
    wanted(database_name, schema_name) AS (VALUES {})
    SELECT r.database_name, r.schema_name, r.name, r.type,
           c.column_name, c.data_type, c.column_index
    FROM relations r
    JOIN wanted w ON lower(r.database_name) = w.database_name
                 AND lower(r.schema_name) = w.schema_name
    LEFT JOIN duckdb_columns() c ON c.database_name = r.database_name
                                AND c.schema_name = r.schema_name
                                AND c.table_name = r.name
    ORDER BY r.database_name, r.schema_name, r.name, c.column_index)",
                                  kRelationsQuery, schema_values(schemas, database()));
  ResultTable rows = connection.execute(query);
  std::vector<CatalogRelation> relations;
  for (size_t row = 0; row < rows.rows.size(); ++row) {
    const auto& cells = rows.rows[row];
    if (relations.empty() || !same_relation(relations.back(), rows, row)) {
      Relation relation;
      relation.database = cell_text(cells[0]);
      relation.schema = cell_text(cells[1]);
      relation.identifier = cell_text(cells[2]);
      relation.type = relation_type_from(cells[3]);
      relations.push_back({std::move(relation), {}});
    }
    if (is_null(cells[4])) continue;
    relations.back().columns.push_back(
        {cell_text(cells[4]), cell_text(cells[5]), static_cast<int>(std::get<int64_t>(cells[6]))});
  }
  return relations;
}

std::optional<Relation> DuckDbAdapter::get_relation(Connection& connection, const Relation& name) {
  Relation wanted = qualified(name);
  ResultTable rows = connection.execute(
      fmt::format("SELECT database_name, schema_name, name, type FROM ({}) WHERE {}",
                  kRelationsQuery, relation_filter(wanted)));
  if (rows.rows.empty()) return std::nullopt;
  const auto& cells = rows.rows[0];
  Relation found = wanted;
  found.database = cell_text(cells[0]);
  found.schema = cell_text(cells[1]);
  found.identifier = cell_text(cells[2]);
  found.type = relation_type_from(cells[3]);
  return found;
}

std::vector<CatalogColumn> DuckDbAdapter::get_columns_in_relation(Connection& connection,
                                                                  const Relation& relation) {
  Relation wanted = qualified(relation);
  ResultTable rows = connection.execute(fmt::format(
      "SELECT column_name, data_type, column_index FROM (SELECT *, table_name AS name FROM "
      "duckdb_columns()) WHERE {} ORDER BY column_index",
      relation_filter(wanted)));
  std::vector<CatalogColumn> columns;
  for (const auto& cells : rows.rows) {
    columns.push_back(
        {cell_text(cells[0]), cell_text(cells[1]), static_cast<int>(std::get<int64_t>(cells[2]))});
  }
  return columns;
}

std::vector<std::string> DuckDbAdapter::list_schemas(Connection& connection,
                                                     const std::string& database) {
  ResultTable rows = connection.execute(fmt::format(
      "SELECT schema_name FROM duckdb_schemas() WHERE {} AND schema_name NOT IN "
      "('information_schema', 'pg_catalog') ORDER BY schema_name",
      equals_ignoring_case("database_name", database.empty() ? database_name_ : database)));
  std::vector<std::string> schemas;
  for (const auto& cells : rows.rows)
    schemas.push_back(cell_text(cells[0]));
  return schemas;
}

}  // namespace kiln::warehouse::duckdb
