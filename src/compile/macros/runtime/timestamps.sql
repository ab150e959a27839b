{#-
  Kiln built-in: the current time in SQL.

  current_timestamp()       the engine's now(): timestamp with time zone.
  snapshot_get_time()       the time snapshots record: now() as a timestamp
                            without time zone.
  snapshot_string_as_time(timestamp)
                            a timestamp string as that same type.
  current_timestamp_backcompat(), current_timestamp_in_utc_backcompat()
                            the deprecated dbt_utils flavours (timestamp
                            without time zone; local time and UTC).
-#}

{% macro current_timestamp() -%}
    {{ adapter.dispatch('current_timestamp', 'dbt')() }}
{%- endmacro %}

{#- dbt raises "not implemented" here; the SQL-standard keyword is a
    reasonable fallback for a new engine. -#}
{% macro default__current_timestamp() -%}
    current_timestamp
{%- endmacro %}

{% macro postgres__current_timestamp() -%}
    now()
{%- endmacro %}

{% macro duckdb__current_timestamp() -%}
    now()
{%- endmacro %}


{% macro snapshot_get_time() -%}
    {{ adapter.dispatch('snapshot_get_time', 'dbt')() }}
{%- endmacro %}

{% macro default__snapshot_get_time() -%}
    {{ current_timestamp() }}
{%- endmacro %}

{% macro postgres__snapshot_get_time() -%}
    {{ current_timestamp() }}::timestamp without time zone
{%- endmacro %}

{% macro duckdb__snapshot_get_time() -%}
    {{ current_timestamp() }}::timestamp
{%- endmacro %}

{% macro snapshot_string_as_time(timestamp) -%}
    {{ adapter.dispatch('snapshot_string_as_time', 'dbt')(timestamp) }}
{%- endmacro %}

{% macro default__snapshot_string_as_time(timestamp) -%}
    {%- do exceptions.raise_compiler_error('snapshot_string_as_time is not implemented for adapter ' ~ target.type) -%}
{%- endmacro %}

{% macro postgres__snapshot_string_as_time(timestamp) -%}
    {%- do return("'" ~ timestamp ~ "'::timestamp without time zone") -%}
{%- endmacro %}

{% macro duckdb__snapshot_string_as_time(timestamp) -%}
    {%- do return("'" ~ timestamp ~ "'::timestamp") -%}
{%- endmacro %}


{% macro current_timestamp_backcompat() -%}
    {%- do return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) -%}
{%- endmacro %}

{% macro default__current_timestamp_backcompat() -%}
    current_timestamp::{{ type_timestamp() }}
{%- endmacro %}

{% macro current_timestamp_in_utc_backcompat() -%}
    {%- do return(adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')()) -%}
{%- endmacro %}

{#- dbt's default falls back to the local-time flavour. -#}
{% macro default__current_timestamp_in_utc_backcompat() -%}
    {%- do return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) -%}
{%- endmacro %}

{% macro postgres__current_timestamp_in_utc_backcompat() -%}
    (current_timestamp at time zone 'utc')::{{ type_timestamp() }}
{%- endmacro %}
