#include "jinja/gc.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "jinja/value.h"

namespace kiln::jinja::gc {

namespace {

// Below this many tracked containers no automatic collection runs: small renders pay for
// one collection at most, when collect_cycles() is called or the thread exits.
constexpr size_t kMinThreshold = 2048;

struct Registry {
  std::vector<const HeapObject*> objects;  // each holds one reference
  size_t threshold = kMinThreshold;
  bool collecting = false;
};

// One collection over `objects`, which the caller has taken out of the registry (so
// containers created by destructors during the collection are tracked separately).
// Returns the survivors, still holding the registry's reference; frees the garbage.
std::vector<const HeapObject*> collect(std::vector<const HeapObject*> objects, size_t& freed) {
  const size_t n = objects.size();
  std::unordered_map<const HeapObject*, size_t> slot;
  slot.reserve(n);
  for (size_t i = 0; i < n; ++i)
    slot.emplace(objects[i], i);

  // Trial deletion: references not accounted for by tracked containers are outside
  // references. The registry's own reference is not one.
  std::vector<int64_t> outside(n);
  for (size_t i = 0; i < n; ++i)
    outside[i] = static_cast<int64_t>(objects[i]->ref_count()) - 1;
  struct Subtract {
    const std::unordered_map<const HeapObject*, size_t>* slot;
    std::vector<int64_t>* outside;
  } subtract{&slot, &outside};
  for (size_t i = 0; i < n; ++i) {
    objects[i]->gc_traverse(
        [](const HeapObject* child, void* context) {
          auto* s = static_cast<Subtract*>(context);
          auto it = s->slot->find(child);
          if (it != s->slot->end()) --(*s->outside)[it->second];
        },
        &subtract);
  }

  // Whatever an outside reference keeps alive, directly or through tracked containers, is
  // reachable; the rest is garbage.
  std::vector<char> reachable(n, 0);
  std::vector<size_t> pending;
  for (size_t i = 0; i < n; ++i) {
    if (outside[i] > 0) {
      reachable[i] = 1;
      pending.push_back(i);
    }
  }
  struct Mark {
    const std::unordered_map<const HeapObject*, size_t>* slot;
    std::vector<char>* reachable;
    std::vector<size_t>* pending;
  } mark{&slot, &reachable, &pending};
  while (!pending.empty()) {
    size_t i = pending.back();
    pending.pop_back();
    objects[i]->gc_traverse(
        [](const HeapObject* child, void* context) {
          auto* m = static_cast<Mark*>(context);
          auto it = m->slot->find(child);
          if (it != m->slot->end() && !(*m->reachable)[it->second]) {
            (*m->reachable)[it->second] = 1;
            m->pending->push_back(it->second);
          }
        },
        &mark);
  }

  // Clear all the garbage before releasing any of it: the registry's references keep every
  // garbage container alive while the others drop their references to it.
  std::vector<const HeapObject*> survivors;
  std::vector<const HeapObject*> garbage;
  for (size_t i = 0; i < n; ++i)
    (reachable[i] ? survivors : garbage).push_back(objects[i]);
  for (const HeapObject* p : garbage)
    const_cast<HeapObject*>(p)->gc_clear();
  for (const HeapObject* p : garbage) {
    if (p->release()) delete p;
  }
  freed += garbage.size();
  return survivors;
}

size_t collect_registry(Registry& registry) {
  if (registry.collecting) return 0;
  registry.collecting = true;
  size_t freed = 0;
  std::vector<const HeapObject*> survivors = collect(std::move(registry.objects), freed);
  // Containers created while collecting (by destructors) were tracked into the now empty
  // registry; keep them after the survivors.
  survivors.insert(survivors.end(), registry.objects.begin(), registry.objects.end());
  registry.objects = std::move(survivors);
  registry.threshold = std::max(kMinThreshold, 2 * registry.objects.size());
  registry.collecting = false;
  return freed;
}

// The registry lives in a thread_local whose destructor runs a last collection, so cycles
// made on a thread are freed when it exits (before LeakSanitizer's check at process exit).
// After that destructor, containers are no longer tracked (plain trivially destructible
// thread_locals stay readable during and after thread-exit destruction).
thread_local Registry* current = nullptr;
thread_local bool finished = false;

struct RegistryOwner {
  Registry registry;
  ~RegistryOwner() {
    collect_registry(registry);
    current = nullptr;
    finished = true;
    // The survivors have owners outside the registry (globals, statics): only drop ours.
    for (const HeapObject* p : registry.objects) {
      if (p->release()) delete p;
    }
    registry.objects.clear();
  }
};

Registry* registry() {
  if (current || finished) return current;
  thread_local RegistryOwner owner;
  current = &owner.registry;
  return current;
}

}  // namespace

void track(const HeapObject* p) {
  Registry* r = registry();
  if (!r) return;
  p->retain();
  r->objects.push_back(p);
  if (r->objects.size() >= r->threshold) collect_registry(*r);
}

size_t collect_cycles() {
  Registry* r = registry();
  return r ? collect_registry(*r) : 0;
}

size_t tracked_count() {
  Registry* r = registry();
  return r ? r->objects.size() : 0;
}

}  // namespace kiln::jinja::gc
