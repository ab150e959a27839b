// Values that reach themselves: printing, comparing, tojson and freeing them (gc.h).

#include <gtest/gtest.h>

#include <memory>

#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/gc.h"
#include "jinja/value.h"

namespace kiln::jinja {
namespace {

// Counts destructions. Shared, because containers are freed at the next collection, which
// may come after the test that made them has returned.
using Counter = std::shared_ptr<int>;

// A probe placed inside a cycle shows whether the cycle was freed.
class Probe final : public Object {
 public:
  explicit Probe(Counter destroyed) : destroyed_(std::move(destroyed)) {}
  ~Probe() override { ++*destroyed_; }
  std::string_view type_name() const override { return "Probe"; }

 private:
  Counter destroyed_;
};

// An embedder object holding a Value, as Namespace does, that opts in to cycle collection.
class Holder final : public Object {
 public:
  explicit Holder(Counter destroyed) : destroyed_(std::move(destroyed)) {}
  ~Holder() override { ++*destroyed_; }
  std::string_view type_name() const override { return "Holder"; }
  bool gc_tracked() const override { return true; }
  void gc_traverse(GcVisit visit, void* context) const override {
    Value::gc_visit(held, visit, context);
  }
  void gc_clear() override { held = Value(); }
  Value held;

 private:
  Counter destroyed_;
};

TEST(CycleCollection, FreesAListThatContainsItself) {
  Counter destroyed = std::make_shared<int>(0);
  {
    Value xs = Value::list({Value::object(new Probe(destroyed))});
    xs.as_list().push_back(xs);
  }
  gc::collect_cycles();
  EXPECT_EQ(*destroyed, 1);
}

TEST(CycleCollection, FreesADictCycleThroughAList) {
  Counter destroyed = std::make_shared<int>(0);
  {
    Value d = Value::dict();
    Value xs = Value::list({d, Value::object(new Probe(destroyed))});
    d.as_dict().set("me", xs);
  }
  gc::collect_cycles();
  EXPECT_EQ(*destroyed, 1);
}

TEST(CycleCollection, KeepsACycleThatIsStillReferenced) {
  Counter destroyed = std::make_shared<int>(0);
  Value xs = Value::list({Value::integer(1), Value::object(new Probe(destroyed))});
  xs.as_list().push_back(xs);
  gc::collect_cycles();
  EXPECT_EQ(*destroyed, 0);
  EXPECT_EQ(xs.repr(), "[1, <Probe object>, [...]]");
  // Still tracked: once the last outside reference goes, the next collection frees it.
  xs = Value();
  gc::collect_cycles();
  EXPECT_EQ(*destroyed, 1);
}

TEST(CycleCollection, KeepsWhatAGarbageCycleDoesNotOwnAlone) {
  Counter destroyed = std::make_shared<int>(0);
  Value shared = Value::list({Value::object(new Probe(destroyed))});
  {
    Value xs = Value::list({shared});
    xs.as_list().push_back(xs);
  }
  gc::collect_cycles();
  EXPECT_EQ(*destroyed, 0);
  EXPECT_EQ(shared.repr(), "[<Probe object>]");
}

TEST(CycleCollection, FreesACycleThroughATrackedObject) {
  Counter destroyed = std::make_shared<int>(0);
  {
    auto* holder = new Holder(destroyed);
    Value h = Value::object(holder);
    holder->held = Value::tuple({h, Value::integer(1)});
  }
  gc::collect_cycles();
  EXPECT_EQ(*destroyed, 1);
}

TEST(CycleCollection, FreesCyclesMadeByATemplate) {
  Environment env;
  auto tpl = env.parse(
      "{% set xs = [1] %}{% do xs.append(xs) %}"
      "{% set d = {'a': 1} %}{% do d.update({'me': d, 'xs': [xs]}) %}{{ xs }} {{ d }}",
      "cycles.sql");
  Value context = Value::dict();
  gc::collect_cycles();
  const size_t before = gc::tracked_count();
  EXPECT_EQ(env.render(*tpl, context), "[1, [...]] {'a': 1, 'me': {...}, 'xs': [[1, [...]]]}");
  gc::collect_cycles();
  EXPECT_EQ(gc::tracked_count(), before);
}

TEST(CycleCollection, CollectsAutomaticallyWhenManyContainersAreMade) {
  Counter destroyed = std::make_shared<int>(0);
  for (int i = 0; i < 10000; ++i) {
    Value xs = Value::list({Value::object(new Probe(destroyed))});
    xs.as_list().push_back(xs);
  }
  // The registry collects when it doubles: most cycles are already freed.
  EXPECT_GT(*destroyed, 5000);
  EXPECT_LT(gc::tracked_count(), 10000u);
  gc::collect_cycles();
  EXPECT_EQ(*destroyed, 10000);
}

TEST(Cycles, ComparingSelfContainingListsRaisesRecursionError) {
  Value xs = Value::list({Value::integer(1)});
  xs.as_list().push_back(xs);
  Value ys = Value::list({Value::integer(1)});
  ys.as_list().push_back(ys);
  EXPECT_TRUE(xs.equals(xs));  // identity
  try {
    (void)xs.equals(ys);
    FAIL() << "expected RecursionError";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_EQ(e.message(), "maximum recursion depth exceeded in comparison");
  }
  EXPECT_THROW((void)xs.compare(ys), Error);
  // The depth counter unwinds: an ordinary comparison still works afterwards.
  EXPECT_TRUE(Value::list({Value::integer(1)}).equals(Value::list({Value::integer(1)})));
  xs.as_list().clear();
  ys.as_list().clear();
}

TEST(Cycles, TojsonOfASelfContainingDictRaisesValueError) {
  Environment env;
  auto tpl = env.parse("{% set d = {} %}{% do d.update({'d': [d]}) %}{{ d | tojson }}", "t.sql");
  try {
    env.render(*tpl, Value::dict());
    FAIL() << "expected ValueError";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Value);
    EXPECT_EQ(e.message(), "Circular reference detected");
  }
  // The same list twice side by side is not circular.
  auto twice = env.parse("{% set xs = [1] %}{{ [xs, xs] | tojson }}", "t.sql");
  EXPECT_EQ(env.render(*twice, Value::dict()), "[[1], [1]]");
}

}  // namespace
}  // namespace kiln::jinja
