-- Ephemeral: inlined into dim_customers as a CTE, never created in the database.
select
    customer_id,
    count(*) as order_count,
    sum(amount_euros) as total_euros
from {{ ref('stg_orders') }}
group by customer_id
