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
  RankSlices(const Ranks& ranks, const Stock& stock);

  [[nodiscard]] std::size_t slices() const noexcept override { return dwellings_.size() - 1; }
  [[nodiscard]] std::size_t slice() const noexcept override {
    return static_cast<std::size_t>(ranks_.rank());
  }
  [[nodiscard]] std::size_t first_dwelling(std::size_t k) const noexcept override { return dwellings_[k]; }
  [[nodiscard]] std::size_t first_cite(std::size_t k) const noexcept override { return cites_[k]; }
  [[nodiscard]] std::vector<std::vector<std::byte>> all_gather(
      std::span<const std::byte> bytes) const override {
    return ranks_.all_gather(bytes);
  }

 private:
  const Ranks& ranks_;
  std::vector<std::size_t> dwellings_;
  std::vector<std::size_t> cites_;
};

}  // namespace coron::cluster
