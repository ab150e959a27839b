{#-
  Kiln built-in: the `where` config of a test.

  get_where_subquery(relation) is what a generic test receives as `model`:
  the relation itself, or, when the test is configured with `where`, a
  filtered subquery aliased dbt_subquery.
-#}

{% macro get_where_subquery(relation) -%}
    {%- do return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) -%}
{%- endmacro %}

{% macro default__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ where ~ ') dbt_subquery') -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}
