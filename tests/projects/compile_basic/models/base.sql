{{ config(materialized='ephemeral') }}
select 1 as id, '{{ var("greeting") }}' as word
