{{ config(materialized='insert_only') }}
select n from {{ ref('numbers') }}
