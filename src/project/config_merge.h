#pragma once

#include <nlohmann/json.hpp>

namespace kiln::project {

// Merges one layer of config (a dbt_project.yml level, a YAML `config:` block, or a
// `{{ config(...) }}` call) over `config`, as dbt's BaseConfig.update_from does:
//  - `tags`, `packages`, `pre-hook`, `post-hook` append (a single value becomes a list;
//    duplicates are kept, as in dbt's config.tags);
//  - `meta`, `quoting`, `column_types`, `docs`, `contract`, `snapshot_meta_column_names`
//    are dicts updated key by key;
//  - `grants` merges per privilege: each grantee list is replaced, or extended when the
//    privilege is written with a leading '+' (`+select: [...]`);
//  - every other key is replaced.
// `pre_hook`/`post_hook` are accepted as spellings of `pre-hook`/`post-hook`. Hooks are
// stored as dbt's Hook objects: {"sql": ..., "transaction": true, "index": null}.
// A dict-merged key given a non-dict value throws std::invalid_argument (callers wrap
// it in a ProjectError that names the file).
void merge_config(nlohmann::ordered_json& config, const nlohmann::ordered_json& layer);

// A hook as dbt normalizes it: a string is {"sql": s} unless it is a JSON object
// string; a dict is kept; missing `transaction` is true and `index` is null.
nlohmann::ordered_json normalize_hook(const nlohmann::ordered_json& hook);

}  // namespace kiln::project
