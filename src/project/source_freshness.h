#pragma once

#include <optional>

#include <nlohmann/json.hpp>

namespace kiln::project {

// A freshness threshold as dbt models it: nullopt is Python's None (freshness
// explicitly turned off with `freshness: null`); otherwise an object
// {warn_after: {count, period} | null, error_after: ... , filter}. A threshold is
// "set" (truthy) when warn_after or error_after has both a count and a period.
using Freshness = std::optional<nlohmann::ordered_json>;

// The threshold a written value stands for: absent -> an empty threshold (not None),
// null -> None, a mapping -> its fields over the empty threshold.
Freshness freshness_from_yaml(const std::optional<nlohmann::ordered_json>& written);

bool freshness_is_set(const Freshness& threshold);

// dbt's merge_source_freshness over (source, source config, table, table config):
// later thresholds override field by field; warn_after/error_after merge count and
// period; a None later in the chain turns freshness off.
Freshness merge_source_freshness(const std::vector<Freshness>& thresholds);

}  // namespace kiln::project
