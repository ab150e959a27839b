#include "warehouse/adapter.h"

#include "warehouse/quoting.h"

namespace kiln::warehouse {

std::string Adapter::quote(std::string_view identifier) const {
  return quote_identifier(identifier, quote_character());
}

std::string Adapter::render(const Relation& relation) const {
  return relation.render(quote_character());
}

}  // namespace kiln::warehouse
