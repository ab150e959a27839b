// dbt's block tags outside models (fixture e2e_dbt_blocks): a generic test in tests/generic/,
// docs blocks that YAML descriptions name with doc(), and a project's own materialization,
// which parses and is listed but cannot build a model yet.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(DbtBlocksTest, GenericTestInTestsGenericRunsAndCustomMaterializationFailsClearly) {
  KilnProject project("e2e_dbt_blocks");
  KilnResult built = project.run({"build"});
  // `appended` uses the project's insert_only materialization: that model errors, so exit 1.
  ASSERT_KILN_EXIT(built, 1);
  EXPECT_EQ(short_statuses(project), (std::map<std::string, std::string>{
                                         {"model.numbers", "success"},
                                         {"test.is_even_numbers_n", "pass"},
                                         {"model.appended", "error"},
                                     }));
  // A named copy: a range-for over a temporary's member would read freed memory.
  const nlohmann::json run_results = project.run_results();
  for (const auto& result : run_results["results"]) {
    if (short_id(result.value("unique_id", "")) != "model.appended") continue;
    std::string message = result.value("message", "");
    EXPECT_TRUE(contains(message, "models/appended.sql")) << message;
    EXPECT_TRUE(contains(message, "'insert_only'")) << message;
    EXPECT_TRUE(contains(message, "macros/insert_only.sql:3")) << message;
    EXPECT_TRUE(contains(message, "not supported by Kiln yet")) << message;
  }
  // tests/generic/ holds macros: no singular test was made of it.
  for (const auto& [id, status] : short_statuses(project))
    EXPECT_FALSE(contains(id, "test.is_even") && id != "test.is_even_numbers_n") << id;
}

TEST(DbtBlocksTest, ManifestListsDocsBlocksAndRenderedDescriptions) {
  KilnProject project("e2e_dbt_blocks");
  ASSERT_KILN_EXIT(project.run({"parse"}), 0);
  nlohmann::json manifest = project.manifest();

  ASSERT_TRUE(manifest["docs"].contains("doc.e2e_dbt_blocks.numbers_table")) << manifest["docs"];
  const auto& doc = manifest["docs"]["doc.e2e_dbt_blocks.numbers_table"];
  EXPECT_EQ(doc["name"], "numbers_table");
  EXPECT_EQ(doc["resource_type"], "doc");
  EXPECT_EQ(doc["package_name"], "e2e_dbt_blocks");
  EXPECT_EQ(doc["path"], "docs.md");
  EXPECT_EQ(doc["original_file_path"], "models/docs.md");
  EXPECT_EQ(doc["block_contents"], "Even numbers, **one per row**.");
  // A docs block is Jinja, rendered once with an empty context, then stripped.
  EXPECT_EQ(manifest["docs"]["doc.e2e_dbt_blocks.number_column"]["block_contents"],
            "The number: ALWAYS even.");
  EXPECT_EQ(manifest["docs"].size(), 2u);

  const auto& numbers = manifest["nodes"]["model.e2e_dbt_blocks.numbers"];
  EXPECT_EQ(numbers["description"], "Even numbers, **one per row**.");
  EXPECT_EQ(numbers["doc_blocks"], nlohmann::json::array({"doc.e2e_dbt_blocks.numbers_table"}));
  EXPECT_EQ(numbers["columns"]["n"]["description"], "The number: ALWAYS even. Never null.");
  EXPECT_EQ(numbers["columns"]["n"]["doc_blocks"],
            nlohmann::json::array({"doc.e2e_dbt_blocks.number_column"}));
}

TEST(DbtBlocksTest, ManifestMacrosHoldTheirSourceAndMaterializationLanguages) {
  KilnProject project("e2e_dbt_blocks");
  ASSERT_KILN_EXIT(project.run({"parse"}), 0);
  const nlohmann::json macros = project.manifest()["macros"];

  ASSERT_TRUE(macros.contains("macro.e2e_dbt_blocks.test_is_even")) << macros.size();
  const auto& test = macros["macro.e2e_dbt_blocks.test_is_even"];
  EXPECT_EQ(test["original_file_path"], "tests/generic/is_even.sql");
  std::string sql = test["macro_sql"];
  EXPECT_EQ(sql.rfind("{% test is_even(model, column_name) %}", 0), 0u) << sql;
  EXPECT_TRUE(sql.ends_with("\n{% endtest %}")) << sql;

  EXPECT_EQ(macros["macro.e2e_dbt_blocks.double"]["macro_sql"],
            "{% macro double(x) %}{{ x }} * 2{% endmacro %}");

  ASSERT_TRUE(macros.contains("macro.e2e_dbt_blocks.materialization_insert_only_default"));
  EXPECT_EQ(
      macros["macro.e2e_dbt_blocks.materialization_insert_only_default"]["supported_languages"],
      nlohmann::json::array({"sql"}));
  ASSERT_TRUE(macros.contains("macro.e2e_dbt_blocks.materialization_insert_only_duckdb"));
  EXPECT_EQ(
      macros["macro.e2e_dbt_blocks.materialization_insert_only_duckdb"]["supported_languages"],
      nlohmann::json::array({"sql", "python"}));
  // Docs blocks are not macros.
  for (const auto& [id, macro] : macros.items())
    EXPECT_FALSE(contains(id, "numbers_table")) << id;
}

TEST(DbtBlocksTest, DocThatNamesNoDocsBlockIsAParseError) {
  KilnProject project("e2e_dbt_blocks");
  project.write("models/schema.yml",
                "version: 2\n"
                "models:\n"
                "  - name: numbers\n"
                "    description: \"{{ doc('no_such_doc') }}\"\n");
  KilnResult parsed = project.run({"parse"});
  ASSERT_KILN_EXIT(parsed, 2);
  EXPECT_TRUE(contains(parsed.all(), "models/schema.yml")) << parsed.describe();
  EXPECT_TRUE(contains(parsed.all(), "doc 'no_such_doc' which was not found")) << parsed.describe();
}

}  // namespace
}  // namespace kiln::e2e
