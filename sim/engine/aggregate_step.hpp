#pragma once
#include "engine/steps.hpp"

namespace coron::engine {

/// The stock totals of the year (label counts, final energy, GHG) into
/// state.totals. Floating-point sums are taken per block and the partials added in
/// block order: the same bits whatever ran the blocks.
void aggregate_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
