select sum(amount) from {{ ref('raw_payments') }}
