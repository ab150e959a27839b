#pragma once
// DuckDB logical types as DuckDB spells them (what typeof() returns: "DECIMAL(18,3)",
// "INTEGER[]", "STRUCT(a INTEGER, \"B\" VARCHAR)") and the engine-neutral ValueKind of each.

#include <duckdb.h>

#include <string>

#include "warehouse/result_table.h"

namespace kiln::warehouse::duckdb {

std::string type_name(duckdb_logical_type type);
ValueKind value_kind(duckdb_type type);

// An identifier as DuckDB writes it inside type names: bare when it is a plain lower-case
// name, double-quoted otherwise.
std::string optionally_quoted(const std::string& name);

}  // namespace kiln::warehouse::duckdb
