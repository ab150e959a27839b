#pragma once
// How a seed's CSV file is read and typed (dbt's seed configs: delimiter, column_types).

#include <map>
#include <string>
#include <vector>

#include "warehouse/catalog.h"

namespace kiln::warehouse {

struct SeedCsvOptions {
  char delimiter = ',';
  char quote = '"';  // a quote inside a quoted field is written twice, as in RFC 4180
  bool header = true;
  // Column name -> the engine's type name, exactly as dbt's `column_types` config gives it.
  // A listed column is read as text and cast to that type by the engine; the others get the
  // type inferred from their values (see seed_type_inference.h).
  std::map<std::string, std::string> column_types;
};

struct SeedLoadResult {
  std::vector<CatalogColumn> columns;  // the created table's columns with their final types
  int64_t rows = 0;
};

}  // namespace kiln::warehouse
