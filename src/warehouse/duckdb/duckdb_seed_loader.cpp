// Seeds for the DuckDB engine. DuckDB's CSV reader parses the file (with the seed's delimiter
// and quoting) twice, both times as text: once to infer the columns' types with the
// engine-neutral rules of seed_type_inference.h, once inside CREATE TABLE AS SELECT that casts
// each column, so the rows go into the table in bulk and never pass through Kiln one by one.

#include <duckdb.h>

#include <fmt/format.h>

#include <string_view>

#include "warehouse/duckdb/duckdb_adapter.h"
#include "warehouse/duckdb/duckdb_connection.h"
#include "warehouse/error.h"
#include "warehouse/quoting.h"
#include "warehouse/seed_type_inference.h"

namespace kiln::warehouse::duckdb {

namespace {

const char* duckdb_type_for(SeedColumnType type) {
  switch (type) {
    case SeedColumnType::Integer:
      return "INTEGER";
    case SeedColumnType::BigInteger:
      return "BIGINT";
    case SeedColumnType::WideInteger:
      return "HUGEINT";
    case SeedColumnType::Float:
      return "DOUBLE";
    case SeedColumnType::Date:
      return "DATE";
    case SeedColumnType::Timestamp:
      return "TIMESTAMP";
    case SeedColumnType::TimestampWithZone:
      return "TIMESTAMPTZ";
    case SeedColumnType::Boolean:
      return "BOOLEAN";
    case SeedColumnType::Text:
      return "VARCHAR";
  }
  return "VARCHAR";
}

std::string read_csv_call(const std::filesystem::path& file, const SeedCsvOptions& options) {
  std::string delimiter(1, options.delimiter);
  std::string quote(1, options.quote);
  return fmt::format(
      "read_csv({}, header = {}, delim = {}, quote = {}, escape = {}, all_varchar = true)",
      quote_string_literal(file.string()), options.header ? "true" : "false",
      quote_string_literal(delimiter), quote_string_literal(quote), quote_string_literal(quote));
}

// The cell stripped of the whitespace Python's str.strip() removes.
std::string stripped(const std::string& column) {
  return fmt::format("trim({}, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))", column);
}

// Matches agate's number decoration, for regexp_replace.
std::string number_decoration_pattern() {
  std::string pattern;
  for (const char* const* symbol = seed_number_decorations(); *symbol != nullptr; ++symbol) {
    if (!pattern.empty()) pattern += '|';
    if (std::string_view(*symbol) == "$") pattern += '\\';
    pattern += *symbol;
  }
  return pattern;
}

std::string typed_value(const std::string& column, SeedColumnType type) {
  switch (type) {
    case SeedColumnType::Integer:
    case SeedColumnType::BigInteger:
    case SeedColumnType::WideInteger:
    case SeedColumnType::Float:
      return fmt::format("CAST(regexp_replace({}, {}, '', 'g') AS {})", stripped(column),
                         quote_string_literal(number_decoration_pattern()), duckdb_type_for(type));
    case SeedColumnType::Boolean:
      return fmt::format("lower({}) = 'true'", stripped(column));
    case SeedColumnType::Text:
      return column;
    default:
      return fmt::format("CAST({} AS {})", stripped(column), duckdb_type_for(type));
  }
}

// dbt reads "", "null" (any case, any surrounding whitespace) as NULL in every column.
std::string null_guarded(const std::string& column, const std::string& value) {
  return fmt::format("CASE WHEN coalesce(lower({}) IN ('', 'null'), true) THEN NULL ELSE {} END",
                     stripped(column), value);
}

std::string_view string_at(duckdb_vector vector, idx_t row) {
  auto* strings = static_cast<duckdb_string_t*>(duckdb_vector_get_data(vector));
  return {duckdb_string_t_data(&strings[row]), duckdb_string_t_length(strings[row])};
}

DuckDbConnection& as_duckdb(Connection& connection) {
  auto* duckdb_connection = dynamic_cast<DuckDbConnection*>(&connection);
  if (duckdb_connection == nullptr) {
    throw WarehouseError(ErrorKind::Usage,
                         "a DuckDB adapter was given another engine's connection");
  }
  return *duckdb_connection;
}

struct InferredColumn {
  size_t position;
  SeedColumnTypeGuesser guesser;
};

// Feeds every cell of the inferred columns to their guessers.
void observe_cells(DuckDbConnection& connection, const std::string& source,
                   const std::vector<std::string>& names, std::vector<InferredColumn>& columns) {
  if (columns.empty()) return;
  std::string select;
  for (const InferredColumn& column : columns) {
    if (!select.empty()) select += ", ";
    select += quote_identifier(names[column.position]);
  }
  connection.for_each_chunk(
      fmt::format("SELECT {} FROM {}", select, source), [&](duckdb_data_chunk chunk) {
        idx_t rows = duckdb_data_chunk_get_size(chunk);
        for (idx_t i = 0; i < columns.size(); ++i) {
          duckdb_vector vector = duckdb_data_chunk_get_vector(chunk, i);
          uint64_t* validity = duckdb_vector_get_validity(vector);
          for (idx_t row = 0; row < rows; ++row) {
            bool valid = validity == nullptr || duckdb_validity_row_is_valid(validity, row);
            columns[i].guesser.observe(valid ? string_at(vector, row) : std::string_view());
          }
        }
      });
}

}  // namespace

SeedLoadResult DuckDbAdapter::load_csv(Connection& connection, const Relation& table,
                                       const std::filesystem::path& csv_file,
                                       const SeedCsvOptions& options) {
  DuckDbConnection& duckdb_connection = as_duckdb(connection);
  std::string source = read_csv_call(csv_file, options);
  ResultTable header = connection.execute(fmt::format("SELECT * FROM {} LIMIT 0", source));
  std::vector<std::string> names;
  std::vector<InferredColumn> inferred;
  for (const ResultColumn& column : header.columns) {
    if (!options.column_types.contains(column.name)) inferred.push_back({names.size(), {}});
    names.push_back(column.name);
  }
  observe_cells(duckdb_connection, source, names, inferred);

  std::vector<std::string> values(names.size());
  for (const InferredColumn& column : inferred) {
    std::string name = quote_identifier(names[column.position]);
    values[column.position] = null_guarded(name, typed_value(name, column.guesser.guess()));
  }
  for (size_t i = 0; i < names.size(); ++i) {
    auto override_type = options.column_types.find(names[i]);
    if (override_type == options.column_types.end()) continue;
    std::string name = quote_identifier(names[i]);
    values[i] = null_guarded(name, fmt::format("CAST({} AS {})", name, override_type->second));
  }
  std::string select;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) select += ",\n  ";
    select += fmt::format("{} AS {}", values[i], quote_identifier(names[i]));
  }
  Relation target = qualified(table);
  ResultTable created = connection.execute(
      fmt::format("CREATE TABLE {} AS SELECT\n  {}\nFROM {}", render(target), select, source));
  return {get_columns_in_relation(connection, target), std::max<int64_t>(created.rows_affected, 0)};
}

}  // namespace kiln::warehouse::duckdb
