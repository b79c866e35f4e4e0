#include "engine/blocks.hpp"

#include "coron/parallel_for.hpp"

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
  coron::parallel_for(blocks, run);
}

}  // namespace coron::engine
