-- Independent of the failure: built.
select n * 10 as n10 from {{ ref('base') }}
