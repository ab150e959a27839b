{#-
  Kiln built-in: casts.

  cast(field, type)       -> cast(<field> as <type>)
  safe_cast(field, type)  -> a cast that yields null instead of failing where
                             the engine has one (DuckDB: try_cast). PostgreSQL
                             has no such cast, so it is a plain cast there (as
                             in dbt). dbt-duckdb renders a plain cast too;
                             Kiln uses try_cast, which only differs where the
                             plain cast would raise an error.
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

{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro cast_bool_to_text(field) -%}
    {{ adapter.dispatch('cast_bool_to_text', 'dbt')(field) }}
{%- endmacro %}

{% macro default__cast_bool_to_text(field) -%}
    cast({{ field }} as {{ kiln__translate_type('string') }})
{%- endmacro %}
