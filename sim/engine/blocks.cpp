#include "engine/blocks.hpp"

#include "coron/thread_handoff.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>

namespace coron::engine {

void Blocks::for_each(std::size_t n, const Body& body, std::size_t block_size) const {
  const std::size_t blocks = (n + block_size - 1) / block_size;
  const auto run = [&](std::size_t b) {
    const std::size_t begin = b * block_size;
    body(b, begin, std::min(n, begin + block_size));
  };
  if (!parallel_) {
    for (std::size_t b = 0; b < blocks; ++b) run(b);
    return;
  }
  // One task per block (grain 1 over block indices): which thread runs a block
  // changes nothing, its rows and partials are its own.
  HandOff to_blocks, to_caller;
  to_blocks.give();
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    to_blocks.take();
    run(b);
    to_caller.give();
  });
  to_caller.take();
}

}  // namespace coron::engine
