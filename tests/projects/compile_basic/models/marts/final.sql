{{ config(materialized='table', tags=['nightly']) }}
select * from {{ ref('middle') }} where id = {{ dbt.safe_cast("'1'", dbt.type_int()) }}
