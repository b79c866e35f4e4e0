#pragma once

// tbb::parallel_for over the indices [0, n), with the hand-offs ThreadSanitizer cannot see by
// itself (thread_handoff.hpp): every task sees what the caller wrote before the call, and the
// caller sees, after it, what every task wrote. The only way coron runs a parallel loop, so
// that no loop can forget a side of its hand-off.

#include "coron/thread_handoff.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>

namespace coron {

/// Calls body(i) for every i in [0, n), on TBB's threads, in no particular order.
template <class Body>
void parallel_for(std::size_t n, const Body& body) {
  HandOff to_tasks, to_caller;
  // TBB copies this range task into each of its tasks, with the addresses it holds, before it
  // spawns them: the tasks take the hand-off without reading anything the caller wrote after
  // giving it. (The index form would hold the task by reference, on the caller's stack.)
  const auto task = [&to_tasks, &to_caller, &body](const tbb::blocked_range<std::size_t>& range) {
    to_tasks.take();
    for (std::size_t i = range.begin(); i != range.end(); ++i) body(i);
    to_caller.give();
  };
  to_tasks.give();
  // Grain 1, as the index form: one block, one certificate or one chunk may be a task alone.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1), task);
  to_caller.take();
}

}  // namespace coron
