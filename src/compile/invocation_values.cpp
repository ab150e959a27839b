#include "compile/invocation_values.h"

#include <cstdlib>

#include <yaml-cpp/yaml.h>

#include "compile/json_value.h"
#include "compile/python_datetime.h"
#include "compile/python_modules.h"
#include "compile/relation_object.h"
#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/operators.h"
#include "project/md5.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

namespace {

[[noreturn]] void compiler_error(const std::string& message) {
  throw Error(ErrorKind::Runtime, std::string(kCompilerErrorPrefix) + ": " + message);
}

Value return_function() {
  return Value::function("return", [](CallContext&, CallArgs& args) -> Value {
    BoundArgs bound("return", args, {"value"}, 0, false);
    throw jinja::MacroReturn{bound.get_or(0, Value::none())};
  });
}

Value log_function(LogSink sink, bool is_print) {
  return Value::function(
      is_print ? "print" : "log", [sink, is_print](CallContext&, CallArgs& args) {
        BoundArgs bound(is_print ? "print" : "log", args, {"msg", "info"}, 1, false);
        bool info = is_print || bound.get_or(1, Value::boolean(false)).truthy();
        if (sink) sink(bound.get(0).str(), info);
        return Value::string("");
      });
}

Value exceptions_object() {
  Value ns = Value::dict();
  jinja::Dict& d = ns.as_dict();
  d.set("raise_compiler_error",
        Value::function("raise_compiler_error", [](CallContext&, CallArgs& args) -> Value {
          BoundArgs bound("raise_compiler_error", args, {"msg", "node"}, 1, false);
          compiler_error(bound.get(0).str());
        }));
  d.set("raise_not_implemented",
        Value::function("raise_not_implemented", [](CallContext&, CallArgs& args) -> Value {
          BoundArgs bound("raise_not_implemented", args, {"msg"}, 1, false);
          compiler_error("ERROR: " + bound.get(0).str());
        }));
  d.set("warn", Value::function("warn", [](CallContext& ctx, CallArgs& args) {
          BoundArgs bound("warn", args, {"msg", "node"}, 1, false);
          Value log = ctx.lookup("log");
          CallArgs log_args;
          log_args.positional.push_back(Value::string("[WARNING]: " + bound.get(0).str()));
          log_args.keyword.emplace_back("info", Value::boolean(true));
          if (log.is_callable()) ctx.call(log, std::move(log_args));
          return Value::string("");
        }));
  for (const char* name :
       {"missing_config", "missing_materialization", "relation_wrong_type", "raise_database_error",
        "raise_dependency_error", "column_type_missing", "raise_fail_fast_error",
        "raise_contract_error", "raise_duplicate_resource_name"}) {
    std::string fn_name = name;
    d.set(name, Value::function(fn_name, [fn_name](CallContext&, CallArgs& args) -> Value {
            std::string detail;
            for (const Value& a : args.positional)
              detail += (detail.empty() ? "" : ", ") + a.str();
            compiler_error(fn_name + "(" + detail + ")");
          }));
  }
  return ns;
}

void emit_yaml(YAML::Emitter& out, const Value& v) {
  if (v.is_dict()) {
    out << YAML::BeginMap;
    for (const auto& e : v.as_dict().entries()) {
      out << YAML::Key << e.key.str() << YAML::Value;
      emit_yaml(out, e.value);
    }
    out << YAML::EndMap;
  } else if (v.is_sequence()) {
    out << YAML::BeginSeq;
    for (const Value& item : v.as_list())
      emit_yaml(out, item);
    out << YAML::EndSeq;
  } else if (v.is_none() || v.is_undefined()) {
    out << YAML::Null;
  } else if (v.is_bool()) {
    out << (v.as_bool() ? "true" : "false");
  } else {
    out << v.str();
  }
}

Value serialization_functions(Value ns) {
  jinja::Dict& d = ns.as_dict();
  d.set("fromjson", Value::function("fromjson", [](CallContext&, CallArgs& args) {
          BoundArgs bound("fromjson", args, {"string", "default"}, 1, false);
          try {
            return to_value(nlohmann::ordered_json::parse(bound.get(0).str()));
          } catch (const nlohmann::json::exception&) {
            if (bound.has(1)) return bound.get(1);
            throw;
          }
        }));
  d.set("tojson", Value::function("tojson", [](CallContext&, CallArgs& args) {
          BoundArgs bound("tojson", args, {"value", "default", "sort_keys"}, 1, false);
          // Python's json.dumps separators: ", " and ": ".
          return Value::string(
              to_json(bound.get(0)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }));
  d.set("fromyaml", Value::function("fromyaml", [](CallContext&, CallArgs& args) {
          BoundArgs bound("fromyaml", args, {"value", "default"}, 1, false);
          try {
            return to_value(yaml_text_to_json(bound.get(0).str()));
          } catch (const YAML::Exception&) {
            if (bound.has(1)) return bound.get(1);
            throw Error(ErrorKind::Value, "fromyaml: the text is not valid YAML");
          }
        }));
  d.set("toyaml", Value::function("toyaml", [](CallContext&, CallArgs& args) {
          BoundArgs bound("toyaml", args, {"value", "default", "sort_keys"}, 1, false);
          YAML::Emitter out;
          emit_yaml(out, bound.get(0));
          return Value::string(std::string(out.c_str()) + "\n");
        }));
  return ns;
}

Value collection_functions(Value ns) {
  jinja::Dict& d = ns.as_dict();
  d.set("zip", Value::function("zip", [](CallContext&, CallArgs& args) {
          std::vector<std::vector<Value>> seqs;
          for (const Value& a : args.positional)
            seqs.push_back(jinja::iterate(a));
          std::vector<Value> out;
          size_t n = seqs.empty() ? 0 : SIZE_MAX;
          for (const auto& s : seqs)
            n = std::min(n, s.size());
          for (size_t i = 0; i < n; ++i) {
            std::vector<Value> tuple;
            for (const auto& s : seqs)
              tuple.push_back(s[i]);
            out.push_back(Value::tuple(std::move(tuple)));
          }
          return Value::list(std::move(out));
        }));
  auto make_set = [](bool strict) {
    return [strict](CallContext&, CallArgs& args) {
      BoundArgs bound(strict ? "set_strict" : "set", args, {"value", "default"}, 1, false);
      std::vector<Value> unique;
      try {
        for (const Value& item : jinja::iterate(bound.get(0))) {
          bool seen = false;
          for (const Value& u : unique)
            seen = seen || u.equals(item);
          if (!seen) unique.push_back(item);
        }
      } catch (const Error&) {
        if (strict) throw;
        return bound.get_or(1, Value::none());
      }
      return Value::list(std::move(unique));
    };
  };
  d.set("set", Value::function("set", make_set(false)));
  d.set("set_strict", Value::function("set_strict", make_set(true)));
  d.set("local_md5", Value::function("local_md5", [](CallContext&, CallArgs& args) {
          BoundArgs bound("local_md5", args, {"value"}, 1, false);
          return Value::string(project::md5_hex(bound.get(0).str()));
        }));
  return ns;
}

}  // namespace

Value make_env_var_function() {
  return Value::function("env_var", [](CallContext&, CallArgs& args) {
    BoundArgs bound("env_var", args, {"var", "default"}, 1, false);
    std::string name = bound.get(0).str();
    if (const char* value = std::getenv(name.c_str())) return Value::string(value);
    if (bound.has(1))
      return bound.get(1).is_string() ? bound.get(1) : Value::string(bound.get(1).str());
    compiler_error("Env var required but not provided: '" + name + "'");
  });
}

Value make_invocation_values(const InvocationInfo& info) {
  Value values = Value::dict();
  jinja::Dict& d = values.as_dict();
  d.set("env_var", make_env_var_function());
  d.set("log", log_function(info.log, false));
  d.set("print", log_function(info.log, true));
  d.set("return", return_function());
  d.set("exceptions", exceptions_object());
  d.set("invocation_id", Value::string(info.invocation_id));
  d.set("run_started_at",
        info.run_started_at.empty() ? Value::none() : pytz_utc_datetime(info.run_started_at));
  d.set("dbt_version", Value::string(info.dbt_version));
  d.set("project_name", Value::string(info.project_name));
  d.set("target", to_value(info.target));
  d.set("flags", to_value(info.flags));
  Value api = Value::dict();
  api.as_dict().set("Relation", make_relation_class(info.quote_character));
  d.set("api", api);
  d.set("modules", make_python_modules());
  serialization_functions(values);
  collection_functions(values);
  return values;
}

}  // namespace kiln::compile
