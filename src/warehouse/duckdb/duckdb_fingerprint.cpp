// Content fingerprints for the DuckDB engine: count(*) and sum(hash(row)) over the rows. The
// sum is order-independent, so the same rows in another physical order give the same token;
// unlike bit_xor it does not cancel a duplicated row; it is summed as HUGEINT, so it never
// overflows. One scan of the table, no sort.

#include <fmt/format.h>

#include "warehouse/duckdb/duckdb_adapter.h"
#include "warehouse/error.h"

namespace kiln::warehouse::duckdb {

namespace {

std::string fingerprint_select(const std::string& rendered_relation, size_t position) {
  return fmt::format(
      "SELECT {} AS position, count(*) AS row_count, coalesce(sum(hash(t)), 0)::HUGEINT AS "
      "row_hash FROM {} AS t",
      position, rendered_relation);
}

std::string token(const std::vector<Cell>& cells) {
  return fmt::format("{}:{}", cell_text(cells[1]), cell_text(cells[2]));
}

}  // namespace

std::string DuckDbAdapter::content_fingerprint(Connection& connection, const Relation& relation) {
  return content_fingerprints(connection, {relation}).at(0);
}

std::vector<std::string> DuckDbAdapter::content_fingerprints(
    Connection& connection, const std::vector<Relation>& relations) {
  if (relations.empty()) return {};
  std::string query;
  for (size_t i = 0; i < relations.size(); ++i) {
    if (i > 0) query += "\nUNION ALL\n";
    query += fingerprint_select(render(qualified(relations[i])), i);
  }
  ResultTable rows = connection.execute(query);
  std::vector<std::string> tokens(relations.size());
  for (const auto& cells : rows.rows) {
    tokens.at(static_cast<size_t>(std::get<int64_t>(cells[0]))) = token(cells);
  }
  return tokens;
}

}  // namespace kiln::warehouse::duckdb
