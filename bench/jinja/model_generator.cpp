#include "model_generator.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "common/random.h"

namespace kiln::bench {

namespace {

constexpr std::array<std::string_view, 4> kMaterializations = {"table", "view", "incremental",
                                                               "ephemeral"};
constexpr std::array<std::string_view, 6> kDomains = {"orders",   "customers", "payments",
                                                      "sessions", "invoices",  "shipments"};
constexpr std::array<std::string_view, 6> kPaymentMethods = {
    "credit_card", "coupon", "bank_transfer", "gift_card", "paypal", "store_credit"};
constexpr std::array<std::string_view, 10> kColumns = {
    "Status",  "Created_At", "Updated_At", "Amount_Cents", "Currency",
    "Country", "Channel",    "Discount",   "Tax_Cents",    "Is_Deleted"};
constexpr std::array<std::string_view, 3> kStatuses = {"returned", "cancelled", "pending"};

std::string quoted_list(Random& rng, std::string_view prefix, size_t min, size_t max,
                        const auto& pool) {
  size_t count = min + rng.below(max - min + 1);
  std::string out = "[";
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += fmt::format("'{}{}'", prefix, pool[(i + rng.below(pool.size())) % pool.size()]);
  }
  return out + "]";
}

std::string model(size_t index, Random& rng) {
  std::string_view domain = rng.pick(kDomains);
  std::string_view materialized = rng.pick(kMaterializations);
  std::string methods = quoted_list(rng, "", 2, 5, kPaymentMethods);
  std::string columns = quoted_list(rng, "", 4, 9, kColumns);
  std::string_view status = rng.pick(kStatuses);
  size_t scale = 1 + rng.below(4);
  return fmt::format(
      R"({{{{ config(materialized='{mat}', unique_key='{dom}_id', tags=['bench', '{dom}']) }}}}
{{# model {idx}: generated for the Jinja benchmark #}}
{{%- set payment_methods = {methods} -%}}
{{%- set extra_columns = {columns} -%}}

{{% macro cents_to_dollars(column_name, scale={scale}) -%}}
    round(cast({{{{ column_name }}}} as numeric) / 100, {{{{ scale }}}})
{{%- endmacro %}}

with {dom} as (

    select * from {{{{ ref('stg_{dom}_{idx}') }}}}

),

payments as (

    select * from {{{{ source('raw_{dom}', 'payments_{src}') }}}}

),

customers as (

    select * from {{{{ ref('dim_customers_{cust}') }}}}

),

final as (

    select
        {dom}.{dom}_id,
        {dom}.customer_id,
        customers.customer_name,
        {{%- for method in payment_methods %}}
        sum(case when payments.payment_method = '{{{{ method }}}}'
            then {{{{ cents_to_dollars('payments.amount') }}}} else 0 end) as {{{{ method }}}}_amount,
        {{%- endfor %}}
        {{%- for column in extra_columns %}}
        {dom}.{{{{ column | lower }}}}{{{{ ',' if not loop.last }}}}
        {{%- endfor %}}
    from {dom}
    left join payments on {dom}.{dom}_id = payments.{dom}_id
    left join customers using (customer_id)
    {{% if is_incremental %}}
    where {dom}.updated_at > (select max(updated_at) from {{{{ this }}}})
    {{% else %}}
    where {dom}.status != '{{{{ '{status}' | upper }}}}'
    {{% endif %}}
    group by {{{{ range(1, payment_methods | length + 3) | join(', ') }}}}

)

select * from final
)",
      fmt::arg("mat", materialized), fmt::arg("dom", domain), fmt::arg("idx", index),
      fmt::arg("methods", methods), fmt::arg("columns", columns), fmt::arg("scale", scale),
      fmt::arg("src", rng.below(50)), fmt::arg("cust", rng.below(20)), fmt::arg("status", status));
}

}  // namespace

std::vector<std::string> generate_models(size_t count, uint64_t seed) {
  Random rng(seed);
  std::vector<std::string> models;
  models.reserve(count);
  for (size_t i = 0; i < count; ++i)
    models.push_back(model(i, rng));
  return models;
}

}  // namespace kiln::bench
