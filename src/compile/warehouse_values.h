#pragma once
// The parts of dbt's context that talk to the warehouse while Jinja renders: `adapter`
// (dispatch, quote, get_relation, get_columns_in_relation, ...), run_query, `statement`
// blocks with load_result. At parse time (execute = False) there is no connection: dbt's
// run_query then returns None and statements do nothing, and so do these.

#include <memory>
#include <string>

#include "jinja/value.h"
#include "warehouse/adapter.h"

namespace kiln::compile {

class RenderScope;

// Connection for one render; null pointers mean "parse phase".
struct WarehouseAccess {
  warehouse::Adapter* adapter = nullptr;
  warehouse::Connection* connection = nullptr;
  std::string adapter_type;  // known even at parse time
  char quote_character = '"';
};

// Adds adapter, run_query, statement, load_result, store_result to `values` (a Dict).
// `scope_package` is the package whose code renders (for adapter.dispatch without a
// namespace).
void add_warehouse_values(jinja::Value& values, const WarehouseAccess& access);

}  // namespace kiln::compile
