-- Singular test: no customer has spent a negative amount.
select customer_id, total_euros
from {{ ref('dim_customers') }}
where total_euros < 0
