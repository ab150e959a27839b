// Jinja engine throughput on 10,000 generated dbt-like models (model_generator.h), one
// thread: (a) lex+parse, (b) render of already parsed templates, (c) both, as a dbt compile
// does. Bytes per second count template source bytes in all three, so the rates compare;
// the "output_MB" counter says how much SQL the renders produced.
// Goal (docs/benchmarks.md): parse+render of all 10,000 in under 0.3 s on one core, Release.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/value.h"
#include "model_generator.h"

namespace {

using namespace kiln::jinja;

constexpr size_t kModels = 10000;
constexpr uint64_t kSeed = 20240601;

const std::vector<std::string>& models() {
  static const std::vector<std::string> generated = kiln::bench::generate_models(kModels, kSeed);
  return generated;
}

int64_t source_bytes() {
  int64_t total = 0;
  for (const std::string& m : models())
    total += static_cast<int64_t>(m.size());
  return total;
}

// ref(), source() and config() as dbt provides them during compile: native functions that
// return relation names (config records its arguments and prints nothing).
Value dbt_context() {
  Dict ctx;
  ctx.set("ref", Value::function("ref", [](CallContext&, CallArgs& args) {
            return Value::string("\"analytics\".\"" + args.positional.back().str() + "\"");
          }));
  ctx.set("source", Value::function("source", [](CallContext&, CallArgs& args) {
            return Value::string("\"" + args.positional[0].str() + "\".\"" +
                                 args.positional[1].str() + "\"");
          }));
  ctx.set("config",
          Value::function("config", [](CallContext&, CallArgs&) { return Value::string(""); }));
  ctx.set("is_incremental", Value::boolean(false));
  ctx.set("this", Value::string("\"analytics\".\"this_model\""));
  return Value::dict(std::move(ctx));
}

std::vector<std::shared_ptr<const Template>> parse_all(const Environment& env) {
  std::vector<std::shared_ptr<const Template>> parsed;
  parsed.reserve(models().size());
  for (size_t i = 0; i < models().size(); ++i) {
    parsed.push_back(env.parse(models()[i], "models/model_" + std::to_string(i) + ".sql"));
  }
  return parsed;
}

void report(benchmark::State& state, int64_t output_bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * source_bytes());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kModels);
  state.counters["output_MB"] = static_cast<double>(output_bytes) / 1e6;
}

// Each parsed template is dropped at once, as in (c), so (a) + (b) add up to (c): keeping all
// 10,000 alive would time the allocator and cache misses of a 10,000-AST heap instead.
void BM_Parse(benchmark::State& state) {
  Environment env;
  for (auto _ : state) {
    for (size_t i = 0; i < models().size(); ++i) {
      auto tpl = env.parse(models()[i], "models/model_" + std::to_string(i) + ".sql");
      benchmark::DoNotOptimize(tpl.get());
    }
  }
  report(state, 0);
}

void BM_Render(benchmark::State& state) {
  Environment env;
  Value ctx = dbt_context();
  auto parsed = parse_all(env);
  int64_t output_bytes = 0;
  for (auto _ : state) {
    output_bytes = 0;
    for (const auto& tpl : parsed)
      output_bytes += env.render(*tpl, ctx).size();
  }
  report(state, output_bytes);
}

void BM_ParseAndRender(benchmark::State& state) {
  Environment env;
  Value ctx = dbt_context();
  int64_t output_bytes = 0;
  for (auto _ : state) {
    output_bytes = 0;
    for (size_t i = 0; i < models().size(); ++i) {
      auto tpl = env.parse(models()[i], "models/model_" + std::to_string(i) + ".sql");
      output_bytes += env.render(*tpl, ctx).size();
    }
  }
  report(state, output_bytes);
}

// An engine error in a benchmark is a bug: report it instead of timing a failure.
template <void (*Bench)(benchmark::State&)>
void guarded(benchmark::State& state) {
  try {
    Bench(state);
  } catch (const Error& e) {
    state.SkipWithError(e.what());
  }
}

BENCHMARK(guarded<BM_Parse>)->Name("jinja/parse_10k_models")->Unit(benchmark::kMillisecond);
BENCHMARK(guarded<BM_Render>)->Name("jinja/render_10k_models")->Unit(benchmark::kMillisecond);
BENCHMARK(guarded<BM_ParseAndRender>)
    ->Name("jinja/parse_and_render_10k_models")
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
