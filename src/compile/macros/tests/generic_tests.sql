{#-
  Kiln built-in: the four generic data tests of dbt's global project.

  dbt declares these with `{% test unique(model, column_name) %}` blocks; a
  test block named X is registered as the macro test_X, which is what is
  written here directly, so the file is plain Jinja2. Each one dispatches, so
  a project or package can supply <adapter>__test_X / default__test_X.

  A generic test renders a SELECT that returns the failing rows: zero rows
  means pass. `model` is the tested relation, already wrapped by
  get_where_subquery when the test has a `where` config.
-#}

{% macro test_unique(model, column_name) -%}
    {{ adapter.dispatch('test_unique', 'dbt')(model, column_name) }}
{%- endmacro %}

{% macro test_not_null(model, column_name) -%}
    {{ adapter.dispatch('test_not_null', 'dbt')(model, column_name) }}
{%- endmacro %}

{% macro test_accepted_values(model, column_name, values, quote=True) -%}
    {{ adapter.dispatch('test_accepted_values', 'dbt')(model, column_name, values, quote) }}
{%- endmacro %}

{% macro test_relationships(model, column_name, to, field) -%}
    {{ adapter.dispatch('test_relationships', 'dbt')(model, column_name, to, field) }}
{%- endmacro %}


{#- unique: one row per value that occurs more than once (nulls ignored). -#}
{% macro default__test_unique(model, column_name) %}
select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{% endmacro %}


{#- not_null: the null rows; every column when failures are stored, so the
    stored table shows whole rows. -#}
{% macro default__test_not_null(model, column_name) %}
{%- set selected = '*' if should_store_failures() else column_name %}
select {{ selected }}
from {{ model }}
where {{ column_name }} is null
{% endmacro %}


{#- accepted_values: one row per distinct value outside the list (nulls are
    not reported: `null not in (...)` is never true). quote=false inserts the
    values as SQL expressions (numbers, booleans). Quoted values are not
    escaped, exactly as in dbt: projects that need an apostrophe already
    write it doubled ("it''s"), and escaping here would double it again. -#}
{% macro default__test_accepted_values(model, column_name, values, quote=True) %}
with all_values as (
    select
        {{ column_name }} as value_field,
        count(*) as n_records
    from {{ model }}
    group by {{ column_name }}
)

select *
from all_values
where value_field not in (
    {%- for value in values %}
    {% if quote -%}
    '{{ value }}'
    {%- else -%}
    {{ value }}
    {%- endif -%}
    {{- ',' if not loop.last }}
    {%- endfor %}
)
{% endmacro %}


{#- relationships: child values (non-null) with no matching parent value. -#}
{% macro default__test_relationships(model, column_name, to, field) %}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),

parent as (
    select {{ field }} as to_field
    from {{ to }}
)

select
    from_field
from child
left join parent
    on child.from_field = parent.to_field
where parent.to_field is null
{% endmacro %}
