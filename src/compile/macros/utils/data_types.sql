{#-
  Kiln built-in: portable type names (dbt.type_string() etc.).

  dbt computes these with api.Column.translate_type, whose only label on
  PostgreSQL and DuckDB is STRING -> TEXT (other names pass through), and
  numeric as numeric(28,6). kiln__translate_type keeps that table here, so
  the macros need no Column object from the engine. Each public macro
  *returns* the name (a string), as in dbt.
-#}

{% macro kiln__translate_type(dtype) -%}
    {%- set labels = {'STRING': 'TEXT'} -%}
    {%- do return(labels.get(dtype | upper, dtype)) -%}
{%- endmacro %}

{% macro type_string() -%}
    {%- do return(adapter.dispatch('type_string', 'dbt')()) -%}
{%- endmacro %}

{% macro default__type_string() -%}
    {%- do return(kiln__translate_type('string')) -%}
{%- endmacro %}

{% macro type_timestamp() -%}
    {%- do return(adapter.dispatch('type_timestamp', 'dbt')()) -%}
{%- endmacro %}

{#- timestamp without time zone on both engines -#}
{% macro default__type_timestamp() -%}
    {%- do return(kiln__translate_type('timestamp')) -%}
{%- endmacro %}

{% macro type_float() -%}
    {%- do return(adapter.dispatch('type_float', 'dbt')()) -%}
{%- endmacro %}

{#- `float` is double precision on both engines -#}
{% macro default__type_float() -%}
    {%- do return(kiln__translate_type('float')) -%}
{%- endmacro %}

{% macro type_numeric() -%}
    {%- do return(adapter.dispatch('type_numeric', 'dbt')()) -%}
{%- endmacro %}

{% macro default__type_numeric() -%}
    {%- do return('numeric(28,6)') -%}
{%- endmacro %}

{% macro type_bigint() -%}
    {%- do return(adapter.dispatch('type_bigint', 'dbt')()) -%}
{%- endmacro %}

{% macro default__type_bigint() -%}
    {%- do return(kiln__translate_type('bigint')) -%}
{%- endmacro %}

{% macro type_int() -%}
    {%- do return(adapter.dispatch('type_int', 'dbt')()) -%}
{%- endmacro %}

{% macro default__type_int() -%}
    {%- do return(kiln__translate_type('integer')) -%}
{%- endmacro %}

{% macro type_boolean() -%}
    {%- do return(adapter.dispatch('type_boolean', 'dbt')()) -%}
{%- endmacro %}

{% macro default__type_boolean() -%}
    {%- do return(kiln__translate_type('boolean')) -%}
{%- endmacro %}
