#include "model_sql.h"

#include <string_view>

namespace kiln::bench {

namespace {

// Replaces every "@KEY@" in `text` with `value`: templates below stay readable Jinja, free of
// the brace escaping fmt would need.
std::string fill(std::string text, std::string_view key, const std::string& value) {
  std::string marker(1, '@');  // appended, not "@" + key: GCC 12 misreads that as -Wrestrict
  marker.append(key).push_back('@');
  for (size_t at = text.find(marker); at != std::string::npos;
       at = text.find(marker, at + value.size())) {
    text.replace(at, marker.size(), value);
  }
  return text;
}

std::string jinja_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    out += (i > 0 ? ", '" : "'") + items[i] + "'";
  }
  return out + "]";
}

std::string config_block(const ModelPlan& model) {
  switch (model.layer) {
    case Layer::kStaging:
      if (model.config_table) return "{{ config(materialized='table', tags=['staging']) }}\n";
      return model.tagged ? "{{ config(tags=['staging', 'pii']) }}\n" : "";
    case Layer::kIncremental:
      return "{{ config(materialized='incremental', unique_key='id', tags=['incremental']) }}\n";
    case Layer::kIntermediate:
    case Layer::kMart:
      return model.tagged ? "{{ config(tags=['daily'], meta={'owner': 'analytics'}) }}\n" : "";
  }
  return "";
}

constexpr std::string_view kStaging =
    R"(-- Staging for raw.@TABLE@: categories lowered, cents converted to amounts.
select
    id,
    customer_id,
    lower(category) as category,
    {{ cents_to_amount('amount_cents') }} as amount,
    updated_at
from {{ source('@SOURCE@', '@TABLE@') }}
where amount_cents >= {{ var('min_amount_cents', 0) }}
)";

// Intermediate models, row-level marts and incremental models: the primary parent left-joined
// to the others on id, so id stays unique.
constexpr std::string_view kJoined = R"({%- set parents = @PARENTS@ %}

with
{%- for parent in parents %}
p{{ loop.index0 }} as (
    select id, customer_id, category, amount, updated_at from {{ ref(parent) }}
){{ ',' if not loop.last }}
{%- endfor %}

select
    p0.id,
    p0.customer_id,
    p0.category,
    {{ sum_amounts(parents | length) }} as amount,
    {{ size_bucket('p0.amount') }} as size_bucket,
    p0.updated_at
from p0
{%- for parent in parents[1:] %}
left join p{{ loop.index }} on p{{ loop.index }}.id = p0.id
{%- endfor %}
)";

constexpr std::string_view kIncrementalFilter = R"({% if is_incremental() %}
where p0.updated_at > (select max(updated_at) from {{ this }})
{% endif %}
)";

constexpr std::string_view kAggregated = R"({%- set parents = @PARENTS@ %}
{%- set measures = {'total_amount': 'sum', 'max_amount': 'max', 'avg_amount': 'avg'} %}

with unioned as (
{%- for parent in parents %}
    select customer_id, category, amount from {{ ref(parent) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
)

select
    unioned.customer_id,
    unioned.category,
    categories.label as category_label,
    count(*) as row_count
    {%- for name, aggregate in measures.items() %},
    {{ aggregate }}(unioned.amount) as {{ name }}
    {%- endfor %}
from unioned
left join {{ ref('categories') }} as categories on categories.category = unioned.category
group by 1, 2, 3
)";

std::string body(const ModelPlan& model) {
  if (model.layer == Layer::kStaging) {
    return fill(fill(std::string(kStaging), "TABLE", source_table_name(model.source_index)),
                "SOURCE", source_group_name(model.source_index));
  }
  std::string parents = jinja_list(model.parents);
  if (model.aggregates) return fill(std::string(kAggregated), "PARENTS", parents);
  std::string out = fill(std::string(kJoined), "PARENTS", parents);
  if (model.layer == Layer::kIncremental) out += kIncrementalFilter;
  return out;
}

}  // namespace

std::string model_sql(const ModelPlan& model) {
  return config_block(model) + body(model);
}

}  // namespace kiln::bench
