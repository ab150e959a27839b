{% macro shout(column) -%}
    {{ return(adapter.dispatch('shout')(column)) }}
{%- endmacro %}

{% macro default__shout(column) -%}
    upper({{ column }})
{%- endmacro %}

{% macro duckdb__shout(column) -%}
    upper({{ column }}) || '!'
{%- endmacro %}
