{#-
  Kiln built-in: how a test's SELECT becomes its verdict.

  get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) wraps the
  test's query (the failing rows) into one row:
    failures      fail_calc over the rows (config fail_calc, default count(*))
    should_warn   fail_calc <warn_if>  (config warn_if, default '!= 0')
    should_error  fail_calc <error_if> (config error_if, default '!= 0')
  `limit` (config limit) caps the rows fed to fail_calc.
-#}

{% macro get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    {{ adapter.dispatch('get_test_sql', 'dbt')(main_sql, fail_calc, warn_if, error_if, limit) }}
{%- endmacro %}

{% macro default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
select
    {{ fail_calc }} as failures,
    {{ fail_calc }} {{ warn_if }} as should_warn,
    {{ fail_calc }} {{ error_if }} as should_error
from (
    {{ main_sql }}
    {% if limit is not none %}limit {{ limit }}{% endif %}
) dbt_internal_test
{%- endmacro %}


{#-
  Unit tests: the model's actual rows and the expected fixture rows, tagged
  'actual' / 'expected' in a column actual_or_expected, union'ed so the
  runner can diff them.
-#}
{% macro get_unit_test_sql(main_sql, expected_fixture_sql, expected_column_names) -%}
    {{ adapter.dispatch('get_unit_test_sql', 'dbt')(main_sql, expected_fixture_sql, expected_column_names) }}
{%- endmacro %}

{% macro default__get_unit_test_sql(main_sql, expected_fixture_sql, expected_column_names) -%}
{%- set tag_column = adapter.quote('actual_or_expected') -%}
{%- set column_list = expected_column_names | join(', ') -%}
-- actual rows, from the model's SQL run on the input fixtures
with dbt_internal_unit_test_actual as (
    select {{ column_list }}, {{ dbt.string_literal('actual') }} as {{ tag_column }}
    from (
        {{ main_sql }}
    ) _dbt_internal_unit_test_actual
),
-- expected rows, from the test's `expect` fixture
dbt_internal_unit_test_expected as (
    select {{ column_list }}, {{ dbt.string_literal('expected') }} as {{ tag_column }}
    from (
        {{ expected_fixture_sql }}
    ) _dbt_internal_unit_test_expected
)
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected
{%- endmacro %}


{#-
  Row limits: the test materialization applies a test's `limit` config with
  get_limit_subquery_sql, and `dbt show` (get_show_sql) its --limit. The
  query is not wrapped: the limit clause is appended.
-#}
{% macro get_show_sql(compiled_code, sql_header, limit) -%}
    {%- if sql_header is not none %}
{{ sql_header }}
    {%- endif %}
{{ get_limit_subquery_sql(compiled_code, limit) }}
{%- endmacro %}

{% macro get_limit_subquery_sql(sql, limit) -%}
    {{ adapter.dispatch('get_limit_sql', 'dbt')(sql, limit) }}
{%- endmacro %}

{% macro default__get_limit_sql(sql, limit) -%}
{{ sql }}
{%- if limit is not none %}
limit {{ limit }}
{%- endif %}
{%- endmacro %}
