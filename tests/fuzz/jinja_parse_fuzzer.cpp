// libFuzzer entry point for the Jinja engine: lexes and parses arbitrary bytes and, when they
// parse, renders them with a small context. Every failure a template can cause must surface
// as kiln::jinja::Error; any other exception, a crash, a sanitizer report or a hang is a bug.
//
// The same entry point is replayed over tests/fuzz/seeds/ by an ordinary CTest test
// (replay_main.cpp), so the harness keeps compiling and running with any compiler.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/value.h"

namespace {

using kiln::jinja::CallArgs;
using kiln::jinja::CallContext;
using kiln::jinja::Dict;
using kiln::jinja::Value;

// Longer inputs add little coverage and make every execution slower.
constexpr size_t kMaxInputBytes = 4096;

// Templates may legitimately ask for unbounded work ({% for i in range(99999) %} nested three
// deep, 2 ** 99999999, 'x' * 999999999); Jinja2 would hang or exhaust memory on them too.
// Such inputs are still lexed and parsed, only not rendered, so timeouts and out-of-memory
// reports point at real bugs (an infinite loop in the engine), not at the template's request.
bool render_is_bounded(std::string_view text) {
  if (text.find("**") != std::string_view::npos) return false;
  size_t stars = 0, digit_run = 0, loops = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    digit_run = (c >= '0' && c <= '9') ? digit_run + 1 : 0;
    if (digit_run > 3) return false;  // numbers up to 999 keep loops and repetitions small
    if (c == '*') ++stars;
    bool opens_loop =
        text.compare(i, 3, "for") == 0 && (i < 3 || text.compare(i - 3, 3, "end") != 0);
    if (opens_loop || text.compare(i, 9, "recursive") == 0) ++loops;
  }
  return stars <= 2 && loops <= 2;
}

Value make_context() {
  Dict ctx;
  ctx.set("name", Value::string("orders"));
  ctx.set("n", Value::integer(3));
  ctx.set("f", Value::floating(2.5));
  ctx.set("flag", Value::boolean(true));
  ctx.set("nothing", Value::none());
  ctx.set("items", Value::list({Value::integer(1), Value::string("two"), Value::floating(3.0)}));
  Dict config;
  config.set("materialized", Value::string("table"));
  config.set("tags", Value::list({Value::string("a"), Value::string("b")}));
  ctx.set("config_values", Value::dict(std::move(config)));
  ctx.set("ref", Value::function("ref", [](CallContext&, CallArgs& args) {
            return Value::string(args.positional.empty() ? "" : args.positional.back().str());
          }));
  ctx.set("config",
          Value::function("config", [](CallContext&, CallArgs&) { return Value::string(""); }));
  return Value::dict(std::move(ctx));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  std::string_view source(reinterpret_cast<const char*>(data), size);
  static const kiln::jinja::Environment env;
  try {
    auto tpl = env.parse(source, "fuzz.sql");
    if (render_is_bounded(source)) env.render(*tpl, make_context());
  } catch (const kiln::jinja::Error&) {
    // Expected: bad templates are reported as Errors.
  }
  return 0;
}
