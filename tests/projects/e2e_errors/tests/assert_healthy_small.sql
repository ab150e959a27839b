-- Passes: healthy holds 10, 20 and 30.
select n10 from {{ ref('healthy') }} where n10 > 100
