#include "compile/warehouse_values.h"

#include <map>
#include <mutex>

#include "compile/agate_table.h"
#include "compile/invocation_values.h"
#include "compile/relation_object.h"
#include "compile/render_scope.h"
#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "warehouse/error.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

namespace {

// Results of `{% call statement('name', fetch_result=True) %}` blocks, per render.
struct StatementResults {
  std::map<std::string, Value> by_name;
};

[[noreturn]] void database_error(const std::exception& e) {
  throw jinja::Error(jinja::ErrorKind::Runtime, std::string("Database Error\n  ") + e.what());
}

warehouse::ResultTable execute(const WarehouseAccess& access, const std::string& sql) {
  try {
    return access.connection->execute(sql);
  } catch (const warehouse::WarehouseError& e) {
    database_error(e);
  }
}

const warehouse::Relation& relation_arg(const Value& v, std::string_view function) {
  if (v.is_object()) {
    if (auto* r = dynamic_cast<const RelationObject*>(&v.as_object())) return r->relation();
  }
  throw jinja::Error(jinja::ErrorKind::Type, std::string(function) +
                                                 "() expects a Relation (from ref(), source() "
                                                 "or api.Relation.create()), got " +
                                                 std::string(v.type_name()));
}

Value response_value(const warehouse::ResultTable& table) {
  Value response = Value::dict();
  std::string message =
      table.rows_affected >= 0 ? "OK " + std::to_string(table.rows_affected) : std::string("OK");
  response.as_dict().set("_message", Value::string(message));
  response.as_dict().set("code", Value::string("OK"));
  response.as_dict().set("rows_affected",
                         Value::integer(std::max<int64_t>(table.rows_affected, 0)));
  return response;
}

Value load_result_value(const warehouse::ResultTable& table) {
  Value result = Value::dict();
  Value table_value = make_agate_table(table);
  std::vector<Value> data;
  for (const Value& row : jinja::Value(table_value).as_object().iterate().value()) {
    data.push_back(Value::tuple(row.as_object().iterate().value()));
  }
  result.as_dict().set("response", response_value(table));
  result.as_dict().set("data", Value::list(std::move(data)));
  result.as_dict().set("table", table_value);
  return result;
}

class AdapterObject : public jinja::Object {
 public:
  explicit AdapterObject(WarehouseAccess access) : access_(access) {}
  std::string_view type_name() const override { return "Adapter"; }
  std::string repr() const override { return "<Adapter " + access_.adapter_type + ">"; }

  Value get_attr(std::string_view name) const override {
    WarehouseAccess a = access_;
    if (name == "dispatch") {
      return Value::function("dispatch", [](CallContext& ctx, CallArgs& args) {
        BoundArgs bound("dispatch", args, {"macro_name", "macro_namespace", "packages"}, 1, false);
        Value scope_value = ctx.lookup("__kiln_scope__");
        auto* scope = scope_value.is_object()
                          ? dynamic_cast<const RenderScope*>(&scope_value.as_object())
                          : nullptr;
        if (!scope) {
          throw jinja::Error(jinja::ErrorKind::Runtime, "adapter.dispatch is not available here");
        }
        return scope->dispatch(bound.get(0).str(), bound.get_or(1, Value::none()));
      });
    }
    if (name == "quote") {
      return Value::function("quote", [a](CallContext&, CallArgs& args) {
        BoundArgs bound("quote", args, {"identifier"}, 1, false);
        std::string q(1, a.quote_character);
        std::string text = bound.get(0).str();
        std::string out = q;
        for (char c : text) {
          out += c;
          if (c == a.quote_character) out += c;
        }
        return Value::string(out + q);
      });
    }
    if (name == "type") {
      return Value::function(
          "type", [a](CallContext&, CallArgs&) { return Value::string(a.adapter_type); });
    }
    if (name == "get_relation") {
      return Value::function("get_relation", [a](CallContext&, CallArgs& args) {
        BoundArgs bound("get_relation", args, {"database", "schema", "identifier"}, 3, false);
        if (!a.connection) return Value::none();
        warehouse::Relation wanted;
        wanted.database = bound.get(0).is_none() ? a.adapter->database() : bound.get(0).str();
        wanted.schema = bound.get(1).str();
        wanted.identifier = bound.get(2).str();
        std::optional<warehouse::Relation> found;
        try {
          found = a.adapter->get_relation(*a.connection, wanted);
        } catch (const warehouse::WarehouseError& e) {
          database_error(e);
        }
        return found ? RelationObject::make(*found, a.quote_character) : Value::none();
      });
    }
    if (name == "get_columns_in_relation") {
      return Value::function("get_columns_in_relation", [a](CallContext&, CallArgs& args) {
        BoundArgs bound("get_columns_in_relation", args, {"relation"}, 1, false);
        if (!a.connection) return Value::list();
        const warehouse::Relation& r = relation_arg(bound.get(0), "get_columns_in_relation");
        std::vector<Value> columns;
        try {
          for (const auto& c : a.adapter->get_columns_in_relation(*a.connection, r)) {
            Value column = Value::dict();
            column.as_dict().set("name", Value::string(c.name));
            column.as_dict().set("column", Value::string(c.name));
            column.as_dict().set("quoted", Value::string("\"" + c.name + "\""));
            column.as_dict().set("data_type", Value::string(c.type));
            column.as_dict().set("dtype", Value::string(c.type));
            columns.push_back(column);
          }
        } catch (const warehouse::WarehouseError& e) {
          database_error(e);
        }
        return Value::list(std::move(columns));
      });
    }
    if (name == "create_schema") {
      return Value::function("create_schema", [a](CallContext&, CallArgs& args) {
        BoundArgs bound("create_schema", args, {"relation"}, 1, false);
        if (!a.connection) return Value::none();
        const warehouse::Relation& r = relation_arg(bound.get(0), "create_schema");
        try {
          a.adapter->create_schema(*a.connection, {r.database, r.schema});
        } catch (const warehouse::WarehouseError& e) {
          database_error(e);
        }
        return Value::none();
      });
    }
    if (name == "drop_relation") {
      return Value::function("drop_relation", [a](CallContext&, CallArgs& args) {
        BoundArgs bound("drop_relation", args, {"relation"}, 1, false);
        if (!a.connection) return Value::none();
        try {
          a.adapter->drop_relation(*a.connection, relation_arg(bound.get(0), "drop_relation"));
        } catch (const warehouse::WarehouseError& e) {
          database_error(e);
        }
        return Value::none();
      });
    }
    if (name == "behavior") {
      // dbt's behaviour flags: none is set by Kiln's adapters, so every flag reads false.
      return Value::dict();
    }
    return Value::undefined();
  }

 private:
  WarehouseAccess access_;
};

}  // namespace

void add_warehouse_values(Value& values, const WarehouseAccess& access) {
  jinja::Dict& d = values.as_dict();
  auto results = std::make_shared<StatementResults>();
  d.set("adapter", Value::object(new AdapterObject(access)));
  d.set("run_query", Value::function("run_query", [access](CallContext&, CallArgs& args) {
          BoundArgs bound("run_query", args, {"sql"}, 1, false);
          if (!access.connection) return Value::none();
          return make_agate_table(execute(access, bound.get(0).str()));
        }));
  d.set("statement",
        Value::function("statement", [access, results](CallContext& ctx, CallArgs& args) {
          Value caller;
          for (auto it = args.keyword.begin(); it != args.keyword.end(); ++it) {
            if (it->first == "caller") {
              caller = it->second;
              args.keyword.erase(it);
              break;
            }
          }
          BoundArgs bound("statement", args, {"name", "fetch_result", "auto_begin", "language"}, 0,
                          false);
          std::string sql = caller.is_callable() ? ctx.call(caller, {}).str() : std::string();
          if (!access.connection) return Value::string("");
          warehouse::ResultTable table = execute(access, sql);
          if (bound.has(0) && !bound.get(0).is_none()) {
            results->by_name[bound.get(0).str()] = load_result_value(table);
          }
          return Value::string("");
        }));
  d.set("load_result", Value::function("load_result", [results](CallContext&, CallArgs& args) {
          BoundArgs bound("load_result", args, {"name"}, 1, false);
          auto it = results->by_name.find(bound.get(0).str());
          return it == results->by_name.end() ? Value::none() : it->second;
        }));
  d.set("store_result", Value::function("store_result", [results](CallContext&, CallArgs& args) {
          BoundArgs bound("store_result", args, {"name", "response", "agate_table"}, 1, false);
          Value r = Value::dict();
          r.as_dict().set("response", bound.get_or(1, Value::none()));
          r.as_dict().set("table", bound.get_or(2, Value::none()));
          results->by_name[bound.get(0).str()] = r;
          return Value::string("");
        }));
}

}  // namespace kiln::compile
