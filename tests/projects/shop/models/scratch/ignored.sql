select 1 as scratch
