#pragma once
// How dbt matches a qualified-name selector (`fqn:` and the default method) against a node's
// fqn ["jaffle_shop", "staging", "stg_orders"]:
//   - the last part equals the selector ("stg_orders"); for a versioned model the name
//     ("dim_customers") or name and version joined by '.' or '_' ("dim_customers.v2",
//     "dim_customers_v2");
//   - or the selector's dot-separated parts are a prefix of the fqn's parts
//     ("jaffle_shop.staging" selects the folder), where from the first part with a wildcard
//     on, the rest of the selector must fnmatch the rest of the fqn joined by dots;
//   - each tried on the full fqn and on the fqn without its package, so "staging" and
//     "staging.stg_orders" match across packages.

#include <string>
#include <string_view>
#include <vector>

namespace kiln::graph {

bool fqn_matches(const std::vector<std::string>& fqn, std::string_view selector, bool is_versioned);

}  // namespace kiln::graph
