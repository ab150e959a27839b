// The code fingerprint: equal for formatting-only edits, different (and explained) for SQL,
// config and upstream-schema changes.

#include "state/code_fingerprint.h"

#include <gtest/gtest.h>

#include "state/hash.h"

namespace kiln::state {
namespace {

using Json = nlohmann::ordered_json;

CodeInputs base() {
  CodeInputs inputs;
  inputs.compiled_sql = "select id, amount from \"db\".\"main\".\"stg_orders\"";
  inputs.configs = {{"materialized", "\"table\""}};
  inputs.parent_schemas = {{"model.p.stg_orders", {{"id", "INTEGER"}, {"amount", "DOUBLE"}}}};
  return inputs;
}

TEST(Hash, Xxh3Is32HexDigitsAndDeterministic) {
  std::string h = hash_hex("select 1");
  EXPECT_EQ(h.size(), 32u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(h, hash_hex("select 1"));
  EXPECT_NE(h, hash_hex("select 2"));
}

TEST(Hash, FieldsAreFramedByTheirLength) {
  FieldHasher ab_c, a_bc, abc;
  ab_c.add("ab");
  ab_c.add("c");
  a_bc.add("a");
  a_bc.add("bc");
  abc.add("abc");
  EXPECT_NE(ab_c.hex(), a_bc.hex());
  EXPECT_NE(ab_c.hex(), abc.hex());
  EXPECT_NE(a_bc.hex(), abc.hex());
}

TEST(CodeFingerprint, HasThreeParts) {
  std::string fp = code_fingerprint(base());
  ASSERT_EQ(fp.size(), 98u);
  EXPECT_EQ(fp[32], '.');
  EXPECT_EQ(fp[65], '.');
  EXPECT_TRUE(code_changes(fp, fp).empty());
}

TEST(CodeFingerprint, FormattingOnlyEditsKeepIt) {
  CodeInputs edited = base();
  edited.compiled_sql =
      "-- orders\nSELECT id,\n       amount\n  FROM \"db\".\"main\".\"stg_orders\"  /* all */\n";
  EXPECT_EQ(code_fingerprint(base()), code_fingerprint(edited));
}

TEST(CodeFingerprint, SqlChangeIsNamed) {
  CodeInputs edited = base();
  edited.compiled_sql += " where amount > 0";
  EXPECT_EQ(code_changes(code_fingerprint(base()), code_fingerprint(edited)),
            std::vector<std::string>{"SQL"});
}

TEST(CodeFingerprint, ConfigChangeIsNamed) {
  CodeInputs edited = base();
  edited.configs["materialized"] = "\"view\"";
  EXPECT_EQ(code_changes(code_fingerprint(base()), code_fingerprint(edited)),
            std::vector<std::string>{"config"});
  edited = base();
  edited.configs["unique_key"] = "\"id\"";
  EXPECT_EQ(code_changes(code_fingerprint(base()), code_fingerprint(edited)),
            std::vector<std::string>{"config"});
}

TEST(CodeFingerprint, UpstreamColumnChangeIsNamed) {
  CodeInputs added = base();
  added.parent_schemas[0].columns.push_back({"status", "VARCHAR"});
  CodeInputs retyped = base();
  retyped.parent_schemas[0].columns[1].type = "DECIMAL(18,2)";
  CodeInputs reordered = base();
  std::swap(reordered.parent_schemas[0].columns[0], reordered.parent_schemas[0].columns[1]);
  for (const auto* edited : {&added, &retyped, &reordered}) {
    EXPECT_EQ(code_changes(code_fingerprint(base()), code_fingerprint(*edited)),
              std::vector<std::string>{"upstream columns"});
  }
}

TEST(CodeFingerprint, ParentOrderDoesNotCount) {
  CodeInputs a = base();
  a.parent_schemas.push_back({"source.p.raw.x", {{"k", "INTEGER"}}});
  CodeInputs b = a;
  std::swap(b.parent_schemas[0], b.parent_schemas[1]);
  EXPECT_EQ(code_fingerprint(a), code_fingerprint(b));
}

TEST(CodeFingerprint, SeveralChangesAreAllNamed) {
  CodeInputs edited = base();
  edited.compiled_sql = "select 1";
  edited.parent_schemas.clear();
  EXPECT_EQ(code_changes(code_fingerprint(base()), code_fingerprint(edited)),
            (std::vector<std::string>{"SQL", "upstream columns"}));
}

TEST(CodeFingerprint, ForeignFormatsExplainNothing) {
  EXPECT_TRUE(code_changes("abc", code_fingerprint(base())).empty());
  EXPECT_TRUE(code_changes(code_fingerprint(base()), "").empty());
}

TEST(FingerprintedConfigs, PicksWhatChangesTheBuild) {
  Json config = Json::parse(R"({
    "materialized": "incremental", "unique_key": ["id", "day"], "incremental_strategy": "merge",
    "on_schema_change": "append_new_columns", "contract": {"enforced": true},
    "pre-hook": [{"sql": "select 1", "transaction": true}], "post-hook": [],
    "tags": ["nightly"], "freshness": {"build_after": {"count": 4, "period": "hour"}},
    "docs": {"show": true}, "meta": {"owner": "x"}, "enabled": true, "alias": null
  })");
  auto picked = fingerprinted_configs(config);
  EXPECT_EQ(picked.size(), 7u);
  EXPECT_EQ(picked.at("materialized"), "\"incremental\"");
  EXPECT_EQ(picked.at("unique_key"), "[\"id\",\"day\"]");
  EXPECT_EQ(picked.at("pre-hook"), "[{\"sql\":\"select 1\",\"transaction\":true}]");
  EXPECT_EQ(picked.count("tags"), 0u);
  EXPECT_EQ(picked.count("freshness"), 0u);
  EXPECT_EQ(picked.count("alias"), 0u);
}

TEST(FingerprintedConfigs, ObjectKeyOrderDoesNotCount) {
  Json a = Json::parse(R"({"contract": {"enforced": true, "alias_types": false}})");
  Json b = Json::parse(R"({"contract": {"alias_types": false, "enforced": true}})");
  EXPECT_EQ(fingerprinted_configs(a), fingerprinted_configs(b));
  EXPECT_TRUE(fingerprinted_configs(Json::array()).empty());
}

}  // namespace
}  // namespace kiln::state
