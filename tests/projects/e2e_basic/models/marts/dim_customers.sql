select
    customers.customer_id,
    customers.customer_name,
    countries.country_name,
    coalesce(totals.order_count, 0) as order_count,
    coalesce(totals.total_euros, 0) as total_euros,
    coalesce(totals.total_euros, 0) >= {{ var('vip_threshold_euros', 30) }} as is_vip,
    '{{ env_var("KILN_E2E_REGION", "emea") }}' as region
from {{ ref('stg_customers') }} as customers
left join {{ ref('int_customer_totals') }} as totals using (customer_id)
left join {{ ref('countries') }} as countries using (country_code)
