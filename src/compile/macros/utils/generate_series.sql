{#-
  Kiln built-in: number series and date spines.

  get_powers_of_two(upper_bound) -> the smallest n >= 1 with 2^n >= upper_bound
  generate_series(upper_bound)   -> a query of generated_number 1..upper_bound
  get_intervals_between(start_date, end_date, datepart)
                                 -> datediff(start, end, datepart), computed by
                                    running a query (1 before execution)
  date_spine(datepart, start_date, end_date)
                                 -> a query of date_<datepart>, one row per
                                    period from start_date up to, but not
                                    including, end_date
-#}

{% macro get_powers_of_two(upper_bound) -%}
    {%- do return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) -%}
{%- endmacro %}

{% macro default__get_powers_of_two(upper_bound) -%}
    {%- if upper_bound <= 0 -%}
        {%- do exceptions.raise_compiler_error("upper bound must be positive") -%}
    {%- endif -%}
    {%- for n in range(1, 100) -%}
        {%- if upper_bound <= 2 ** n -%}
            {%- do return(n) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}


{% macro generate_series(upper_bound) -%}
    {%- do return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) -%}
{%- endmacro %}

{#- Portable: cross join n copies of {0, 1} and read them as the bits of a
    number, which gives 0 .. 2^n - 1; add 1 and cut at upper_bound. -#}
{% macro default__generate_series(upper_bound) -%}
    {%- set n = dbt.get_powers_of_two(upper_bound) %}
    with p as (
        select 0 as generated_number union all select 1
    ), unioned as (
        select
        {% for i in range(n) -%}
            p{{ i }}.generated_number * power(2, {{ i }}) +
        {% endfor -%}
            1 as generated_number
        from
        {% for i in range(n) -%}
            p as p{{ i }}{{ ' cross join' if not loop.last }}
        {% endfor %}
    )
    select *
    from unioned
    where generated_number <= {{ upper_bound }}
    order by generated_number
{%- endmacro %}

{% macro duckdb__generate_series(upper_bound) -%}
    select generate_series as generated_number
    from generate_series(1, {{ upper_bound }})
{%- endmacro %}


{% macro get_intervals_between(start_date, end_date, datepart) -%}
    {%- do return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) -%}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
    {%- call statement('get_intervals_between', fetch_result=True) -%}
        select {{ dbt.datediff(start_date, end_date, datepart) }}
    {%- endcall -%}
    {%- set result = load_result('get_intervals_between') -%}
    {%- if result and result['data'] -%}
        {%- do return(result['data'][0][0]) -%}
    {%- else -%}
        {%- do return(1) -%}
    {%- endif -%}
{%- endmacro %}


{% macro date_spine(datepart, start_date, end_date) -%}
    {%- do return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) -%}
{%- endmacro %}

{#- e.g. date_spine("day", "cast('2024-01-01' as date)", "cast('2024-02-01' as date)") -#}
{% macro default__date_spine(datepart, start_date, end_date) %}
    with rawdata as (
        {{ dbt.generate_series(dbt.get_intervals_between(start_date, end_date, datepart)) }}
    ),

    all_periods as (
        select (
            {{ dbt.dateadd(datepart, 'row_number() over (order by 1) - 1', start_date) }}
        ) as date_{{ datepart }}
        from rawdata
    ),

    filtered as (
        select *
        from all_periods
        where date_{{ datepart }} <= {{ end_date }}
    )

    select * from filtered
{% endmacro %}
