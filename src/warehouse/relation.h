#pragma once
// A relation in the warehouse, named as dbt names it: database.schema.identifier. dbt renders
// a relation with two per-part policies, and so does Kiln: the include policy says which parts
// appear (a project can drop the database part), the quote policy which parts are quoted.

#include <string>

namespace kiln::warehouse {

enum class RelationType { Table, View, External, Unknown };

// dbt's spelling: "table", "view", "external", "unknown" (the value of relation.type).
const char* relation_type_name(RelationType type);

// One flag per part of a name; used for both policies.
struct RelationParts {
  bool database = true;
  bool schema = true;
  bool identifier = true;
};

struct Relation {
  std::string database;
  std::string schema;
  std::string identifier;
  RelationType type = RelationType::Unknown;
  RelationParts include_policy;
  RelationParts quote_policy;

  // "db"."schema"."name", honouring both policies; empty parts are left out as dbt leaves
  // out None parts. quote_character is the engine's (Adapter::quote_character()).
  std::string render(char quote_character = '"') const;

  // The same relation under another identifier in the same schema (temp and backup names).
  Relation with_identifier(std::string new_identifier) const;
};

}  // namespace kiln::warehouse
