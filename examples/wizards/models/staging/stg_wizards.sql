-- One row per wizard, names trimmed and emails normalised.
select
    wizard_id,
    trim(wizard_name) as wizard_name,
    world_id,
    lower(email) as email,
    created_at
from {{ source('raw', 'wizards') }}
