select
    wand_id,
    wizard_id,
    lower(wood) as wood,
    core,
    length_in
from {{ source('raw', 'wands') }}
