{{ config(tags=['daily']) }}

with wizards as (
    select * from {{ ref('stg_wizards') }}
),

worlds as (
    select * from {{ ref('stg_worlds') }}
),

wand_counts as (
    select wizard_id, count(*) as wand_count
    from {{ ref('stg_wands') }}
    group by wizard_id
)

select
    wizards.wizard_id,
    wizards.wizard_name,
    wizards.email,
    worlds.world_name,
    coalesce(wand_counts.wand_count, 0) as wand_count,
    wizards.created_at
from wizards
left join worlds using (world_id)
left join wand_counts using (wizard_id)
