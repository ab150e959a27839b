// normalized_sql on 10,000 model SQLs shaped like a dbt project's compiled models: staging
// models that rename and cast source columns, and marts that join them through CTEs with
// case expressions, aggregates, comments and string literals. Sizes vary from ~0.5 to ~6 KB.

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "analyze/normalized_sql.h"

namespace {

std::string staging_model(std::mt19937& random, int n) {
  std::string sql = "-- staging model " + std::to_string(n) +
                    "\nwith source as (\n\n    select * from \"warehouse\".\"raw\".\"table_" +
                    std::to_string(n) + "\"\n\n),\n\nrenamed as (\n\n    select\n";
  int columns = 5 + static_cast<int>(random() % 30);
  for (int c = 0; c < columns; ++c) {
    std::string col = "Column_" + std::to_string(c);
    switch (random() % 4) {
      case 0:
        sql += "        " + col + " as col_" + std::to_string(c);
        break;
      case 1:
        sql += "        cast(" + col + " as numeric(18, 2)) as amount_" + std::to_string(c);
        break;
      case 2:
        sql += "        nullif(trim(" + col + "), '') as name_" + std::to_string(c);
        break;
      default:
        sql += "        \"" + col + "\"::timestamp as at_" + std::to_string(c);
        break;
    }
    sql += c + 1 < columns ? ",\n" : "\n";
  }
  sql +=
      "\n    from source\n    where _loaded_at >= '2024-01-01' /* backfill cutoff */\n\n)\n\n"
      "select * from renamed\n";
  return sql;
}

std::string mart_model(std::mt19937& random, int n) {
  std::string sql = "{# compiled #}\n/*\n  Mart " + std::to_string(n) +
                    ": one row per customer and day.\n*/\nwith\n";
  int ctes = 2 + static_cast<int>(random() % 6);
  for (int c = 0; c < ctes; ++c) {
    sql += "cte_" + std::to_string(c) +
           " as (\n  SELECT\n    o.customer_id,\n"
           "    date_trunc('day', o.ordered_at) AS order_day,\n"
           "    SUM(CASE WHEN o.status = 'completed' THEN o.amount ELSE 0 END) AS revenue,\n"
           "    COUNT(DISTINCT o.order_id) AS orders  -- distinct: retries duplicate rows\n"
           "  FROM \"warehouse\".\"staging\".\"stg_orders_" +
           std::to_string(random() % 500) +
           "\" AS o\n  LEFT JOIN \"warehouse\".\"staging\".\"stg_customers\" AS c\n"
           "    ON c.customer_id = o.customer_id AND c.region <> 'EU'\n"
           "  WHERE o.amount >= 10.50 AND o.note NOT LIKE '%test%'\n"
           "  GROUP BY 1, 2\n)" +
           (c + 1 < ctes ? ",\n" : "\n");
  }
  sql +=
      "select\n  cte_0.*,\n  coalesce(cte_1.revenue, 0) / nullif(cte_0.orders, 0) as avg\n"
      "from cte_0\nleft join cte_1 using (customer_id, order_day)\n";
  return sql;
}

const std::vector<std::string>& models() {
  static const std::vector<std::string> sqls = [] {
    std::mt19937 random(42);
    std::vector<std::string> out;
    for (int n = 0; n < 10000; ++n) {
      out.push_back(n % 3 == 0 ? mart_model(random, n) : staging_model(random, n));
    }
    return out;
  }();
  return sqls;
}

void BM_NormalizeProject(benchmark::State& state) {
  const auto& sqls = models();
  int64_t bytes = 0;
  for (const auto& sql : sqls)
    bytes += static_cast<int64_t>(sql.size());
  for (auto _ : state) {
    for (const auto& sql : sqls)
      benchmark::DoNotOptimize(kiln::analyze::normalized_sql(sql));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(sqls.size()));
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_NormalizeProject)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
