#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "duckdb_database.h"
#include "project_plan.h"

namespace kiln::bench {

// Creates (or replaces) the raw.src_* tables `plan` reads, in one transaction. Rows are a
// pure function of (table index, row number, seed): the same file for the same --seed.
void create_source_tables(DuckdbDatabase& database, const ProjectPlan& plan);

// Appends `count` rows to raw.<table> with ids and updated_at after every existing row, as a
// loader delivering new data would; incremental models downstream pick them up.
void append_source_rows(DuckdbDatabase& database, const std::string& table, size_t count);

}  // namespace kiln::bench
