select
    order_id,
    wizard_id,
    wand_id,
    ordered_at,
    {{ cents_to_gold('amount_cents') }} as amount_gold
from {{ source('raw', 'orders') }}
