#pragma once
// What introspection returns: relations with their columns. Kiln asks for whole schemas at
// once (Adapter::catalog) and answers per-relation questions from the result, instead of one
// round trip per relation as dbt does.

#include <string>
#include <vector>

#include "warehouse/relation.h"

namespace kiln::warehouse {

struct CatalogColumn {
  std::string name;
  std::string type;  // the engine's type name, e.g. "INTEGER", "VARCHAR", "DECIMAL(18,3)"
  int ordinal = 0;   // 1-based position in the relation
};

struct CatalogRelation {
  Relation relation;
  std::vector<CatalogColumn> columns;  // in ordinal order
};

// A schema to introspect.
struct SchemaName {
  std::string database;
  std::string schema;
};

}  // namespace kiln::warehouse
