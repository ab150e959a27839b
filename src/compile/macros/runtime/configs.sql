{#-
  Kiln built-in: config helpers that are macros in dbt.

  should_full_refresh()    the node's full_refresh config if set (true/false),
                           else the --full-refresh flag.
  should_store_failures()  the node's store_failures config if set, else the
                           --store-failures flag.
  set_sql_header(config)   call block: {% call set_sql_header(config) %}
                           ... {% endcall %} stores its body as the node's
                           sql_header config.
-#}

{% macro kiln__flag(name, default=false) -%}
    {%- if flags is defined and flags is not none and flags[name] is defined -%}
        {%- do return(flags[name]) -%}
    {%- endif -%}
    {%- do return(default) -%}
{%- endmacro %}

{% macro should_full_refresh() -%}
    {%- set value = config.get('full_refresh') -%}
    {%- if value is none -%}
        {%- set value = kiln__flag('FULL_REFRESH') -%}
    {%- endif -%}
    {%- do return(value) -%}
{%- endmacro %}

{% macro should_store_failures() -%}
    {%- set value = config.get('store_failures') -%}
    {%- if value is none -%}
        {%- set value = kiln__flag('STORE_FAILURES') -%}
    {%- endif -%}
    {%- do return(value) -%}
{%- endmacro %}

{% macro set_sql_header(config) -%}
    {{ config.set('sql_header', caller()) }}
{%- endmacro %}
