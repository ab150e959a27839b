select
    wands.wand_id,
    wands.wizard_id,
    wands.wood,
    woods.rarity as wood_rarity,
    wands.core,
    wands.length_in
from {{ ref('stg_wands') }} as wands
left join {{ ref('wand_woods') }} as woods using (wood)
