{{ config(materialized='incremental', unique_key='order_id',
          incremental_strategy='delete+insert', tags=['finance']) }}

select order_id, customer_id, amount_euros, status, updated_at
from {{ ref('stg_orders') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}
