{# `kiln run-operation add_customer --args '{id: 5, name: Eve}'`: arguments with a default. #}
{% macro add_customer(id, name, country_code='FR') %}
    {% do run_query("insert into raw.customers values (" ~ id ~ ", '" ~ name ~ "', '" ~ country_code ~ "')") %}
    {{ log("Added customer " ~ name, info=true) }}
{% endmacro %}
