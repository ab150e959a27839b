select
    world_id,
    world_name
from {{ ref('stg_worlds') }}
