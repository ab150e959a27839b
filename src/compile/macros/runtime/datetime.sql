{#-
  Kiln built-in: Python-side date helpers of dbt's global project (used for
  partitioned loads: `dbt run --vars 'partition: 20240101,20240105'`).

  convert_datetime(date_str, date_fmt)   strptime, with a compiler error
                                         naming the expected format
  dates_in_range(start_date_str, end_date_str=none, in_fmt="%Y%m%d", out_fmt="%Y%m%d")
                                         every day from start to end (both
                                         included), formatted with out_fmt
                                         (datetime objects if out_fmt is empty)
  partition_range(raw_partition_date, date_fmt='%Y%m%d')
                                         "start[,end]" -> dates_in_range
  py_current_timestring()                now as %Y%m%d%H%M%S%f
-#}

{% macro convert_datetime(date_str, date_fmt) -%}
    {%- set message = "The provided partition date '" ~ date_str ~ "' does not match the expected format '" ~ date_fmt ~ "'" -%}
    {%- if try_or_compiler_error is defined -%}
        {%- do return(try_or_compiler_error(message, modules.datetime.datetime.strptime, date_str.strip(), date_fmt)) -%}
    {%- else -%}
        {%- do return(modules.datetime.datetime.strptime(date_str.strip(), date_fmt)) -%}
    {%- endif -%}
{%- endmacro %}

{% macro dates_in_range(start_date_str, end_date_str=none, in_fmt="%Y%m%d", out_fmt="%Y%m%d") -%}
    {%- set end_date_str = start_date_str if end_date_str is none else end_date_str -%}
    {%- set start_date = convert_datetime(start_date_str, in_fmt) -%}
    {%- set end_date = convert_datetime(end_date_str, in_fmt) -%}
    {%- set day_count = (end_date - start_date).days -%}
    {%- if day_count < 0 -%}
        {%- do exceptions.raise_compiler_error("Partition start date is after the end date (" ~ start_date ~ ", " ~ end_date ~ ")") -%}
    {%- endif -%}
    {%- set dates = [] -%}
    {%- for i in range(day_count + 1) -%}
        {%- set day = start_date + modules.datetime.timedelta(days=i) -%}
        {%- do dates.append(day.strftime(out_fmt) if out_fmt else day) -%}
    {%- endfor -%}
    {%- do return(dates) -%}
{%- endmacro %}

{% macro partition_range(raw_partition_date, date_fmt='%Y%m%d') -%}
    {%- set bounds = (raw_partition_date | string).split(',') -%}
    {%- if bounds | length == 1 -%}
        {%- do return(dates_in_range(bounds[0], none, in_fmt=date_fmt)) -%}
    {%- elif bounds | length == 2 -%}
        {%- do return(dates_in_range(bounds[0], bounds[1], in_fmt=date_fmt)) -%}
    {%- else -%}
        {%- do exceptions.raise_compiler_error("Invalid partition time. Expected format: {Start Date}[,{End Date}]. Got: " ~ raw_partition_date) -%}
    {%- endif -%}
{%- endmacro %}

{% macro py_current_timestring() -%}
    {%- do return(modules.datetime.datetime.now().strftime('%Y%m%d%H%M%S%f')) -%}
{%- endmacro %}
