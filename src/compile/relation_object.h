#pragma once
// dbt's Relation as templates see it: `{{ this }}`, `{{ ref('x') }}`, `api.Relation.create(...)`,
// `adapter.get_relation(...)`. It prints as the quoted name ("db"."schema"."name") and has
// dbt's attributes (database, schema, identifier, name, table, type, is_table, is_view,
// is_cte) and methods (render, include, quote, incorporate, replace_path, create_from?).

#include "jinja/value.h"
#include "warehouse/relation.h"

namespace kiln::compile {

class RelationObject : public jinja::Object {
 public:
  explicit RelationObject(warehouse::Relation relation, char quote_character = '"')
      : relation_(std::move(relation)), quote_character_(quote_character) {}

  static jinja::Value make(warehouse::Relation relation, char quote_character = '"');

  const warehouse::Relation& relation() const { return relation_; }

  std::string_view type_name() const override { return "Relation"; }
  jinja::Value get_attr(std::string_view name) const override;
  std::string str() const override { return relation_.render(quote_character_); }
  std::string repr() const override { return "<DuckDBRelation " + str() + ">"; }
  bool equals(const jinja::Object& other) const override;

 private:
  jinja::Value method(std::string_view name) const;

  warehouse::Relation relation_;
  char quote_character_;
};

// `api.Relation`: the class object whose create() builds relations in templates.
jinja::Value make_relation_class(char quote_character = '"');

}  // namespace kiln::compile
