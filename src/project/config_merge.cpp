#include "project/config_merge.h"

#include <fmt/format.h>

#include <array>
#include <stdexcept>
#include <string_view>

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 4> kAppendKeys = {"tags", "packages", "pre-hook",
                                                         "post-hook"};
constexpr std::array<std::string_view, 6> kUpdateKeys = {
    "meta", "quoting", "column_types", "docs", "contract", "snapshot_meta_column_names"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& keys, std::string_view key) {
  for (auto k : keys)
    if (k == key) return true;
  return false;
}

Json listify(const Json& value) {
  if (value.is_array()) return value;
  return Json::array({value});
}

bool is_hook_key(std::string_view key) {
  return key == "pre-hook" || key == "post-hook";
}

// dbt spells the hook fields with a dash; `pre_hook` is an accepted misspelling.
std::string canonical_key(const std::string& key) {
  if (key == "pre_hook") return "pre-hook";
  if (key == "post_hook") return "post-hook";
  return key;
}

Json normalized_hooks(const Json& value) {
  Json out = Json::array();
  for (const auto& hook : listify(value))
    out.push_back(normalize_hook(hook));
  return out;
}

Json appended(const Json& base, const Json& value) {
  Json out = base.is_null() ? Json::array() : listify(base);
  for (const auto& item : listify(value))
    out.push_back(item);
  return out;
}

Json updated(const std::string& key, const Json& base, const Json& value) {
  if (!value.is_object())
    throw std::invalid_argument(
        fmt::format("config '{}' must be a dictionary, not {}", key, value.dump()));
  Json out = base.is_object() ? base : Json::object();
  for (const auto& item : value.items())
    out[item.key()] = item.value();
  return out;
}

// MergeBehavior.DictKeyAppend: privilege -> list of grantees.
Json grants_merged(const Json& base, const Json& value) {
  if (!value.is_object())
    throw std::invalid_argument(
        fmt::format("config 'grants' must be a dictionary, not {}", value.dump()));
  Json out = Json::object();
  if (base.is_object())
    for (const auto& item : base.items())
      out[item.key()] = listify(item.value());
  for (const auto& item : value.items()) {
    std::string privilege = item.key();
    bool extend = !privilege.empty() && privilege[0] == '+';
    if (extend) privilege.erase(0, privilege.find_first_not_of('+'));
    if (extend && out.contains(privilege)) {
      for (const auto& grantee : listify(item.value()))
        out[privilege].push_back(grantee);
    } else {
      out[privilege] = listify(item.value());
    }
  }
  return out;
}

}  // namespace

Json normalize_hook(const Json& hook) {
  Json out;
  if (hook.is_object()) {
    out = hook;
  } else if (hook.is_string()) {
    // dbt accepts a hook written as a JSON object string: '{"sql": "...", "transaction": false}'.
    Json parsed = Json::parse(hook.get<std::string>(), nullptr, false);
    out = parsed.is_object() ? parsed : Json{{"sql", hook}};
  } else {
    throw std::invalid_argument(
        fmt::format("a hook must be a SQL string or a dictionary, not {}", hook.dump()));
  }
  if (!out.contains("transaction")) out["transaction"] = true;
  if (!out.contains("index")) out["index"] = nullptr;
  return out;
}

void merge_config(Json& config, const Json& layer) {
  if (layer.is_null()) return;
  if (!layer.is_object())
    throw std::invalid_argument(fmt::format("config must be a dictionary, not {}", layer.dump()));
  for (const auto& item : layer.items()) {
    std::string key = canonical_key(item.key());
    const Json& value = item.value();
    Json base = config.contains(key) ? config[key] : Json();
    if (is_hook_key(key)) {
      config[key] = appended(base, normalized_hooks(value));
    } else if (contains(kAppendKeys, key)) {
      config[key] = appended(base, value);
    } else if (contains(kUpdateKeys, key)) {
      config[key] = updated(key, base, value);
    } else if (key == "grants") {
      config[key] = grants_merged(base, value);
    } else {
      config[key] = value;
    }
  }
}

}  // namespace kiln::project
