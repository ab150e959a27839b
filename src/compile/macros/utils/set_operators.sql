{#- Kiln built-in: set operators, for `select ... {{ dbt.except() }} select ...`.
    BigQuery-style engines need "except distinct"; both Kiln engines take the
    bare keywords. -#}

{% macro except() -%}
    {%- do return(adapter.dispatch('except', 'dbt')()) -%}
{%- endmacro %}

{% macro default__except() -%}
    except
{%- endmacro %}

{% macro intersect() -%}
    {%- do return(adapter.dispatch('intersect', 'dbt')()) -%}
{%- endmacro %}

{% macro default__intersect() -%}
    intersect
{%- endmacro %}
