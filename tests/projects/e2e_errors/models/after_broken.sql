-- Downstream of a failing model: skipped.
select n from {{ ref('broken') }}
