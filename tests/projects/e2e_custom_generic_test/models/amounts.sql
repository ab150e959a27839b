select * from (values (1, 5), (2, -3), (3, 7)) as t(id, amount)
