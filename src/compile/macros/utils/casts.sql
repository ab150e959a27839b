{#-
  Kiln built-in: casts.

  cast(field, type)       -> cast(<field> as <type>)
  safe_cast(field, type)  -> cast(<field> as <type>) on DuckDB and PostgreSQL,
                             exactly as dbt renders it there, so a model gives
                             the same table (or the same error) as under dbt.
  cast_bool_to_text(field) -> the boolean as 'true' / 'false' text.
-#}

{% macro cast(field, type) -%}
    {%- do return(adapter.dispatch('cast', 'dbt')(field, type)) -%}
{%- endmacro %}

{% macro default__cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro safe_cast(field, type) -%}
    {%- do return(adapter.dispatch('safe_cast', 'dbt')(field, type)) -%}
{%- endmacro %}

{% macro default__safe_cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro cast_bool_to_text(field) -%}
    {{ adapter.dispatch('cast_bool_to_text', 'dbt')(field) }}
{%- endmacro %}

{% macro default__cast_bool_to_text(field) -%}
    cast({{ field }} as {{ kiln__translate_type('string') }})
{%- endmacro %}
