select
    id as customer_id,
    trim(name) as customer_name,
    country_code
from {{ source('raw', 'customers') }}
