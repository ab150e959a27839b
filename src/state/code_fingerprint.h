#pragma once
// The code fingerprint of a node: what it would build, independent of the data it reads.
// Two runs that would send the same statements to the warehouse and produce the same
// relation shape get the same fingerprint; a formatting-only edit does not change it.
//
// It has three parts, hashed separately so a change can be explained ("code changed (SQL)"):
//   sql      the node's compiled SQL, normalized (analyze::normalized_sql). For an
//            incremental model, the full-refresh rendering (is_incremental() false), so its
//            first incremental run is not a code change. For a seed, hash_hex() of the CSV
//            file's bytes. For a test, its compiled query.
//   config   the configs that change what is built (kFingerprintedConfigs), each as JSON text.
//   upstream each direct parent's output schema (column names and types, in order), when
//            known from analysis or the catalog, so a `select *` view is re-created when a
//            column appears upstream. Parents whose schema is unknown are left out, so the
//            caller should be consistent from run to run about which it knows.
// The fingerprint is "<sql>.<config>.<upstream>", three XXH3-128 hex digests.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiln::state {

struct ColumnSchema {
  std::string name;
  std::string type;
};

struct ParentSchema {
  std::string unique_id;
  std::vector<ColumnSchema> columns;  // in ordinal order
};

struct CodeInputs {
  std::string compiled_sql;                    // see above: full-refresh rendering, CSV hash
  std::map<std::string, std::string> configs;  // name -> JSON text; see fingerprinted_configs
  std::vector<ParentSchema> parent_schemas;    // direct parents whose schema is known
};

// The config keys that change what is built. Keys about scheduling (freshness, state, tags,
// docs, meta) are deliberately absent: changing build_after must not rebuild a model.
extern const std::vector<std::string_view> kFingerprintedConfigs;

// The fingerprinted configs present in a node's final config (ParsedNode::config), each
// dumped as compact JSON with sorted keys. Absent and null keys are left out.
std::map<std::string, std::string> fingerprinted_configs(const nlohmann::ordered_json& config);

std::string code_fingerprint(const CodeInputs& inputs);

// What differs between two fingerprints, in the order "SQL", "config", "upstream columns";
// empty when they are equal or when either is not in this format (a store written by
// another version): the caller then says only "code changed".
std::vector<std::string> code_changes(std::string_view before, std::string_view after);

}  // namespace kiln::state
