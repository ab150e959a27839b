select id * 42 as answer from {{ ref('first') }}
