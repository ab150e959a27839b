#include "warehouse/relation.h"

#include <utility>

#include "warehouse/quoting.h"

namespace kiln::warehouse {

const char* relation_type_name(RelationType type) {
  switch (type) {
    case RelationType::Table:
      return "table";
    case RelationType::View:
      return "view";
    case RelationType::External:
      return "external";
    case RelationType::Unknown:
      return "unknown";
  }
  return "unknown";
}

namespace {

void append_part(std::string& rendered, const std::string& part, bool included, bool quoted,
                 char quote_character) {
  if (!included || part.empty()) return;
  if (!rendered.empty()) rendered += '.';
  rendered += quoted ? quote_identifier(part, quote_character) : part;
}

}  // namespace

std::string Relation::render(char quote_character) const {
  std::string rendered;
  append_part(rendered, database, include_policy.database, quote_policy.database, quote_character);
  append_part(rendered, schema, include_policy.schema, quote_policy.schema, quote_character);
  append_part(rendered, identifier, include_policy.identifier, quote_policy.identifier,
              quote_character);
  return rendered;
}

Relation Relation::with_identifier(std::string new_identifier) const {
  Relation renamed = *this;
  renamed.identifier = std::move(new_identifier);
  return renamed;
}

}  // namespace kiln::warehouse
