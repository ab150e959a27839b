#pragma once
// The state store's schema, as a list of migrations. Version N's step turns a version N-1
// store into a version N store; ensure_schema() applies the missing steps in order, each in
// its own transaction together with its row in schema_version. To change the schema, append
// a step (ALTER TABLE ..., or create-copy-swap where an engine cannot alter), never edit one
// that has shipped: stores in the field were made by it.

#include <string>
#include <vector>

namespace kiln::state {

// The store's tables, rendered for the target (quoted, schema-qualified).
struct StoreTables {
  std::string schema_version;
  std::string node_state;
  std::string runs;
};

struct Migration {
  int version;
  const char* summary;  // stored in schema_version.summary, for people reading the table
  std::string (*sql)(const StoreTables& tables);
};

// In ascending version order, starting at 1 with no gaps.
const std::vector<Migration>& migrations();
int latest_schema_version();

// The bookkeeping table itself: created before any step runs, never migrated.
std::string create_schema_version_table_sql(const StoreTables& tables);

}  // namespace kiln::state
