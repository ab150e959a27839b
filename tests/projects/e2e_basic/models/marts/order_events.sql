{{ config(materialized='incremental', incremental_strategy='append', tags=['finance']) }}

-- An event log: every new version of an order is appended, nothing is replaced.
select order_id, status, updated_at
from {{ ref('stg_orders') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}
