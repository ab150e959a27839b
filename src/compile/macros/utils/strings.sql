{#-
  Kiln built-in: string functions. Arguments are SQL expressions (column
  names, or quoted literals such as "','"), inserted as given.
-#}

{#- concat(['a', "'-'", 'b']) -> a || '-' || b -#}
{% macro concat(fields) -%}
    {%- do return(adapter.dispatch('concat', 'dbt')(fields)) -%}
{%- endmacro %}

{% macro default__concat(fields) -%}
    {{ fields | join(' || ') }}
{%- endmacro %}


{#- hash(expr) -> md5 hex digest of the value as text -#}
{% macro hash(field) -%}
    {%- do return(adapter.dispatch('hash', 'dbt')(field)) -%}
{%- endmacro %}

{% macro default__hash(field) -%}
    md5(cast({{ field }} as {{ kiln__translate_type('string') }}))
{%- endmacro %}


{#- escape_single_quotes("it's") -> it''s  (Jinja-side, for building literals) -#}
{% macro escape_single_quotes(expression) -%}
    {%- do return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) -%}
{%- endmacro %}

{% macro default__escape_single_quotes(expression) -%}
    {{ expression | replace("'", "''") }}
{%- endmacro %}


{#- string_literal(value) -> 'value' (the value is not escaped, as in dbt) -#}
{% macro string_literal(value) -%}
    {%- do return(adapter.dispatch('string_literal', 'dbt')(value)) -%}
{%- endmacro %}

{% macro default__string_literal(value) -%}
    '{{ value }}'
{%- endmacro %}


{#- position(substring_text, string_text) -> 1-based index, 0 when absent -#}
{% macro position(substring_text, string_text) -%}
    {%- do return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) -%}
{%- endmacro %}

{% macro default__position(substring_text, string_text) -%}
    position({{ substring_text }} in {{ string_text }})
{%- endmacro %}


{% macro length(expression) -%}
    {%- do return(adapter.dispatch('length', 'dbt')(expression)) -%}
{%- endmacro %}

{% macro default__length(expression) -%}
    length({{ expression }})
{%- endmacro %}


{% macro replace(field, old_chars, new_chars) -%}
    {%- do return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) -%}
{%- endmacro %}

{% macro default__replace(field, old_chars, new_chars) -%}
    replace({{ field }}, {{ old_chars }}, {{ new_chars }})
{%- endmacro %}


{#- right(string_text, length_expression) -> the last n characters -#}
{% macro right(string_text, length_expression) -%}
    {%- do return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) -%}
{%- endmacro %}

{% macro default__right(string_text, length_expression) -%}
    right({{ string_text }}, {{ length_expression }})
{%- endmacro %}


{#-
  split_part(string_text, delimiter_text, part_number): the part_number-th
  piece (1-based); a negative number counts from the end (-1 is the last).
  Out of range: '' on PostgreSQL, null on DuckDB (as dbt-postgres and
  dbt-duckdb do).
-#}
{% macro split_part(string_text, delimiter_text, part_number) -%}
    {%- do return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) -%}
{%- endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{#- Not dispatched: a negative part as the matching positive one, counting
    the delimiters (for engines whose split_part takes no negative part). -#}
{% macro _split_part_negative(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }},
        length({{ string_text }}) - length(replace({{ string_text }}, {{ delimiter_text }}, '')) + 2 + {{ part_number }})
{%- endmacro %}

{% macro postgres__split_part(string_text, delimiter_text, part_number) -%}
    {%- if part_number is number and part_number < 0 -%}
        {{ dbt._split_part_negative(string_text, delimiter_text, part_number) }}
    {%- else -%}
        {{ dbt.default__split_part(string_text, delimiter_text, part_number) }}
    {%- endif -%}
{%- endmacro %}

{#- DuckDB lists index from 1 and from the end with negatives. -#}
{% macro duckdb__split_part(string_text, delimiter_text, part_number) -%}
    string_split({{ string_text }}, {{ delimiter_text }})[{{ part_number }}]
{%- endmacro %}
