select * from (values (2), (4), (6)) as t(n)
