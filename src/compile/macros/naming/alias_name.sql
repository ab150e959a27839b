{#-
  Kiln built-in: relation (alias) naming.

  generate_alias_name(custom_alias_name, node): the configured alias wins;
  otherwise a versioned model is named "<name>_v<version>" (dots in the
  version become underscores: 1.2 -> _v1_2); otherwise the node's name.
-#}

{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- do return(adapter.dispatch('generate_alias_name', 'dbt')(custom_alias_name, node)) -%}
{%- endmacro %}

{% macro default__generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}
        {{ custom_alias_name | trim }}
    {%- elif node.version -%}
        {%- do return(node.name ~ '_v' ~ (node.version | string | replace('.', '_'))) -%}
    {%- else -%}
        {{ node.name }}
    {%- endif -%}
{%- endmacro %}

{#-
  Alias of the pointer relation dbt creates for the latest version of a
  versioned model: the configured latest_version_pointer alias, else the bare
  model name.
-#}
{% macro generate_latest_version_pointer_alias(custom_alias_name=none, node=none) -%}
    {%- do return(adapter.dispatch('generate_latest_version_pointer_alias', 'dbt')(custom_alias_name, node)) -%}
{%- endmacro %}

{% macro default__generate_latest_version_pointer_alias(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}
        {{ custom_alias_name | trim }}
    {%- else -%}
        {{ node.name }}
    {%- endif -%}
{%- endmacro %}
