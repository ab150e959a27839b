-- Singular test: every order costs something.
select order_id, amount_gold
from {{ ref('fct_orders') }}
where amount_gold <= 0
