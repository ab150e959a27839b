#include "run/source_freshness.h"

#include <fmt/format.h>

#include "state/timestamp_text.h"
#include "warehouse/result_table.h"

namespace kiln::run {

namespace {

using Clock = std::chrono::system_clock;

std::optional<std::chrono::seconds> threshold(const nlohmann::ordered_json& freshness,
                                              const char* key) {
  if (!freshness.is_object() || !freshness.contains(key)) return std::nullopt;
  const auto& after = freshness[key];
  if (!after.is_object() || !after.contains("count") || !after.contains("period")) {
    return std::nullopt;
  }
  if (!after["count"].is_number_integer() || !after["period"].is_string()) return std::nullopt;
  const std::string period = after["period"].get<std::string>();
  int64_t unit = period == "minute" ? 60 : period == "hour" ? 3600 : period == "day" ? 86400 : 0;
  if (unit == 0) return std::nullopt;
  return std::chrono::seconds(after["count"].get<int64_t>() * unit);
}

Clock::time_point timestamp_cell(const warehouse::Cell& cell, const char* what) {
  if (warehouse::is_null(cell)) throw std::runtime_error(std::string(what) + " is null");
  auto parsed = state::parse_timestamp(warehouse::cell_text(cell));
  if (!parsed)
    throw std::runtime_error(std::string(what) +
                             " is not a timestamp: " + warehouse::cell_text(cell));
  return *parsed;
}

}  // namespace

std::optional<FreshnessCriteria> freshness_criteria(const nlohmann::ordered_json& freshness) {
  FreshnessCriteria criteria;
  criteria.warn_after = threshold(freshness, "warn_after");
  criteria.error_after = threshold(freshness, "error_after");
  if (!criteria.warn_after && !criteria.error_after) return std::nullopt;
  if (freshness.contains("filter") && freshness["filter"].is_string()) {
    criteria.filter = freshness["filter"].get<std::string>();
  }
  return criteria;
}

FreshnessCheck check_freshness(warehouse::Adapter& adapter, warehouse::Connection& connection,
                               const warehouse::Relation& relation,
                               const std::string& loaded_at_field,
                               const FreshnessCriteria& criteria) {
  FreshnessCheck check;
  check.started = Clock::now();
  std::string sql = fmt::format(
      "SELECT CAST(max({}) AS VARCHAR) AS max_loaded_at, "
      "CAST(current_timestamp AT TIME ZONE 'UTC' AS VARCHAR) AS snapshotted_at FROM {}{}",
      loaded_at_field, adapter.render(relation),
      criteria.filter ? " WHERE " + *criteria.filter : "");
  try {
    warehouse::ResultTable result = connection.execute(sql);
    if (result.rows.empty()) throw std::runtime_error("the freshness query returned no row");
    check.max_loaded_at = timestamp_cell(result.at(0, "max_loaded_at"), "max_loaded_at");
    check.snapshotted_at = timestamp_cell(result.at(0, "snapshotted_at"), "snapshotted_at");
    check.age_s = std::chrono::duration<double>(check.snapshotted_at - check.max_loaded_at).count();
    auto past = [&](const std::optional<std::chrono::seconds>& limit) {
      return limit && check.age_s > static_cast<double>(limit->count());
    };
    check.outcome = past(criteria.error_after)  ? FreshnessOutcome::Error
                    : past(criteria.warn_after) ? FreshnessOutcome::Warn
                                                : FreshnessOutcome::Pass;
  } catch (const std::exception& e) {
    if (connection.in_transaction()) connection.rollback();
    check.outcome = FreshnessOutcome::RuntimeError;
    check.error = e.what();
  }
  check.completed = Clock::now();
  return check;
}

}  // namespace kiln::run
