#pragma once
#include "coron/engine.hpp"

#include <cstdint>
#include <span>
#include <vector>

// Counts over the slices of a stock split between processes (RunOptions::slices): where a
// slice's items fall among every slice's, in stock order, which is slice order.

namespace coron::engine {

struct SliceCounts {
  std::vector<std::uint64_t> before;  ///< per item: the earlier slices' count
  std::vector<std::uint64_t> total;   ///< per item: every slice's
};

/// `mine`: this slice's count of each item (the same items in every slice). Collective.
[[nodiscard]] SliceCounts count_over_slices(const SliceExchange& slices, std::span<const std::uint64_t> mine);

}  // namespace coron::engine
