-- Fails while running, not while binding: the cast only fails on the rows it meets, so an
-- ahead-of-time check cannot know. dbt reports it as a database error (exit 1).
select n, cast(case when n > 0 then 'not a number' else '0' end as integer) as bad
from {{ ref('base') }}
