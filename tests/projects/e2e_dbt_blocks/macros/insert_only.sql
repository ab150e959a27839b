{# A custom materialization, as dbt projects define them. Kiln registers the macros but
   does not run them. #}
{% materialization insert_only, default %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {% call statement('main') -%}
    insert into {{ target_relation }} {{ sql }}
  {%- endcall %}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{% materialization insert_only, adapter='duckdb', supported_languages=['sql', 'python'] %}
  {{ return(materialization_insert_only_default()) }}
{% endmaterialization %}

{% macro double(x) %}{{ x }} * 2{% endmacro %}
