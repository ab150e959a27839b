#include "compile/json_value.h"

#include <cmath>

#include <yaml-cpp/yaml.h>

#include "jinja/bigint.h"
#include "jinja/dict.h"

namespace kiln::compile {

using jinja::Value;

Value to_value(const nlohmann::ordered_json& json) {
  switch (json.type()) {
    case nlohmann::ordered_json::value_t::null:
    case nlohmann::ordered_json::value_t::discarded:
      return Value::none();
    case nlohmann::ordered_json::value_t::boolean:
      return Value::boolean(json.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return Value::integer(json.get<int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned: {
      uint64_t u = json.get<uint64_t>();
      if (u <= static_cast<uint64_t>(INT64_MAX)) return Value::integer(static_cast<int64_t>(u));
      return Value::floating(static_cast<double>(u));
    }
    case nlohmann::ordered_json::value_t::number_float:
      return Value::floating(json.get<double>());
    case nlohmann::ordered_json::value_t::string:
      return Value::string(json.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
      std::vector<Value> items;
      items.reserve(json.size());
      for (const auto& item : json)
        items.push_back(to_value(item));
      return Value::list(std::move(items));
    }
    case nlohmann::ordered_json::value_t::object: {
      Value dict = Value::dict();
      for (const auto& [key, item] : json.items())
        dict.as_dict().set(key, to_value(item));
      return dict;
    }
    case nlohmann::ordered_json::value_t::binary:
      break;
  }
  return Value::none();
}

nlohmann::ordered_json to_json(const Value& value) {
  switch (value.kind()) {
    case jinja::Kind::Undefined:
    case jinja::Kind::None:
      return nullptr;
    case jinja::Kind::Bool:
      return value.as_bool();
    case jinja::Kind::Int:
      if (value.int_fits_int64()) return value.as_int64();
      return value.as_bigint().to_double();
    case jinja::Kind::Float:
      if (!std::isfinite(value.as_double())) return nullptr;
      return value.as_double();
    case jinja::Kind::String:
      return value.as_string();
    case jinja::Kind::List:
    case jinja::Kind::Tuple: {
      nlohmann::ordered_json array = nlohmann::ordered_json::array();
      for (const Value& item : value.as_list())
        array.push_back(to_json(item));
      return array;
    }
    case jinja::Kind::Dict: {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (const auto& entry : value.as_dict().entries()) {
        object[entry.key.is_string() ? entry.key.as_string() : entry.key.str()] =
            to_json(entry.value);
      }
      return object;
    }
    case jinja::Kind::Object:
      return value.str();
  }
  return nullptr;
}

namespace {

nlohmann::ordered_json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::ordered_json out = nlohmann::ordered_json::object();
      for (const auto& kv : node)
        out[kv.first.as<std::string>()] = yaml_to_json(kv.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& item : node)
        out.push_back(yaml_to_json(item));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (node.Tag() == "!") return s;  // quoted in the source: always a string
      if (s == "true" || s == "True" || s == "TRUE") return true;
      if (s == "false" || s == "False" || s == "FALSE") return false;
      if (s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
      try {
        size_t used = 0;
        long long i = std::stoll(s, &used);
        if (used == s.size()) return i;
        double d = std::stod(s, &used);
        if (used == s.size()) return d;
      } catch (...) {
      }
      return s;
    }
    default:
      return nullptr;
  }
}

}  // namespace

nlohmann::ordered_json yaml_text_to_json(const std::string& text) {
  return yaml_to_json(YAML::Load(text));
}

}  // namespace kiln::compile
