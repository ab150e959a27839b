{#-
  Kiln built-in: database naming.

  generate_database_name(custom_database_name, node): the configured database
  if there is one, else target.database. (dbt 1.10+ also consults catalog
  integrations through adapter.build_catalog_relation; Kiln's engines have
  none, so that branch is left out.)
-#}

{% macro generate_database_name(custom_database_name=none, node=none) -%}
    {%- do return(adapter.dispatch('generate_database_name', 'dbt')(custom_database_name, node)) -%}
{%- endmacro %}

{% macro default__generate_database_name(custom_database_name=none, node=none) -%}
    {%- if custom_database_name is none -%}
        {{ target.database }}
    {%- else -%}
        {{ custom_database_name }}
    {%- endif -%}
{%- endmacro %}
