select
    order_id,
    customer_id,
    amount_cents,
    {{ cents_to_euros('amount_cents') }} as amount_euros,
    status,
    updated_at,
    '{{ var("order_source_label") }}' as source_label
from {{ source('raw', 'orders') }}
