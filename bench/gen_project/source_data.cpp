#include "source_data.h"

#include <fmt/format.h>

#include <algorithm>

namespace kiln::bench {

namespace {

// The columns of every source row, from a row number `r` (a BIGINT column) and a table
// salt: ids are r, categories 'A'..'D' (staging lowers them), amounts 0..9999 cents, one
// row per minute from 2024-01-01.
std::string row_columns(const std::string& r, uint64_t salt, size_t customers) {
  return fmt::format(
      "{0} as id, ({0} * 7 + {1}) % {2} as customer_id, "
      "chr(cast(65 + ({0} + {1}) % 4 as integer)) as category, "
      "({0} * 37 + {1} * 11) % 10000 as amount_cents, "
      "timestamp '2024-01-01' + to_minutes({0}) as updated_at",
      r, salt, customers);
}

}  // namespace

void create_source_tables(DuckdbDatabase& database, const ProjectPlan& plan) {
  size_t customers = std::max<size_t>(1, plan.rows_per_source / 10);
  database.execute("begin transaction; create schema if not exists raw");
  for (size_t i = 0; i < plan.source_count; ++i) {
    database.execute(fmt::format(
        "create or replace table raw.{} as select {} from range({}) t(r)", source_table_name(i),
        row_columns("r", (plan.seed % 1000) + i, customers), plan.rows_per_source));
  }
  database.execute("commit");
}

void append_source_rows(DuckdbDatabase& database, const std::string& table, size_t count) {
  // New row numbers continue after max(id), so ids stay unique and updated_at (one minute per
  // row number) lands after every existing row.
  constexpr size_t kCustomers = 100;
  database.execute(fmt::format(
      "insert into raw.{0} select {1} from "
      "(select r + (select coalesce(max(id), -1) + 1 from raw.{0}) as n from range({2}) t(r))",
      table, row_columns("n", 0, kCustomers), count));
}

}  // namespace kiln::bench
