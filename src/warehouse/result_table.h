#pragma once
// The result of a statement, engine-neutral, in the shape dbt's run_query() hands to Jinja
// (an agate table): named, typed columns and rows of cells.
//
// A cell holds a native value when one fits without loss: bool, int64 (integers of up to 64
// signed bits), double (FLOAT, DOUBLE). Everything else is kept as the engine's own text for
// the value (DECIMAL "12.50", DATE "2024-01-31", TIMESTAMP "2024-01-31 10:00:00", HUGEINT,
// UBIGINT, INTERVAL, UUID, lists and structs, ...): the column's ValueKind says how to read it,
// so no precision is lost on the way to Jinja and the text matches what the engine prints.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiln::warehouse {

using Cell = std::variant<std::monostate, bool, int64_t, double, std::string>;

inline bool is_null(const Cell& cell) {
  return std::holds_alternative<std::monostate>(cell);
}
// The value as text, for messages and for consumers that want text: null is "", true is
// "true", doubles print with the shortest text that reads back to the same value.
std::string cell_text(const Cell& cell);

// What a column's values are, whatever the engine calls the type.
enum class ValueKind {
  Boolean,
  Integer,      // int64 cells, or text for integers wider than 64 bits / unsigned 64
  Float,        // double cells
  Decimal,      // text, exact
  Text,         // VARCHAR, JSON, ENUM
  Date,         // text YYYY-MM-DD
  Time,         // text HH:MM:SS[.ffffff][+TZ]
  Timestamp,    // text YYYY-MM-DD HH:MM:SS[.ffffff]
  TimestampTz,  // text with a UTC offset, YYYY-MM-DD HH:MM:SS[.ffffff]+00
  Interval,     // text as the engine prints intervals
  Blob,         // text with \xNN escapes
  Uuid,         // text
  Nested,       // lists, arrays, structs, maps, unions: text as the engine prints them
  Other,
};

struct ResultColumn {
  std::string name;
  std::string type;  // the engine's type name, e.g. "DECIMAL(18,3)", "INTEGER[]"
  ValueKind kind = ValueKind::Other;
};

struct ResultTable {
  std::vector<ResultColumn> columns;
  std::vector<std::vector<Cell>> rows;
  // Rows inserted/updated/deleted by the statement; -1 when the statement does not report
  // a count (queries, DDL).
  int64_t rows_affected = -1;

  // The column's position, or -1 when there is no such column (names compare exactly).
  int column_index(std::string_view name) const;
  // The cell at (row, column name); throws WarehouseError(Usage) on a missing column.
  const Cell& at(size_t row, std::string_view column) const;
};

}  // namespace kiln::warehouse
