// The compile stage on a small project: parse-phase capture of refs and configs, relation
// naming through generate_schema_name, macro dispatch, vars and ephemeral CTE injection.
#include "compile/compiler.h"

#include <gtest/gtest.h>

#include "project/project.h"
#include "warehouse/duckdb/duckdb_adapter.h"

namespace kiln::compile {
namespace {

// YAML values in the fixture have no Jinja; the loader passes them through as written.
nlohmann::ordered_json as_written(std::string_view text, const project::SourcePos&) {
  return std::string(text);
}

class CompilerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    project::LoadOptions options;
    options.render_project = as_written;
    project_ = project::load_project("tests/projects/compile_basic", options);
    target_.target_name = "dev";
    target_.type = "duckdb";
    target_.schema = "main";
    adapter_ =
        std::make_unique<warehouse::duckdb::DuckDbAdapter>(warehouse::duckdb::DuckDbOptions{});
    CompileOptions compile_options;
    compile_options.adapter_type = "duckdb";
    compile_options.target_database = adapter_->database();
    compile_options.invocation.target = {
        {"name", "dev"}, {"schema", "main"}, {"database", adapter_->database()}};
    compiler_ = std::make_unique<Compiler>(project_, target_, compile_options);
    manifest_ = compiler_->parse();
  }

  const ParsedNode& node(const std::string& id) {
    const ParsedNode* found = manifest_.find(id);
    EXPECT_NE(found, nullptr) << id;
    return *found;
  }

  std::string compile(const std::string& id) {
    auto connection = adapter_->open_connection();
    return compiler_->compile(manifest_, node(id), *adapter_, *connection);
  }

  project::Project project_;
  project::Target target_;
  std::unique_ptr<warehouse::Adapter> adapter_;
  std::unique_ptr<Compiler> compiler_;
  Manifest manifest_;
};

TEST_F(CompilerTest, ParsePhaseCapturesRefsAsDependencies) {
  EXPECT_EQ(node("model.compile_basic.final").depends_on,
            std::vector<std::string>{"model.compile_basic.middle"});
  EXPECT_EQ(node("model.compile_basic.middle").depends_on,
            std::vector<std::string>{"model.compile_basic.base"});
}

TEST_F(CompilerTest, ConfigCallsOverrideTheProjectTree) {
  EXPECT_EQ(node("model.compile_basic.final").materialized(), "table");
  EXPECT_EQ(node("model.compile_basic.middle").materialized(), "view");
  EXPECT_TRUE(node("model.compile_basic.base").is_ephemeral());
  EXPECT_EQ(node("model.compile_basic.final").config["tags"],
            nlohmann::ordered_json::array({"nightly"}));
}

TEST_F(CompilerTest, CustomSchemaIsPrefixedWithTheTargetSchema) {
  EXPECT_EQ(node("model.compile_basic.final").schema, "main_marts");
  EXPECT_EQ(node("model.compile_basic.middle").schema, "main");
  EXPECT_EQ(node("model.compile_basic.final").relation_name, "\"memory\".\"main_marts\".\"final\"");
  EXPECT_EQ(node("model.compile_basic.base").relation_name, "");
}

TEST_F(CompilerTest, EphemeralModelsAreInjectedAsCtes) {
  std::string sql = compile("model.compile_basic.middle");
  EXPECT_EQ(sql.rfind("with __dbt__cte__base as (", 0), 0u) << sql;
  EXPECT_NE(sql.find("select 1 as id, 'hello' as word"), std::string::npos) << sql;
  EXPECT_NE(sql.find("), numbered as ("), std::string::npos) << sql;
  EXPECT_NE(sql.find("select * from __dbt__cte__base"), std::string::npos) << sql;
}

TEST_F(CompilerTest, DispatchPrefersTheAdapterImplementation) {
  EXPECT_NE(compile("model.compile_basic.middle").find("upper(word) || '!'"), std::string::npos);
}

TEST_F(CompilerTest, RefRendersTheQuotedRelationAndDbtMacrosResolve) {
  std::string sql = compile("model.compile_basic.final");
  EXPECT_NE(sql.find("from \"memory\".\"main\".\"middle\""), std::string::npos) << sql;
  EXPECT_NE(sql.find("cast('1' as integer)"), std::string::npos) << sql;
}

TEST_F(CompilerTest, AMissingRefIsACompileErrorNamingTheFile) {
  project_.models[0].raw_code = "select * from {{ ref('nowhere') }}";
  CompileOptions options;
  options.target_database = "memory";
  Compiler compiler(project_, target_, options);
  try {
    compiler.parse();
    FAIL() << "expected a CompileError";
  } catch (const CompileError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].find("depends on a node named 'nowhere' which was not found"),
              std::string::npos)
        << e.problems()[0];
    EXPECT_NE(e.problems()[0].find(project_.models[0].original_file_path), std::string::npos);
  }
}

// dbt's `graph`: empty while parsing, every node and source once compiling.
TEST_F(CompilerTest, GraphListsTheProjectsNodesWhenCompiling) {
  project_.models[0].raw_code =
      "select '{{ graph.nodes.values() | selectattr('resource_type', 'equalto', 'model') "
      "| map(attribute='name') | sort | join(',') }}' as models, "
      "{{ graph.sources | length }} as sources, {{ graph.exposures | length }} as exposures";
  CompileOptions options;
  options.target_database = adapter_->database();
  Compiler compiler(project_, target_, options);
  Manifest manifest = compiler.parse();
  auto connection = adapter_->open_connection();
  const ParsedNode* node = manifest.find("model.compile_basic." + project_.models[0].name);
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(compiler.compile(manifest, *node, *adapter_, *connection),
            "select 'base,final,middle' as models, 0 as sources, 0 as exposures");
}

}  // namespace
}  // namespace kiln::compile
