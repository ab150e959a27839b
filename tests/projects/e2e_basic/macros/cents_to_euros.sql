{# Integer cents to euros with two decimals. #}
{% macro cents_to_euros(column_name) -%}
    cast({{ column_name }} / 100.0 as decimal(10, 2))
{%- endmacro %}
