#pragma once
// Ephemeral models are inlined the way dbt inlines them: as CTEs named __dbt__cte__<model>
// in front of the query that refs them. When the query already starts with WITH, the CTEs go
// right after that WITH (so they come first and later CTEs can use them); otherwise a new
// WITH clause is put in front.

#include <string>
#include <vector>

namespace kiln::compile {

struct Cte {
  std::string name;
  std::string sql;
};

std::string inject_ctes(const std::string& sql, const std::vector<Cte>& ctes);

}  // namespace kiln::compile
