select n from {{ ref('numbers') }}
