select id from {{ ref('does_not_exist') }}
