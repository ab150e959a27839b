{{ config(materialized='incremental', unique_key='order_id') }}

select
    orders.order_id,
    orders.wizard_id,
    wizards.world_id,
    orders.wand_id,
    orders.ordered_at,
    orders.amount_gold
from {{ ref('stg_orders') }} as orders
join {{ ref('stg_wizards') }} as wizards using (wizard_id)
{% if is_incremental() %}
where orders.ordered_at > (select max(ordered_at) from {{ this }})
{% endif %}
