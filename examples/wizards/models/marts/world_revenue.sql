{%- set periods = ['day', 'month'] -%}

select
    worlds.world_name,
    {%- for period in periods %}
    count(distinct date_trunc('{{ period }}', orders.ordered_at)) as active_{{ period }}s,
    {%- endfor %}
    sum(orders.amount_gold) as revenue_gold
from {{ ref('fct_orders') }} as orders
join {{ ref('dim_worlds') }} as worlds using (world_id)
group by worlds.world_name
