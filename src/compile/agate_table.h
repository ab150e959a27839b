#pragma once
// A query result as dbt hands it to Jinja: an agate.Table. run_query() returns one and
// `load_result(name).table` holds one. Templates use a small part of agate's API, and this is
// that part: `table.rows` (rows indexable by position or column name, iterable),
// `table.columns` (indexable by position or name; `column.name`, `column.values()`),
// `table.column_names`, `table.column_types`, `len(table)`, `for row in table`, and
// `table.print_table()` (logs nothing, as dbt prints to stdout only with a TTY).
//
// Cells become Values the way agate types them: integers and decimals as numbers, text as
// str, booleans as bool, NULL as None, dates and timestamps as their text.

#include "jinja/value.h"
#include "warehouse/result_table.h"

namespace kiln::compile {

jinja::Value make_agate_table(const warehouse::ResultTable& table);

// One cell as agate would give it to a template.
jinja::Value cell_value(const warehouse::Cell& cell, warehouse::ValueKind kind);

}  // namespace kiln::compile
