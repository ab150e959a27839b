#pragma once
// dbt's `source freshness`: for each source with a freshness threshold and a loaded_at_field,
// how long ago its newest row was loaded, and whether that passes, warns or errors.

#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "warehouse/adapter.h"

namespace kiln::run {

enum class FreshnessOutcome { Pass, Warn, Error, RuntimeError };

struct FreshnessCriteria {
  std::optional<std::chrono::seconds> warn_after;
  std::optional<std::chrono::seconds> error_after;
  std::optional<std::string> filter;  // a WHERE condition, as written
};

struct FreshnessCheck {
  FreshnessOutcome outcome = FreshnessOutcome::RuntimeError;
  std::chrono::system_clock::time_point max_loaded_at{};
  std::chrono::system_clock::time_point snapshotted_at{};
  double age_s = 0;
  std::string error;  // RuntimeError: what went wrong
  std::chrono::system_clock::time_point started{}, completed{};
};

// The threshold of a source's `freshness` ({warn_after: {count, period}, error_after, filter});
// nothing when neither warn_after nor error_after is complete (dbt skips such sources).
std::optional<FreshnessCriteria> freshness_criteria(const nlohmann::ordered_json& freshness);

// One query: max(loaded_at_field) and the warehouse's current UTC time. Never throws for a
// failing query: that is a RuntimeError outcome.
FreshnessCheck check_freshness(warehouse::Adapter& adapter, warehouse::Connection& connection,
                               const warehouse::Relation& relation,
                               const std::string& loaded_at_field,
                               const FreshnessCriteria& criteria);

}  // namespace kiln::run
