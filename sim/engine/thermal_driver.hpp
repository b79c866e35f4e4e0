#pragma once
#include "coron/thermal.hpp"

#include <cstddef>

// Runs the thermal kernel over a whole stock: serially (the reference) or with
// TBB over fixed blocks of dwellings (the parallel kernel). Each block writes only
// its own rows, so both give bit-identical outputs.

namespace coron::engine {

/// Dwellings per TBB task. Fixed, so that the block structure (and any reduction
/// over blocks) never depends on the thread count.
inline constexpr std::size_t block_dwellings = 2048;

/// Serial reference: one call over every dwelling. Thread-safe if `out` is not shared.
void evaluate_reference(const ThermalInputs& in, const ThermalParams& params, const YearFactors& year,
                        const ThermalOutputs& out) noexcept;

/// TBB over blocks of `block_dwellings`, in the caller's task arena.
void evaluate_parallel(const ThermalInputs& in, const ThermalParams& params, const YearFactors& year,
                       const ThermalOutputs& out);

}  // namespace coron::engine
