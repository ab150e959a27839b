{#
    A loader's next delivery: order 2 is shipped (newer updated_at), order 5 is new, and order 1
    disappears from the source. Incremental models keep order 1; a full refresh drops it.
#}
{% macro change_orders() %}
    {% do run_query("
        update raw.orders
        set status = 'shipped', updated_at = timestamp '2024-01-05 10:00:00'
        where order_id = 2") %}
    {% do run_query("
        insert into raw.orders values
            (5, 4, 700, 'placed', timestamp '2024-01-06 10:00:00')") %}
    {% do run_query("delete from raw.orders where order_id = 1") %}
{% endmacro %}
