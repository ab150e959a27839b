#pragma once
// Data versions: a token per relation that changes when its data changes. A node is rebuilt
// when a direct input's token differs from the one recorded at its last build. Tokens are
// compared for equality only; their text says where they came from.
//
//   a source with loaded_at_field or loaded_at_query (dbt's freshness configs):
//       "loaded_at:<max(loaded_at_field) or the query's value>", so, as in dbt's source
//       freshness, only rows with a newer timestamp count as new data;
//   any other source, and a model built as a table, incremental model, seed or snapshot:
//       the warehouse's content fingerprint (Adapter::content_fingerprints: on DuckDB
//       count(*) and sum(hash(row)));
//   a view: "view:<hash of its inputs' versions>", computed, never read: a view's data is
//       live, so it changes exactly when one of its inputs does.
// Every function that reads the warehouse reads all the relations it is given in ONE query.

#include <optional>
#include <string>
#include <vector>

#include "state/node_record.h"
#include "warehouse/adapter.h"
#include "warehouse/connection.h"
#include "warehouse/relation.h"

namespace kiln::state {

struct SourceVersionRequest {
  std::string unique_id;
  warehouse::Relation relation;
  // dbt's loaded_at_field: a column or SQL expression, used as written (as dbt does).
  std::optional<std::string> loaded_at_field;
  // dbt's loaded_at_query, already rendered: a query returning one timestamp.
  std::optional<std::string> loaded_at_query;
};

// unique_id -> version for every source given. Two queries at most: one for the
// timestamp-based sources, one (content_fingerprints) for the rest. Throws WarehouseError
// when a relation is missing: the caller leaves out sources its catalog does not have.
DataVersions source_data_versions(warehouse::Adapter& adapter, warehouse::Connection& connection,
                                  const std::vector<SourceVersionRequest>& sources);

// The output versions of built tables (models, seeds, snapshots), in the order given, in one
// query. Call it on the building connection before committing to record the version built.
std::vector<std::string> table_data_versions(warehouse::Adapter& adapter,
                                             warehouse::Connection& connection,
                                             const std::vector<warehouse::Relation>& relations);

// A view's data version from its inputs' versions (the same map decide() compares).
std::string view_data_version(const DataVersions& input_versions);

}  // namespace kiln::state
