#pragma once
#include "engine/steps.hpp"

namespace coron::engine {

/// The year's totals of every entry of aggregate_columns (coron/aggregates.hpp), per
/// cité and for the stock, into state.totals. Each cité's total is summed over its
/// dwellings in index order and the stock's over the cités in cité order: a fixed
/// order, so the same bits whatever ran the other steps.
void aggregate_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
