{# 100 copper cents make one gold coin. #}
{% macro cents_to_gold(column_name, scale=2) -%}
    round({{ column_name }} / 100.0, {{ scale }})
{%- endmacro %}
