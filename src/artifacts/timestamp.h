#pragma once

#include <chrono>
#include <string>

namespace kiln::artifacts {

using Clock = std::chrono::system_clock;
using TimePoint = std::chrono::time_point<Clock, std::chrono::microseconds>;

// "2024-09-24T15:24:36.246406Z": how dbt writes generated_at and timing entries (naive UTC
// datetimes, microseconds, a trailing Z).
std::string format_utc_z(TimePoint when);

// "2025-10-02T16:48:35.875974+00:00": how dbt writes timezone-aware datetimes
// (invocation_started_at, run_started_at, freshness max_loaded_at and snapshotted_at).
std::string format_utc_offset(TimePoint when);

// dbt's created_at: seconds since the Unix epoch as a float.
double epoch_seconds(TimePoint when);

// Now, truncated to microseconds (dbt's resolution).
TimePoint now_micros();

}  // namespace kiln::artifacts
