#pragma once
#include "engine/steps.hpp"

#include "coron/state.hpp"

namespace coron::engine {

/// Actual energy use, bills, rent and fuel poverty of each household this year, from the
/// conventional energy the thermal step wrote (coron/economics.hpp). No randomness.
void economics_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
