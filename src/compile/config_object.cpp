#include "compile/config_object.h"

#include "compile/invocation_values.h"
#include "compile/json_value.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

namespace {

// dbt's config() keys that accumulate instead of replacing.
bool accumulates(const std::string& key) {
  return key == "tags" || key == "pre-hook" || key == "post-hook" || key == "pre_hook" ||
         key == "post_hook";
}

std::string canonical_key(const std::string& key) {
  if (key == "pre_hook") return "pre-hook";
  if (key == "post_hook") return "post-hook";
  return key;
}

void record_call(ConfigCalls& calls, const nlohmann::ordered_json& kwargs) {
  for (const auto& [raw_key, value] : kwargs.items()) {
    std::string key = canonical_key(raw_key);
    if (accumulates(key)) {
      nlohmann::ordered_json& list = calls.merged[key];
      if (!list.is_array()) list = nlohmann::ordered_json::array();
      if (value.is_array()) {
        for (const auto& item : value)
          list.push_back(item);
      } else if (!value.is_null()) {
        list.push_back(value);
      }
    } else {
      calls.merged[key] = value;
    }
  }
}

class ConfigObject : public jinja::Object {
 public:
  ConfigObject(nlohmann::ordered_json resolved, std::shared_ptr<ConfigCalls> calls)
      : resolved_(std::move(resolved)), calls_(std::move(calls)) {}

  std::string_view type_name() const override { return "Config"; }
  bool is_callable() const override { return true; }

  // config(materialized='table', ...) or config({'materialized': 'table'})
  Value call(CallContext&, CallArgs args) const override {
    nlohmann::ordered_json kwargs = nlohmann::ordered_json::object();
    for (const Value& positional : args.positional) {
      if (!positional.is_dict()) {
        throw jinja::Error(jinja::ErrorKind::Runtime,
                           std::string(kCompilerErrorPrefix) +
                               ": Invalid inline model config: config() takes keyword "
                               "arguments or one dict, e.g. {{ config(materialized='table') }}");
      }
      for (const auto& [k, v] : to_json(positional).items())
        kwargs[k] = v;
    }
    for (const auto& [key, value] : args.keyword)
      kwargs[key] = to_json(value);
    if (calls_) record_call(*calls_, kwargs);
    return Value::string("");
  }

  Value get_attr(std::string_view name) const override {
    auto resolved = resolved_;
    if (name == "get") {
      return Value::function("get", [resolved](CallContext&, CallArgs& args) {
        BoundArgs bound("get", args, {"name", "default", "validator"}, 1, false);
        std::string key = canonical_key(bound.get(0).str());
        if (resolved.contains(key) && !resolved[key].is_null()) return to_value(resolved[key]);
        return bound.get_or(1, Value::none());
      });
    }
    if (name == "require") {
      return Value::function("require", [resolved](CallContext&, CallArgs& args) {
        BoundArgs bound("require", args, {"name", "validator"}, 1, false);
        std::string key = canonical_key(bound.get(0).str());
        if (resolved.contains(key) && !resolved[key].is_null()) return to_value(resolved[key]);
        throw jinja::Error(jinja::ErrorKind::Runtime, std::string(kCompilerErrorPrefix) +
                                                          ": Required config \"" + key +
                                                          "\" is not set. Set it in "
                                                          "{{ config(" +
                                                          key +
                                                          "=...) }}, in YAML properties or in "
                                                          "dbt_project.yml.");
      });
    }
    if (name == "meta_get" || name == "meta_require") {
      bool required = name == "meta_require";
      return Value::function(std::string(name), [resolved, required](CallContext&, CallArgs& args) {
        BoundArgs bound(required ? "meta_require" : "meta_get", args, {"name", "default"}, 1,
                        false);
        std::string key = bound.get(0).str();
        if (resolved.contains("meta") && resolved["meta"].contains(key)) {
          return to_value(resolved["meta"][key]);
        }
        if (required) {
          throw jinja::Error(jinja::ErrorKind::Runtime, std::string(kCompilerErrorPrefix) +
                                                            ": Required meta key \"" + key +
                                                            "\" is not set in config.meta.");
        }
        return bound.get_or(1, Value::none());
      });
    }
    if (name == "set") {
      // dbt's config.set is a no-op outside of parsing; calls record through config().
      return Value::function("set", [](CallContext&, CallArgs&) { return Value::string(""); });
    }
    return Value::undefined();
  }

  std::string repr() const override { return "<Config>"; }

 private:
  nlohmann::ordered_json resolved_;
  std::shared_ptr<ConfigCalls> calls_;
};

}  // namespace

Value make_config_object(nlohmann::ordered_json resolved, std::shared_ptr<ConfigCalls> calls) {
  return Value::object(new ConfigObject(std::move(resolved), std::move(calls)));
}

}  // namespace kiln::compile
