#include <gtest/gtest.h>

#include "fake_render.h"
#include "project/generic_test.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

GenericTestSite column_site(const std::string& model, const std::string& column) {
  GenericTestSite site;
  site.package_name = "jaffle_shop";
  site.original_file_path = "models/schema.yml";
  site.target.name = model;
  site.target_test_name = model;
  site.column_name = column;
  site.file_key_name = "models." + model;
  return site;
}

GenericTest build(const std::string& yaml, const GenericTestSite& site,
                  const RenderValue& render = nullptr) {
  return build_generic_test(parse_yaml(yaml, "models/schema.yml").root, site, render);
}

// The expected unique_ids are those of dbt's jaffle_shop example project manifest.
TEST(GenericTest, NamesAndHashesMatchDbt) {
  GenericTest unique = build("unique", column_site("customers", "customer_id"));
  EXPECT_EQ(unique.unique_id, "test.jaffle_shop.unique_customers_customer_id.c5af1ff4b1");
  EXPECT_EQ(unique.name, "unique_customers_customer_id");
  EXPECT_EQ(unique.macro_name, "test_unique");
  EXPECT_EQ(unique.kwargs, (Json{{"column_name", "customer_id"},
                                 {"model", "{{ get_where_subquery(ref('customers')) }}"}}));
  EXPECT_EQ(unique.raw_code, "{{ test_unique(**_dbt_generic_test_kwargs) }}");
  EXPECT_EQ(unique.path, "unique_customers_customer_id.sql");
  EXPECT_EQ(unique.fqn, (std::vector<std::string>{"jaffle_shop", "unique_customers_customer_id"}));

  GenericTest not_null = build("not_null", column_site("customers", "customer_id"));
  EXPECT_EQ(not_null.unique_id, "test.jaffle_shop.not_null_customers_customer_id.5c9bf9911d");

  GenericTest relationships = build("relationships: {to: ref('customers'), field: customer_id}",
                                    column_site("orders", "customer_id"));
  EXPECT_EQ(relationships.unique_id,
            "test.jaffle_shop.relationships_orders_customer_id__customer_id__ref_customers_."
            "c6ec7f58f2");
}

TEST(GenericTest, LongNamesGetAnMd5AliasAndPath) {
  GenericTest test = build(
      "accepted_values: {values: ['placed', 'shipped', 'completed', 'return_pending', 'returned']}",
      column_site("orders", "status"));
  EXPECT_EQ(test.unique_id,
            "test.jaffle_shop.accepted_values_orders_status__placed__shipped__completed__return_"
            "pending__returned.be6b5b5ec3");
  EXPECT_EQ(test.patch_config["alias"], "accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758");
  EXPECT_EQ(test.path, "accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758.sql");
}

TEST(GenericTest, ArgumentsPropertyAndConfigBlockOfDbt110) {
  GenericTest nested =
      build("accepted_values:\n  arguments:\n    values: [a, b]\n  config:\n    severity: warn\n",
            column_site("orders", "status"));
  GenericTest flat = build("accepted_values:\n  values: [a, b]\n  severity: warn\n",
                           column_site("orders", "status"));
  EXPECT_EQ(nested.name, "accepted_values_orders_status__a__b");
  EXPECT_EQ(nested.unique_id, flat.unique_id);
  EXPECT_EQ(nested.patch_config, (Json{{"severity", "warn"}}));
  EXPECT_EQ(flat.patch_config, (Json{{"severity", "warn"}}));
  EXPECT_FALSE(nested.kwargs.contains("config"));
  EXPECT_EQ(
      nested.raw_code,
      "{{ test_accepted_values(**_dbt_generic_test_kwargs) }}{{ config(severity=\"warn\") }}");
}

TEST(GenericTest, CustomNameDescriptionAndTestNameForm) {
  GenericTest test = build(
      "name: orders_status_ok\ntest_name: accepted_values\ndescription: statuses\n"
      "values: [x]\nconfig: {where: \"1=1\", limit: 5, tags: [t]}\n",
      column_site("orders", "status"));
  EXPECT_EQ(test.name, "orders_status_ok");
  EXPECT_EQ(test.description, "statuses");
  EXPECT_EQ(test.test_name, "accepted_values");
  EXPECT_FALSE(test.kwargs.contains("name"));
  EXPECT_EQ(test.patch_config["where"], "1=1");
  EXPECT_EQ(test.patch_config["limit"], 5);
  EXPECT_EQ(test.tags, std::vector<std::string>{"t"});
  EXPECT_EQ(test.raw_code,
            "{{ test_accepted_values(**_dbt_generic_test_kwargs) }}"
            "{{ config(tags=['t'],where=\"1=1\",limit=5) }}");
}

TEST(GenericTest, NamespacedTestsAndSources) {
  GenericTestSite site;
  site.package_name = "shop";
  site.original_file_path = "models/staging/sources.yml";
  site.target.kind = TestTarget::Kind::Source;
  site.target.source_name = "raw";
  site.target.name = "orders";
  site.target_test_name = "raw_orders";
  GenericTest test = build("dbt_utils.expression_is_true: {expression: 'id > 0'}", site);
  EXPECT_EQ(test.name, "dbt_utils_source_expression_is_true_raw_orders_id_0");
  EXPECT_EQ(test.macro_name, "dbt_utils.test_expression_is_true");
  EXPECT_EQ(test.test_namespace, "dbt_utils");
  EXPECT_EQ(test.kwargs["model"], "{{ get_where_subquery(source('raw', 'orders')) }}");
  EXPECT_EQ(test.fqn, (std::vector<std::string>{"shop", "staging", test.name}));
}

TEST(GenericTest, VersionedModelTarget) {
  GenericTestSite site = column_site("customers", "id");
  site.target.version = 2;
  site.target_test_name = "customers_v2";
  GenericTest test = build("unique", site);
  EXPECT_EQ(test.name, "unique_customers_v2_id");
  EXPECT_EQ(test.kwargs["model"], "{{ get_where_subquery(ref('customers', version='2')) }}");
}

TEST(GenericTest, ConfigValuesAreRendered) {
  testing::FakeRender fake({{"{{ var('since') }}", "2024-01-01"}});
  GenericTest test = build("not_null:\n  config:\n    where: \"{{ var('since') }}\"\n",
                           column_site("orders", "id"), fake.callback());
  EXPECT_EQ(test.patch_config["where"], "2024-01-01");
}

TEST(GenericTest, BadEntriesNameTheirLine) {
  GenericTestSite site = column_site("orders", "id");
  auto error_line = [&](const std::string& yaml) {
    try {
      build_generic_test(parse_yaml(yaml, "models/schema.yml").root.items.at(0), site, nullptr);
    } catch (const ProjectError& e) {
      return e.where().line;
    }
    return -1;
  };
  EXPECT_EQ(error_line("- ok\n- {unique: {}, not_null: {}}\n"), -1);  // first item is fine
  EXPECT_EQ(error_line("\n- {unique: {}, not_null: {}}\n"), 2);
  EXPECT_EQ(error_line("- unique: {model: x}\n"), 1);
  EXPECT_EQ(error_line("- unique: [1]\n"), 1);
  EXPECT_EQ(error_line("- unique: {severity: warn, config: {severity: error}}\n"), 1);
}

}  // namespace
}  // namespace kiln::project
