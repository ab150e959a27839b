with numbered as (
    select * from {{ ref('base') }}
)
select id, {{ shout('word') }} as word from numbered
