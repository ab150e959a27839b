{#-
  Kiln built-in: schema naming (dbt package namespace).

  generate_schema_name(custom_schema_name, node) decides the schema a node is
  built in. With no custom schema the node goes to target.schema; with one,
  to "<target.schema>_<custom>". A root project may define its own
  generate_schema_name (or default__/<adapter>__ variant) to change this.
  The engine strips surrounding whitespace from the rendered result.
-#}

{% macro generate_schema_name(custom_schema_name=none, node=none) -%}
    {{- return(adapter.dispatch('generate_schema_name', 'dbt')(custom_schema_name, node)) -}}
{%- endmacro %}

{% macro default__generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ target.schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}

{#-
  The "for env" flavour: only the target named 'prod' honours the custom
  schema (as is, without the target.schema prefix); every other target builds
  everything in target.schema. Projects opt in by calling it from their own
  generate_schema_name. Not dispatched, as in dbt.
-#}
{% macro generate_schema_name_for_env(custom_schema_name, node) -%}
    {%- if target.name == 'prod' and custom_schema_name is not none -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ target.schema }}
    {%- endif -%}
{%- endmacro %}
