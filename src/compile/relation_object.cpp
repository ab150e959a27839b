#include "compile/relation_object.h"

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

namespace {

Value optional_string(const std::string& s) {
  return s.empty() ? Value::none() : Value::string(s);
}

std::string string_arg(const Value& v) {
  return v.is_string() ? v.as_string() : std::string();
}

// include(database=None, schema=None, identifier=None) and quote(...) both take a flag per
// part; a part the caller does not name keeps its current setting, as in dbt.
warehouse::RelationParts update_parts(warehouse::RelationParts parts, CallArgs& args,
                                      std::string_view function) {
  BoundArgs bound(function, args, {"database", "schema", "identifier"}, 0, false);
  auto apply = [&](size_t i, bool& flag) {
    if (bound.has(i) && !bound.get(i).is_none()) flag = bound.get(i).truthy();
  };
  apply(0, parts.database);
  apply(1, parts.schema);
  apply(2, parts.identifier);
  return parts;
}

warehouse::RelationType parse_type(const Value& v) {
  if (!v.is_string()) return warehouse::RelationType::Unknown;
  const std::string& s = v.as_string();
  if (s == "table") return warehouse::RelationType::Table;
  if (s == "view") return warehouse::RelationType::View;
  if (s == "external") return warehouse::RelationType::External;
  return warehouse::RelationType::Unknown;
}

// incorporate(path={'schema': ..}, type=..) and replace_path(schema=..): a copy with parts
// replaced.
void replace_parts(warehouse::Relation& r, const Value& database, const Value& schema,
                   const Value& identifier) {
  if (database.is_string() || database.is_none()) r.database = string_arg(database);
  if (schema.is_string() || schema.is_none()) r.schema = string_arg(schema);
  if (identifier.is_string() || identifier.is_none()) r.identifier = string_arg(identifier);
}

}  // namespace

Value RelationObject::make(warehouse::Relation relation, char quote_character) {
  return Value::object(new RelationObject(std::move(relation), quote_character));
}

Value RelationObject::get_attr(std::string_view name) const {
  if (name == "database") return optional_string(relation_.database);
  if (name == "schema") return optional_string(relation_.schema);
  if (name == "identifier" || name == "name" || name == "table") {
    return optional_string(relation_.identifier);
  }
  if (name == "type") {
    if (relation_.type == warehouse::RelationType::Unknown) return Value::none();
    return Value::string(warehouse::relation_type_name(relation_.type));
  }
  if (name == "is_table") return Value::boolean(relation_.type == warehouse::RelationType::Table);
  if (name == "is_view") return Value::boolean(relation_.type == warehouse::RelationType::View);
  if (name == "is_cte") return Value::boolean(false);
  if (name == "is_materialized_view") return Value::boolean(false);
  if (name == "path") {
    Value path = Value::dict();
    path.as_dict().set("database", optional_string(relation_.database));
    path.as_dict().set("schema", optional_string(relation_.schema));
    path.as_dict().set("identifier", optional_string(relation_.identifier));
    return path;
  }
  return method(name);
}

Value RelationObject::method(std::string_view name) const {
  warehouse::Relation self = relation_;
  char q = quote_character_;
  if (name == "render") {
    return Value::function("render", [self, q](CallContext&, CallArgs& args) {
      jinja::expect_no_args("render", args, false);
      return Value::string(self.render(q));
    });
  }
  if (name == "include") {
    return Value::function("include", [self, q](CallContext&, CallArgs& args) {
      warehouse::Relation copy = self;
      copy.include_policy = update_parts(copy.include_policy, args, "include");
      return make(std::move(copy), q);
    });
  }
  if (name == "quote") {
    return Value::function("quote", [self, q](CallContext&, CallArgs& args) {
      warehouse::Relation copy = self;
      copy.quote_policy = update_parts(copy.quote_policy, args, "quote");
      return make(std::move(copy), q);
    });
  }
  if (name == "replace_path") {
    return Value::function("replace_path", [self, q](CallContext&, CallArgs& args) {
      BoundArgs bound("replace_path", args, {"database", "schema", "identifier"}, 0, false);
      warehouse::Relation copy = self;
      replace_parts(copy, bound.get_or(0, Value()), bound.get_or(1, Value()),
                    bound.get_or(2, Value()));
      return make(std::move(copy), q);
    });
  }
  if (name == "incorporate") {
    return Value::function("incorporate", [self, q](CallContext&, CallArgs& args) {
      BoundArgs bound("incorporate", args, {"path", "type"}, 0, false);
      warehouse::Relation copy = self;
      if (bound.has(0) && bound.get(0).is_dict()) {
        const jinja::Dict& path = bound.get(0).as_dict();
        auto part = [&](std::string_view key) {
          const Value* v = path.find(key);
          return v ? *v : Value();
        };
        replace_parts(copy, part("database"), part("schema"), part("identifier"));
      }
      if (bound.has(1)) copy.type = parse_type(bound.get(1));
      return make(std::move(copy), q);
    });
  }
  return Value::undefined();
}

bool RelationObject::equals(const jinja::Object& other) const {
  auto* that = dynamic_cast<const RelationObject*>(&other);
  return that && that->relation_.database == relation_.database &&
         that->relation_.schema == relation_.schema &&
         that->relation_.identifier == relation_.identifier;
}

namespace {

class RelationClass : public jinja::Object {
 public:
  explicit RelationClass(char quote_character) : quote_character_(quote_character) {}
  std::string_view type_name() const override { return "type"; }
  std::string repr() const override { return "<class 'Relation'>"; }
  Value get_attr(std::string_view name) const override {
    if (name != "create") return Value::undefined();
    char q = quote_character_;
    return Value::function("create", [q](CallContext&, CallArgs& args) {
      BoundArgs bound("create", args, {"database", "schema", "identifier", "type"}, 0, false);
      warehouse::Relation r;
      replace_parts(r, bound.get_or(0, Value::none()), bound.get_or(1, Value::none()),
                    bound.get_or(2, Value::none()));
      if (bound.has(3)) r.type = parse_type(bound.get(3));
      return RelationObject::make(std::move(r), q);
    });
  }

 private:
  char quote_character_;
};

}  // namespace

Value make_relation_class(char quote_character) {
  return Value::object(new RelationClass(quote_character));
}

}  // namespace kiln::compile
