#pragma once
#include "cluster/ranks.hpp"

#include "coron/engine.hpp"
#include "coron/stock.hpp"

#include <cstddef>
#include <vector>

// The dwelling slices of an MPI run's stock (`coron run --slices`): rank k holds and steps
// slice k, cut by slice_bounds (coron/stock.hpp) between cités, and exchanges with the
// others through the ranks' collectives.

namespace coron::cluster {

class RankSlices final : public SliceExchange {
 public:
  /// One slice per rank of `ranks`, cut from `stock` (the whole of it, the same on every
  /// rank). Throws std::invalid_argument as slice_bounds does.
  RankSlices(const Ranks& ranks, const Stock& stock)
      : SliceExchange(slice_bounds(stock, static_cast<std::size_t>(ranks.size()))), ranks_(ranks) {}

  [[nodiscard]] std::size_t slice() const noexcept override {
    return static_cast<std::size_t>(ranks_.rank());
  }
  [[nodiscard]] std::vector<std::vector<std::byte>> all_gather(
      std::span<const std::byte> bytes) const override {
    return ranks_.all_gather(bytes);
  }

 private:
  const Ranks& ranks_;
};

}  // namespace coron::cluster
