#include "warehouse/result_table.h"

#include <fmt/format.h>

#include "warehouse/error.h"

namespace kiln::warehouse {

std::string cell_text(const Cell& cell) {
  struct Printer {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(bool value) const { return value ? "true" : "false"; }
    std::string operator()(int64_t value) const { return std::to_string(value); }
    // fmt's default for doubles is the shortest round-trip text.
    std::string operator()(double value) const { return fmt::format("{}", value); }
    std::string operator()(const std::string& value) const { return value; }
  };
  return std::visit(Printer{}, cell);
}

int ResultTable::column_index(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const Cell& ResultTable::at(size_t row, std::string_view column) const {
  int index = column_index(column);
  if (index < 0) {
    throw WarehouseError(ErrorKind::Usage, fmt::format("result has no column '{}'", column));
  }
  return rows.at(row).at(static_cast<size_t>(index));
}

}  // namespace kiln::warehouse
