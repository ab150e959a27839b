// dbt's block tags in the compile stage: {% test %} and {% materialization %} blocks become
// macros of the index (with their source text), {% docs %} blocks become docs, descriptions
// resolve doc(), and a model on a project-defined materialization is refused clearly.
#include <gtest/gtest.h>

#include "compile/dbt_block_tags.h"
#include "compile/dbt_environment.h"
#include "compile/descriptions.h"
#include "compile/docs_index.h"
#include "compile/macro_index.h"
#include "compile/materializations.h"
#include "jinja/error.h"

namespace kiln::compile {
namespace {

class DbtBlocksTest : public ::testing::Test {
 protected:
  jinja::Environment env_ = make_dbt_environment();
};

TEST_F(DbtBlocksTest, TestAndMaterializationBlocksAreMacrosAndDocsBlocksAreNot) {
  MacroIndex index(env_,
                   {{"shop", "macros/blocks.sql",
                     "{% test is_positive(model, column_name) %}select 1{% endtest %}\n"
                     "{% materialization upsert, adapter='duckdb' %}x{% endmaterialization %}\n"
                     "{% materialization upsert, default, supported_languages=['python'] %}"
                     "y{% endmaterialization %}\n"
                     "{% docs orders %}Orders{% enddocs %}\n"
                     "{% macro cents(x) %}{{ x }} / 100{% endmacro %}"}},
                   "shop");
  EXPECT_TRUE(index.errors().empty());
  std::vector<std::string> names;
  for (const MacroDefinition* macro : index.all())
    names.push_back(macro->name);
  EXPECT_EQ(names, (std::vector<std::string>{"cents", "materialization_upsert_default",
                                             "materialization_upsert_duckdb", "test_is_positive"}));
  const MacroDefinition* test = index.find("shop", "test_is_positive");
  ASSERT_NE(test, nullptr);
  EXPECT_EQ(test->tag, "test");
  EXPECT_EQ(test->sql, "{% test is_positive(model, column_name) %}select 1{% endtest %}");
  EXPECT_EQ(test->supported_languages, std::nullopt);
  EXPECT_EQ(index.find("shop", "materialization_upsert_duckdb")->supported_languages,
            (std::vector<std::string>{"sql"}));
  EXPECT_EQ(index.find("shop", "materialization_upsert_default")->supported_languages,
            (std::vector<std::string>{"python"}));
  EXPECT_EQ(index.find("shop", "materialization_upsert_default")->line, 3u);
}

TEST_F(DbtBlocksTest, MaterializationHeaderErrorsNameTheFile) {
  MacroIndex index(env_,
                   {{"shop", "macros/bad.sql",
                     "{% materialization upsert, colour='red' %}x{% endmaterialization %}"}},
                   "shop");
  ASSERT_EQ(index.errors().size(), 1u);
  EXPECT_NE(index.errors()[0].find("macros/bad.sql:1"), std::string::npos) << index.errors()[0];
  EXPECT_NE(index.errors()[0].find("unknown argument 'colour'"), std::string::npos);
}

project::DocsFile docs_file(std::string package, std::vector<project::NamedBlock> blocks) {
  project::DocsFile file;
  file.package_name = std::move(package);
  file.original_file_path = "models/docs.md";
  file.path = "docs.md";
  file.blocks = std::move(blocks);
  return file;
}

TEST_F(DbtBlocksTest, DocsBlocksRenderWithAnEmptyContextAndAreStripped) {
  DocsIndex docs(env_,
                 {docs_file("shop", {{"orders", "\n  {{ 'one' | upper }} {{ nothing }}\n", 4}})});
  ASSERT_TRUE(docs.errors().empty());
  ASSERT_EQ(docs.all().size(), 1u);
  EXPECT_EQ(docs.all()[0].unique_id, "doc.shop.orders");
  EXPECT_EQ(docs.all()[0].block_contents, "ONE");
}

TEST_F(DbtBlocksTest, DocsErrorsNameTheFilesLine) {
  DocsIndex docs(env_, {docs_file("shop", {{"a", "fine", 1}, {"a", "again", 5}}),
                        docs_file("shop", {{"b", "\n{{ 1 / }}", 7}})});
  ASSERT_EQ(docs.errors().size(), 2u);
  EXPECT_NE(docs.errors()[0].find("two docs blocks named \"a\""), std::string::npos);
  EXPECT_NE(docs.errors()[1].find("models/docs.md:8"), std::string::npos) << docs.errors()[1];
}

TEST_F(DbtBlocksTest, DocResolutionPrefersTheRootProjectThenTheNodesPackage) {
  DocsIndex docs(env_, {docs_file("pkg", {{"shared", "from pkg", 1}, {"own", "pkg own", 2}}),
                        docs_file("shop", {{"shared", "from shop", 1}})});
  EXPECT_EQ(docs.resolve("shared", std::nullopt, "shop", "pkg")->block_contents, "from shop");
  EXPECT_EQ(docs.resolve("shared", std::string("pkg"), "shop", "shop")->block_contents, "from pkg");
  EXPECT_EQ(docs.resolve("own", std::nullopt, "shop", "shop")->block_contents, "pkg own");
  EXPECT_EQ(docs.resolve("own", std::string("shop"), "shop", "shop"), nullptr);
}

TEST_F(DbtBlocksTest, DescriptionsResolveDocAndListTheirDocBlocks) {
  DocsIndex docs(env_, {docs_file("shop", {{"orders", "All orders.", 1}})});
  project::Project project;
  project.root.name = "shop";
  project::Model model;
  model.unique_id = "model.shop.orders";
  model.name = "orders";
  model.package_name = "shop";
  model.patch_path = "shop://models/schema.yml";
  model.description = "{{ doc('orders') }} Really.\n";
  project::Column id;
  id.name = "id";
  id.description = "{{ doc('shop', 'orders') }}";
  model.columns = {id, project::Column{}};
  ParsedNode node;
  node.unique_id = model.unique_id;
  node.node = &model;
  DescriptionInputs inputs{&env_, &docs, &project, nlohmann::ordered_json::object()};
  std::vector<std::string> problems;
  render_descriptions(node, inputs, problems);
  EXPECT_TRUE(problems.empty());
  // Jinja drops the trailing newline, as dbt's rendering does.
  EXPECT_EQ(node.description, "All orders. Really.");
  EXPECT_EQ(node.doc_blocks, std::vector<std::string>{"doc.shop.orders"});
  EXPECT_EQ(node.column_descriptions, (std::vector<std::string>{"All orders.", ""}));
  EXPECT_EQ(node.column_doc_blocks[0], std::vector<std::string>{"doc.shop.orders"});

  model.description = "{{ doc('missing') }}";
  render_descriptions(node, inputs, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("models/schema.yml"), std::string::npos) << problems[0];
  EXPECT_NE(problems[0].find("doc 'missing' which was not found"), std::string::npos);
}

TEST_F(DbtBlocksTest, ModelOnAProjectMaterializationIsRefusedClearly) {
  MacroIndex index(env_,
                   {{"shop", "macros/upsert.sql",
                     "\n{% materialization upsert, default %}x{% endmaterialization %}"}},
                   "shop");
  project::Model model;
  model.name = "orders";
  model.original_file_path = "models/orders.sql";
  ParsedNode node;
  node.node = &model;
  node.resource_type = project::ResourceType::Model;
  node.config = {{"materialized", "table"}};
  EXPECT_NO_THROW(check_materialization_supported(node, index, "duckdb"));
  // A name no macro defines is left to the run stage ("No materialization ... was found").
  node.config = {{"materialized", "mystery"}};
  EXPECT_NO_THROW(check_materialization_supported(node, index, "duckdb"));
  node.config = {{"materialized", "upsert"}};
  try {
    check_materialization_supported(node, index, "duckdb");
    FAIL() << "no error";
  } catch (const jinja::Error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("models/orders.sql"), std::string::npos) << what;
    EXPECT_NE(what.find("'upsert'"), std::string::npos) << what;
    EXPECT_NE(what.find("macros/upsert.sql:2"), std::string::npos) << what;
    EXPECT_NE(what.find("not supported by Kiln yet"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace kiln::compile
