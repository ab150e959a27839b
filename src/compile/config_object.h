#pragma once
// `config` as a model sees it. Called, `{{ config(materialized='table') }}` records the
// keyword arguments (parse phase) and renders nothing; as an object, `config.get(key,
// default)`, `config.require(key)` and `config.meta_get(key, default)` read the node's
// resolved config (compile phase). dbt uses one object for both; so do we.

#include <memory>

#include <nlohmann/json.hpp>

#include "jinja/value.h"

namespace kiln::compile {

// What the file's config() calls said, merged in call order (later calls win per key,
// tags and hooks accumulate as dbt's config() does).
struct ConfigCalls {
  nlohmann::ordered_json merged = nlohmann::ordered_json::object();
};

// `resolved` is the node's config as known when rendering (for config.get);
// `calls` receives config() calls (may be null: the compile phase ignores them).
jinja::Value make_config_object(nlohmann::ordered_json resolved,
                                std::shared_ptr<ConfigCalls> calls);

}  // namespace kiln::compile
