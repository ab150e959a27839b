#pragma once
// Generates dbt-like model templates for the Jinja benchmark: each about 50 lines with a
// config() call, ref() and source() calls, a macro, for loops building columns, if/else and
// filters, the mix a real project's models have. The same seed always gives the same
// templates on every platform, so figures from different runs and machines compare.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiln::bench {

std::vector<std::string> generate_models(size_t count, uint64_t seed);

}  // namespace kiln::bench
