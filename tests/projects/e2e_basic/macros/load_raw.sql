{# The two sources: `kiln run-operation load_raw`. Replaces the tables, so it can run again. #}
{% macro load_raw() %}
    {% do run_query("create schema if not exists raw") %}
    {% do run_query("
        create or replace table raw.customers as
        select * from (values
            (1, ' Ada ', 'NL'),
            (2, 'Bob', 'FR'),
            (3, 'Chen', 'JP'),
            (4, 'Dee', 'NL')
        ) as t(id, name, country_code)") %}
    {% do run_query("
        create or replace table raw.orders as
        select * from (values
            (1, 1, 1000, 'placed', timestamp '2024-01-01 10:00:00'),
            (2, 1, 2500, 'placed', timestamp '2024-01-02 10:00:00'),
            (3, 2, 4000, 'shipped', timestamp '2024-01-03 10:00:00'),
            (4, 3, 500, 'returned', timestamp '2024-01-04 10:00:00')
        ) as t(order_id, customer_id, amount_cents, status, updated_at)") %}
    {{ log("Loaded raw.customers and raw.orders", info=true) }}
{% endmacro %}
