{#-
  Kiln built-in: source freshness queries.

  collect_freshness(source, loaded_at_field, filter)
      runs `select max(<loaded_at_field>) as max_loaded_at,
      <current_timestamp()> as snapshotted_at from <source> [where <filter>]`
      and returns its load_result.
  collect_freshness_custom_sql(source, loaded_at_query)
      the same shape from a user query (config loaded_at_query) that selects
      one value.
-#}

{% macro collect_freshness(source, loaded_at_field, filter) -%}
    {%- do return(adapter.dispatch('collect_freshness', 'dbt')(source, loaded_at_field, filter)) -%}
{%- endmacro %}

{% macro default__collect_freshness(source, loaded_at_field, filter) -%}
    {%- call statement('collect_freshness', fetch_result=True, auto_begin=False) -%}
    select
        max({{ loaded_at_field }}) as max_loaded_at,
        {{ current_timestamp() }} as snapshotted_at
    from {{ source }}
    {%- if filter %}
    where {{ filter }}
    {%- endif %}
    {%- endcall -%}
    {%- do return(load_result('collect_freshness')) -%}
{%- endmacro %}

{% macro collect_freshness_custom_sql(source, loaded_at_query) -%}
    {%- do return(adapter.dispatch('collect_freshness_custom_sql', 'dbt')(source, loaded_at_query)) -%}
{%- endmacro %}

{% macro default__collect_freshness_custom_sql(source, loaded_at_query) -%}
    {%- call statement('collect_freshness_custom_sql', fetch_result=True, auto_begin=False) -%}
    with source_query as (
        {{ loaded_at_query }}
    )
    select
        (select * from source_query) as max_loaded_at,
        {{ current_timestamp() }} as snapshotted_at
    {%- endcall -%}
    {%- do return(load_result('collect_freshness_custom_sql')) -%}
{%- endmacro %}
