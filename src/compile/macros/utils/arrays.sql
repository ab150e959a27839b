{#-
  Kiln built-in: arrays (PostgreSQL arrays, DuckDB lists).

  array_construct(inputs=[], data_type='integer')
      array[<inputs>]; with no inputs, an empty array of <data_type>.
  array_append(array, new_element), array_concat(array_1, array_2)
  Elements must share one type, as PostgreSQL requires.
-#}

{% macro array_construct(inputs=[], data_type=none) -%}
    {%- set data_type = kiln__translate_type('integer') if data_type is none else data_type -%}
    {%- do return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) -%}
{%- endmacro %}

{% macro default__array_construct(inputs, data_type) -%}
    {%- if inputs | length > 0 -%}
        array[ {{ inputs | join(' , ') }} ]
    {%- else -%}
        array[]::{{ data_type }}[]
    {%- endif -%}
{%- endmacro %}

{% macro array_append(array, new_element) -%}
    {%- do return(adapter.dispatch('array_append', 'dbt')(array, new_element)) -%}
{%- endmacro %}

{% macro default__array_append(array, new_element) -%}
    array_append({{ array }}, {{ new_element }})
{%- endmacro %}

{% macro array_concat(array_1, array_2) -%}
    {%- do return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) -%}
{%- endmacro %}

{% macro default__array_concat(array_1, array_2) -%}
    array_cat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}
