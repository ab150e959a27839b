#include <gtest/gtest.h>

#include "fake_render.h"
#include "project/properties.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

PropertiesFile parse(const std::string& yaml, const RenderValue& render = nullptr) {
  return parse_properties(parse_yaml(yaml, "models/schema.yml"), "shop", "models/schema.yml",
                          "models", "schema.yml", render);
}

TEST(Properties, ReadsModelsColumnsAndTests) {
  PropertiesFile file = parse(R"(
version: 2
models:
  - name: orders
    description: All orders
    meta: {owner: a}
    docs: {show: false}
    config: {materialized: table}
    constraints: [{type: primary_key, columns: [id]}]
    columns:
      - name: id
        description: key
        data_type: integer
        quote: true
        tags: [pk]
        meta: {pii: false}
        tests: [unique, not_null]
    data_tests:
      - dbt_utils.unique_combination_of_columns: {combination_of_columns: [a, b]}
)");
  ASSERT_EQ(file.nodes.size(), 1u);
  const NodeProperties& orders = file.nodes[0];
  EXPECT_EQ(orders.description, "All orders");
  EXPECT_EQ(
      orders.config,
      (Json{{"materialized", "table"}, {"meta", {{"owner", "a"}}}, {"docs", {{"show", false}}}}));
  ASSERT_EQ(orders.columns.size(), 1u);
  EXPECT_EQ(orders.columns[0].column.data_type, "integer");
  EXPECT_EQ(orders.columns[0].column.quote, true);
  EXPECT_EQ(orders.columns[0].tests.size(), 2u);
  EXPECT_EQ(orders.tests.size(), 1u);
  EXPECT_EQ(orders.constraints[0]["type"], "primary_key");
}

TEST(Properties, ReadsSourcesWithTablesAndFreshness) {
  PropertiesFile file = parse(R"(
sources:
  - name: raw
    database: lake
    loader: fivetran
    loaded_at_field: _synced
    freshness: {warn_after: {count: 1, period: day}}
    quoting: {identifier: true}
    tables:
      - name: orders
        identifier: raw_orders
        loaded_at_field: null
        freshness: null
        external: {location: 's3://x'}
      - name: customers
)");
  ASSERT_EQ(file.sources.size(), 1u);
  const SourceProperties& raw = file.sources[0];
  EXPECT_EQ(raw.database, "lake");
  EXPECT_EQ(raw.loader, "fivetran");
  ASSERT_EQ(raw.tables.size(), 2u);
  EXPECT_TRUE(raw.tables[0].loaded_at_field_present);
  EXPECT_FALSE(raw.tables[0].loaded_at_field);
  ASSERT_TRUE(raw.tables[0].freshness);
  EXPECT_TRUE(raw.tables[0].freshness->is_null());
  EXPECT_FALSE(raw.tables[1].freshness);
  EXPECT_EQ(raw.tables[0].external["location"], "s3://x");
}

TEST(Properties, KeepsMacrosExposuresAndRawSections) {
  PropertiesFile file = parse(R"(
macros:
  - name: cents
    description: to cents
    arguments: [{name: col, type: string}]
exposures:
  - name: dash
    type: dashboard
    owner: {name: Ann}
metrics:
  - name: revenue
    label: Revenue
semantic_models:
  - name: orders
unit_tests:
  - name: t1
    model: orders
groups:
  - name: finance
    owner: {name: Bob}
)");
  ASSERT_EQ(file.macros.size(), 1u);
  EXPECT_EQ(file.macros[0].arguments[0]["name"], "col");
  EXPECT_EQ(file.exposures.size(), 1u);
  EXPECT_EQ(file.metrics[0].value["label"], "Revenue");
  EXPECT_EQ(file.semantic_models.size(), 1u);
  EXPECT_EQ(file.unit_tests[0].value["model"], "orders");
  EXPECT_EQ(file.groups[0].defined_at.line, 19);
}

TEST(Properties, VersionsIncludeAndExcludeColumns) {
  PropertiesFile file = parse(R"(
models:
  - name: customers
    latest_version: 1
    columns: [{name: id}, {name: name}, {name: email}]
    versions:
      - v: 1
      - v: 2
        columns:
          - include: all
            exclude: [email]
          - name: full_name
)");
  const NodeProperties& model = file.nodes[0];
  ASSERT_EQ(model.versions.size(), 2u);
  EXPECT_FALSE(model.versions[0].columns);
  ASSERT_TRUE(model.versions[1].columns);
  std::vector<std::string> names;
  for (const auto& c : *model.versions[1].columns)
    names.push_back(c.column.name);
  EXPECT_EQ(names, (std::vector<std::string>{"id", "name", "full_name"}));
  EXPECT_THROW(parse("models:\n  - name: m\n    latest_version: 3\n    versions: [{v: 1}]\n"),
               ProjectError);
}

TEST(Properties, RendersLikeDbtSchemaRenderer) {
  testing::FakeRender fake({{"{{ target.name }}", "dev"}, {"{{ var('db') }}", "lake"}});
  PropertiesFile file = parse(R"(
models:
  - name: m
    description: "{{ doc('m') }}"
    config:
      alias: "{{ target.name }}"
      pre_hook: "{{ not_rendered() }}"
    columns:
      - name: c
        description: "{{ doc('c') }}"
        data_tests:
          - accepted_values: {values: ["{{ not_rendered() }}"]}
sources:
  - name: s
    database: "{{ var('db') }}"
    tables:
      - name: t
        description: "{{ doc('t') }}"
)",
                              fake.callback());
  EXPECT_EQ(file.nodes[0].config["alias"], "dev");
  EXPECT_EQ(file.nodes[0].description, "{{ doc('m') }}");
  EXPECT_EQ(file.sources[0].database, "lake");
  EXPECT_EQ(fake.asked().size(), 2u);
}

TEST(Properties, StructureErrorsNameTheLine) {
  auto line_of = [](const std::string& yaml) {
    try {
      parse(yaml);
    } catch (const ProjectError& e) {
      EXPECT_EQ(e.where().file, "models/schema.yml");
      return e.where().line;
    }
    return -1;
  };
  EXPECT_EQ(line_of("models:\n  name: orders\n"), 2);            // not a list
  EXPECT_EQ(line_of("models:\n  - description: x\n"), 2);        // no name
  EXPECT_EQ(line_of("models:\n  - name: a\n  - name: a\n"), 3);  // duplicate
  EXPECT_EQ(line_of("models:\n  - name: a\n    meta: {}\n    config: {meta: {}}\n"), 3);
  EXPECT_EQ(line_of("models:\n  - name: a\n    tests: [x]\n    data_tests: [y]\n"), 3);
  EXPECT_EQ(line_of("version: 3\n"), 1);
  EXPECT_EQ(line_of("sources:\n  - name: s\n    tables:\n      - name: t\n      - name: t\n"), 5);
}

TEST(Properties, UnknownTopLevelKeysWarn) {
  PropertiesFile file = parse("modles:\n  - name: a\n");
  ASSERT_EQ(file.warnings.size(), 1u);
  EXPECT_EQ(file.warnings[0].where.line, 2);  // where its value starts
}

}  // namespace
}  // namespace kiln::project
