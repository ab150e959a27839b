#pragma once
// Cycle collection for Values. Values are refcounted, so a container that holds itself
// (`{% set xs = [] %}{% do xs.append(xs) %}`, a namespace whose attribute holds the
// namespace) never reaches a count of zero and would leak. As in CPython, every container is
// tracked when it is created, and a collection finds the tracked containers that only other
// tracked containers reference (trial deletion: subtract the references found inside
// tracked containers from their refcounts; whatever no outside reference keeps reachable is
// garbage) and clears them, which breaks the cycles so refcounting frees them.
//
// The registry is per thread and holds one reference to each tracked container, so nothing
// it lists can be freed behind its back and creating a container costs one push. Frees of
// containers are therefore deferred to the next collection, which runs
//   - when the registry has doubled since the last collection (bounded memory in long
//     renders, amortised O(1) per container),
//   - when collect_cycles() is called (the end of a render is the natural place),
//   - when the thread exits.
// Collecting is safe at any point: references held by C++ code (Values on the stack, in
// scopes, in untracked objects) count as outside references, so their targets survive.

#include <cstddef>

namespace kiln::jinja {

class HeapObject;

namespace gc {

// Adds p to this thread's registry, taking one reference. Called once per container, when
// it is created (Value::list/tuple/dict, the first Value::object of a gc_tracked Object).
void track(const HeapObject* p);

// Frees the tracked containers that are garbage, cycles included; returns how many. The
// survivors stay tracked, so a cycle they form later is still found.
size_t collect_cycles();

// How many containers this thread's registry holds (tests).
size_t tracked_count();

}  // namespace gc
}  // namespace kiln::jinja
