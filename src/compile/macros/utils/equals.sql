{#-
  Kiln built-in: equals(expr1, expr2), a join/filter equality.

  With the behaviour flag enable_truthy_nulls_equals_macro on, two nulls are
  equal (PostgreSQL and DuckDB: IS NOT DISTINCT FROM); off (dbt's default),
  it is a plain `=`. The flag is read from adapter.behavior when the engine
  provides it.
-#}

{% macro equals(expr1, expr2) -%}
    {%- do return(adapter.dispatch('equals', 'dbt')(expr1, expr2)) -%}
{%- endmacro %}

{% macro kiln__truthy_nulls_equals() -%}
    {%- set behavior = adapter.behavior -%}
    {%- if behavior is defined and behavior is not none
            and behavior.enable_truthy_nulls_equals_macro is defined
            and behavior.enable_truthy_nulls_equals_macro -%}
        {%- do return(true) -%}
    {%- endif -%}
    {%- do return(false) -%}
{%- endmacro %}

{% macro default__equals(expr1, expr2) -%}
    {%- if kiln__truthy_nulls_equals() -%}
    case when (({{ expr1 }} = {{ expr2 }}) or ({{ expr1 }} is null and {{ expr2 }} is null))
        then 0
        else 1
    end = 0
    {%- else -%}
    ({{ expr1 }} = {{ expr2 }})
    {%- endif -%}
{%- endmacro %}

{% macro postgres__equals(expr1, expr2) -%}
    {%- if kiln__truthy_nulls_equals() -%}
    ({{ expr1 }} is not distinct from {{ expr2 }})
    {%- else -%}
    ({{ expr1 }} = {{ expr2 }})
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__equals(expr1, expr2) -%}
    {{ postgres__equals(expr1, expr2) }}
{%- endmacro %}
