#pragma once
// DuckDB results (materialized) as engine-neutral ResultTables.

#include <duckdb.h>

#include "warehouse/result_table.h"

namespace kiln::warehouse::duckdb {

// Reads every row of `result`; rows_affected is set for INSERT/UPDATE/DELETE/CREATE AS.
ResultTable read_result(duckdb_result& result);

// One cell of a result vector: native bool/int64/double where they fit, DuckDB's text
// otherwise (see result_table.h).
Cell read_cell(duckdb_vector vector, duckdb_logical_type type, idx_t row);

}  // namespace kiln::warehouse::duckdb
