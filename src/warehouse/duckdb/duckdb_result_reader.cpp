#include "warehouse/duckdb/duckdb_result_reader.h"

#include <vector>

#include "warehouse/duckdb/duckdb_handles.h"
#include "warehouse/duckdb/duckdb_type_name.h"
#include "warehouse/duckdb/duckdb_value_text.h"

namespace kiln::warehouse::duckdb {

namespace {

template <typename T>
int64_t integer_at(duckdb_vector vector, idx_t row) {
  return static_cast<int64_t>(static_cast<const T*>(duckdb_vector_get_data(vector))[row]);
}

template <typename T>
double float_at(duckdb_vector vector, idx_t row) {
  return static_cast<double>(static_cast<const T*>(duckdb_vector_get_data(vector))[row]);
}

void append_rows(ResultTable& table, duckdb_data_chunk chunk,
                 const std::vector<LogicalType>& types) {
  idx_t row_count = duckdb_data_chunk_get_size(chunk);
  std::vector<duckdb_vector> vectors;
  for (idx_t column = 0; column < types.size(); ++column) {
    vectors.push_back(duckdb_data_chunk_get_vector(chunk, column));
  }
  for (idx_t row = 0; row < row_count; ++row) {
    std::vector<Cell>& cells = table.rows.emplace_back();
    cells.reserve(types.size());
    for (idx_t column = 0; column < types.size(); ++column) {
      cells.push_back(read_cell(vectors[column], types[column].get(), row));
    }
  }
}

// DML reports its count through duckdb_rows_changed; CREATE TABLE AS reports none there
// (its return type is NOTHING) but answers a one-row "Count" column, which is read instead.
int64_t rows_affected(duckdb_result& result, const ResultTable& table) {
  switch (duckdb_result_return_type(result)) {
    case DUCKDB_RESULT_TYPE_CHANGED_ROWS:
      return static_cast<int64_t>(duckdb_rows_changed(&result));
    case DUCKDB_RESULT_TYPE_NOTHING: {
      bool reports_count = table.columns.size() == 1 && table.columns[0].name == "Count" &&
                           table.rows.size() == 1 &&
                           std::holds_alternative<int64_t>(table.rows[0][0]);
      return reports_count ? std::get<int64_t>(table.rows[0][0]) : -1;
    }
    default:
      return -1;
  }
}

}  // namespace

Cell read_cell(duckdb_vector vector, duckdb_logical_type type, idx_t row) {
  uint64_t* validity = duckdb_vector_get_validity(vector);
  if (validity != nullptr && !duckdb_validity_row_is_valid(validity, row)) return {};
  switch (duckdb_get_type_id(type)) {
    case DUCKDB_TYPE_BOOLEAN:
      return static_cast<const bool*>(duckdb_vector_get_data(vector))[row];
    case DUCKDB_TYPE_TINYINT:
      return integer_at<int8_t>(vector, row);
    case DUCKDB_TYPE_SMALLINT:
      return integer_at<int16_t>(vector, row);
    case DUCKDB_TYPE_INTEGER:
      return integer_at<int32_t>(vector, row);
    case DUCKDB_TYPE_BIGINT:
      return integer_at<int64_t>(vector, row);
    case DUCKDB_TYPE_UTINYINT:
      return integer_at<uint8_t>(vector, row);
    case DUCKDB_TYPE_USMALLINT:
      return integer_at<uint16_t>(vector, row);
    case DUCKDB_TYPE_UINTEGER:
      return integer_at<uint32_t>(vector, row);
    case DUCKDB_TYPE_FLOAT:
      return float_at<float>(vector, row);
    case DUCKDB_TYPE_DOUBLE:
      return float_at<double>(vector, row);
    default: {
      std::string text;
      append_value_text(text, vector, type, row);
      return text;
    }
  }
}

ResultTable read_result(duckdb_result& result) {
  ResultTable table;
  idx_t column_count = duckdb_column_count(&result);
  std::vector<LogicalType> types;
  types.reserve(column_count);
  for (idx_t column = 0; column < column_count; ++column) {
    LogicalType& type = types.emplace_back(duckdb_column_logical_type(&result, column));
    table.columns.push_back(
        {duckdb_column_name(&result, column), type_name(type.get()), value_kind(type.id())});
  }
  while (DataChunk chunk{duckdb_fetch_chunk(result)})
    append_rows(table, chunk.get(), types);
  table.rows_affected = rows_affected(result, table);
  return table;
}

}  // namespace kiln::warehouse::duckdb
