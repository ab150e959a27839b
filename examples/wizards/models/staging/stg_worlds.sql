select
    world_id,
    world_name
from {{ source('raw', 'worlds') }}
