{#-
  Kiln built-in: date arithmetic.

  datepart arguments are bare SQL date parts as dbt passes them: day, week,
  month, quarter, year, hour, minute, second, millisecond, microsecond.

  dateadd(datepart, interval, from_date_or_timestamp)
      <from> moved by <interval> dateparts; <interval> may be any integer
      expression. A date moved by an interval is a timestamp on both engines.
  datediff(first_date, second_date, datepart)
      how many datepart boundaries lie between the two (second minus first),
      like Snowflake's datediff: datediff('2024-01-31', '2024-02-01', month)
      is 1. Weeks start on Sunday (see kiln__datediff_week for dbt's quirk).
  date_trunc(datepart, date), last_day(date, datepart), date(year, month, day)
-#}


{# ---------------------------------------------------------------- dateadd #}

{% macro dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- do return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) -%}
{%- endmacro %}

{#- Snowflake / Redshift spelling; neither Kiln engine has it. -#}
{% macro default__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{#- Neither engine has a quarter interval unit: a quarter is three months. -#}
{% macro kiln__interval_unit(datepart) -%}
    {%- set unit = (datepart | string | trim | lower) -%}
    {%- if unit == 'quarter' -%}
        {%- do return({'count': 3, 'unit': 'month'}) -%}
    {%- else -%}
        {%- do return({'count': 1, 'unit': unit}) -%}
    {%- endif -%}
{%- endmacro %}

{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set step = kiln__interval_unit(datepart) -%}
    ({{ from_date_or_timestamp }} + ((interval '{{ step.count }} {{ step.unit }}') * ({{ interval }})))
{%- endmacro %}

{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set step = kiln__interval_unit(datepart) -%}
    ({{ from_date_or_timestamp }} + cast({{ interval }} as bigint) * (interval {{ step.count }} {{ step.unit }}))
{%- endmacro %}


{# --------------------------------------------------------------- datediff #}

{% macro datediff(first_date, second_date, datepart) -%}
    {%- do return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) -%}
{%- endmacro %}

{% macro default__datediff(first_date, second_date, datepart) -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{#-
  Weeks, as dbt-postgres and dbt-duckdb count them: whole weeks of days
  (truncated toward zero), plus one when the span crosses a Sunday that the
  whole weeks do not cover. Kept exactly as dbt has it, quirk included: going
  backwards between two equal weekdays counts one week too many (Thursday
  -> the Thursday before is -2, and two times on one day in reverse order
  are -1 week apart).
-#}
{% macro kiln__datediff_week(first_date, second_date, days_between, dow_first, dow_second) -%}
    ({{ days_between }} + case
        when {{ dow_first }} <= {{ dow_second }}
            then case when {{ first_date }} <= {{ second_date }} then 0 else -1 end
        else case when {{ first_date }} <= {{ second_date }} then 1 else 0 end
    end)
{%- endmacro %}

{% macro duckdb__datediff(first_date, second_date, datepart) -%}
    {%- set part = (datepart | string | trim | lower) -%}
    {%- if part == 'week' -%}
        {{ kiln__datediff_week(first_date, second_date,
               dbt.datediff(first_date, second_date, 'day') ~ ' // 7',
               'dayofweek(cast(' ~ first_date ~ ' as timestamp))',
               'dayofweek(cast(' ~ second_date ~ ' as timestamp))') }}
    {%- else -%}
        date_diff('{{ part }}', cast({{ first_date }} as timestamp), cast({{ second_date }} as timestamp))
    {%- endif -%}
{%- endmacro %}

{#-
  PostgreSQL has no boundary-counting datediff, so each part is built from
  the next coarser one: months = years * 12 + month difference, and so on.
-#}
{% macro postgres__datediff(first_date, second_date, datepart) -%}
    {%- set part = (datepart | string | trim | lower) -%}
    {%- set a_date = '(' ~ first_date ~ ')::date' -%}
    {%- set b_date = '(' ~ second_date ~ ')::date' -%}
    {%- set a_ts = '(' ~ first_date ~ ')::timestamp' -%}
    {%- set b_ts = '(' ~ second_date ~ ')::timestamp' -%}
    {%- if part == 'year' -%}
        (date_part('year', {{ b_date }}) - date_part('year', {{ a_date }}))
    {%- elif part == 'quarter' -%}
        ({{ dbt.datediff(first_date, second_date, 'year') }} * 4 + date_part('quarter', {{ b_date }}) - date_part('quarter', {{ a_date }}))
    {%- elif part == 'month' -%}
        ({{ dbt.datediff(first_date, second_date, 'year') }} * 12 + date_part('month', {{ b_date }}) - date_part('month', {{ a_date }}))
    {%- elif part == 'week' -%}
        {{ kiln__datediff_week(first_date, second_date,
               dbt.datediff(first_date, second_date, 'day') ~ ' / 7',
               "date_part('dow', " ~ a_ts ~ ")", "date_part('dow', " ~ b_ts ~ ")") }}
    {%- elif part == 'day' -%}
        ({{ b_date }} - {{ a_date }})
    {%- elif part == 'hour' -%}
        ({{ dbt.datediff(first_date, second_date, 'day') }} * 24 + date_part('hour', {{ b_ts }}) - date_part('hour', {{ a_ts }}))
    {%- elif part == 'minute' -%}
        ({{ dbt.datediff(first_date, second_date, 'hour') }} * 60 + date_part('minute', {{ b_ts }}) - date_part('minute', {{ a_ts }}))
    {%- elif part == 'second' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60 + floor(date_part('second', {{ b_ts }})) - floor(date_part('second', {{ a_ts }})))
    {%- elif part == 'millisecond' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60000 + floor(date_part('millisecond', {{ b_ts }})) - floor(date_part('millisecond', {{ a_ts }})))
    {%- elif part == 'microsecond' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60000000 + floor(date_part('microsecond', {{ b_ts }})) - floor(date_part('microsecond', {{ a_ts }})))
    {%- else -%}
        {{ exceptions.raise_compiler_error("Unsupported datepart for macro datediff in postgres: '" ~ datepart ~ "'") }}
    {%- endif -%}
{%- endmacro %}


{# ------------------------------------------------------------- date_trunc #}

{% macro date_trunc(datepart, date) -%}
    {%- do return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) -%}
{%- endmacro %}

{% macro default__date_trunc(datepart, date) -%}
    date_trunc('{{ datepart }}', {{ date }})
{%- endmacro %}


{# --------------------------------------------------------------- last_day #}

{#- The last date of the datepart period (month, quarter, year, week) that
    contains <date>, as a date. -#}
{% macro last_day(date, datepart) -%}
    {%- do return(adapter.dispatch('last_day', 'dbt')(date, datepart)) -%}
{%- endmacro %}

{#- Not dispatched: start of the period, plus one period, minus one day. -#}
{% macro default_last_day(date, datepart) -%}
    cast({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro %}

{% macro default__last_day(date, datepart) -%}
    {{ dbt.default_last_day(date, datepart) }}
{%- endmacro %}

{#- Spelled with months for quarters, so it holds even when a project
    overrides dateadd with one that has no quarter unit. -#}
{% macro kiln__last_day_months(date, datepart) -%}
    {%- if (datepart | string | trim | lower) == 'quarter' -%}
        cast({{ dbt.dateadd('day', '-1', dbt.dateadd('month', '3', dbt.date_trunc(datepart, date))) }} as date)
    {%- else -%}
        {{ dbt.default_last_day(date, datepart) }}
    {%- endif -%}
{%- endmacro %}

{% macro postgres__last_day(date, datepart) -%}
    {{ kiln__last_day_months(date, datepart) }}
{%- endmacro %}

{% macro duckdb__last_day(date, datepart) -%}
    {{ kiln__last_day_months(date, datepart) }}
{%- endmacro %}


{# ------------------------------------------------------------------- date #}

{#- date(2024, 2, 29) -> a date literal (dbt 1.8+). -#}
{% macro date(year, month, day) -%}
    {%- do return(adapter.dispatch('date', 'dbt')(year, month, day)) -%}
{%- endmacro %}

{% macro default__date(year, month, day) -%}
    {%- set iso = modules.datetime.date(year, month, day).strftime('%Y-%m-%d') -%}
    to_date('{{ iso }}', 'YYYY-MM-DD')
{%- endmacro %}

{% macro duckdb__date(year, month, day) -%}
    make_date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}
