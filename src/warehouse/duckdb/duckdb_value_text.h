#pragma once
// One value of a DuckDB result vector written as DuckDB writes it when the value is cast to
// VARCHAR (dates, timestamps, decimals, intervals, lists, structs, ...), so that the text a
// template sees matches the text a user sees in DuckDB. Timestamps with time zone are written
// in UTC ("+00"), as DuckDB does with TimeZone = 'UTC'.

#include <duckdb.h>

#include <string>

namespace kiln::warehouse::duckdb {

// Appends the value at `row` of `vector` (whose type is `type`) to `out`. The caller checks
// validity for the top-level value; nulls nested inside lists and structs are written NULL.
void append_value_text(std::string& out, duckdb_vector vector, duckdb_logical_type type, idx_t row);

// 128-bit integers as decimal text.
std::string int128_text(__int128 value);
std::string uint128_text(unsigned __int128 value);

}  // namespace kiln::warehouse::duckdb
