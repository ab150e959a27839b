#include "warehouse/error.h"

#include <utility>

namespace kiln::warehouse {

WarehouseError::WarehouseError(ErrorKind kind, std::string engine_message, std::string context)
    // what() is the engine's text alone: that is what dbt prints for a database error.
    : std::runtime_error(engine_message),
      kind_(kind),
      engine_message_(std::move(engine_message)),
      context_(std::move(context)) {}

}  // namespace kiln::warehouse
