#include "project_files.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <stdexcept>

#include "model_sql.h"

namespace kiln::bench {

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string dbt_project_yml() {
  return fmt::format(R"(name: {0}
version: "1.0.0"
config-version: 2
profile: {0}

model-paths: ["models"]
seed-paths: ["seeds"]
macro-paths: ["macros"]
target-path: "target"
clean-targets: ["target"]

vars:
  min_amount_cents: 0

models:
  {0}:
    staging:
      +materialized: view
      +tags: ["staging"]
    intermediate:
      +materialized: table
    incremental:
      +materialized: incremental
      +on_schema_change: ignore
    marts:
      +materialized: table
      +tags: ["marts"]

seeds:
  {0}:
    +tags: ["reference"]
)",
                     kProjectName);
}

std::string profiles_yml(int threads) {
  return fmt::format(R"({0}:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: {1}
      schema: main
      threads: {2}
)",
                     kProjectName, kDatabaseFile, threads);
}

constexpr const char* kMacros = R"({# 100 cents make one unit of currency. #}
{% macro cents_to_amount(column_name, scale=2) -%}
    round({{ column_name }} / 100.0, {{ scale }})
{%- endmacro %}

{# p0.amount plus the other parents' amounts (p1, p2, ...) where they joined. #}
{% macro sum_amounts(parent_count) -%}
    p0.amount
    {%- for i in range(1, parent_count) %} + coalesce(p{{ i }}.amount, 0){% endfor %}
{%- endmacro %}

{% macro size_bucket(column_name) -%}
    case
    {%- for limit, label in [(10, 'small'), (50, 'medium')] %}
        when {{ column_name }} < {{ limit }} then '{{ label }}'
    {%- endfor %}
        else 'large'
    end
{%- endmacro %}
)";

void write_seeds(const fs::path& root) {
  write_file(root / "seeds/categories.csv",
             "category,label,sort_order\na,Alpha,1\nb,Bravo,2\nc,Charlie,3\nd,Delta,4\n");
  std::string regions = "region_id,region_name\n";
  for (int i = 1; i <= 12; ++i)
    regions += fmt::format("{},region {}\n", i, i);
  write_file(root / "seeds/regions.csv", regions);
  write_file(root / "seeds/currencies.csv",
             "code,name,rate_to_usd\nUSD,US dollar,1.0\nEUR,Euro,1.08\nGBP,Pound sterling,1.27\n");
  write_file(root / "seeds/properties.yml", R"(version: 2

seeds:
  - name: categories
    columns:
      - name: category
        data_tests: [unique, not_null]
  - name: currencies
    columns:
      - name: code
        data_tests: [unique]
)");
}

// One dbt source per group of kGroupSize tables, all in the raw schema.
std::string sources_yml(size_t first, size_t last) {
  std::string out = fmt::format(
      "version: 2\n\nsources:\n  - name: {}\n    schema: raw\n    loaded_at_field: updated_at\n"
      "    tables:\n",
      source_group_name(first));
  for (size_t i = first; i < last; ++i)
    out += fmt::format("      - name: {}\n", source_table_name(i));
  return out;
}

std::string model_tests(const ModelPlan& model) {
  constexpr const char* kCategories = "['a', 'b', 'c', 'd']";
  if (model.aggregates) {
    return fmt::format(R"(  - name: {}
    description: Amounts per customer and category.
    columns:
      - name: customer_id
        data_tests: [not_null]
      - name: category
        data_tests:
          - accepted_values:
              values: {}
)",
                       model.name, kCategories);
  }
  std::string out = fmt::format(R"(  - name: {}
    columns:
      - name: id
        data_tests: [unique, not_null]
      - name: category
        data_tests:
          - accepted_values:
              values: {}
)",
                                model.name, kCategories);
  if (!model.parents.empty()) {
    out += fmt::format(R"(      - name: customer_id
        data_tests:
          - relationships:
              to: ref('{}')
              field: customer_id
)",
                       model.parents.front());
  }
  return out;
}

void write_models(const ProjectPlan& plan, const fs::path& root) {
  std::map<std::string, std::string> properties;  // folder -> models: entries
  for (const ModelPlan& model : plan.models) {
    write_file(root / model.folder / (model.name + ".sql"), model_sql(model));
    if (model.tested) properties[model.folder] += model_tests(model);
  }
  for (const auto& [folder, entries] : properties)
    write_file(root / folder / "_properties.yml", "version: 2\n\nmodels:\n" + entries);
  for (size_t first = 0; first < plan.source_count; first += kGroupSize) {
    size_t last = std::min(plan.source_count, first + kGroupSize);
    write_file(root / fmt::format("models/staging/part_{:03}/_sources.yml", first / kGroupSize),
               sources_yml(first, last));
  }
}

}  // namespace

void write_project_files(const ProjectPlan& plan, const fs::path& root,
                         const ProjectOptions& options) {
  write_file(root / "dbt_project.yml", dbt_project_yml());
  write_file(root / "profiles.yml", profiles_yml(options.threads));
  write_file(root / "macros/bench_macros.sql", kMacros);
  write_seeds(root);
  write_models(plan, root);
}

}  // namespace kiln::bench
