#pragma once
#include "coron/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

// Yearly stock totals from the per-dwelling rows. Floating-point sums are taken
// over fixed blocks and the block partials added in block order, so a total is
// the same bits whether the blocks ran on one thread or many.

namespace coron::engine {

struct YearTotals {
  std::int64_t per_label[label_count] = {};
  double final_energy_kwh = 0.0;
  double ghg_kg = 0.0;
};

/// Totals of one (replicate, year) row. `parallel` runs blocks with TBB; the
/// result is bit-identical either way.
[[nodiscard]] YearTotals aggregate_year(std::span<const double> final_energy_kwh,
                                        std::span<const double> ghg_kg_m2,
                                        std::span<const double> floor_area_m2,
                                        std::span<const std::uint8_t> label, bool parallel);

}  // namespace coron::engine
