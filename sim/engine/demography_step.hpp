#pragma once
#include "engine/steps.hpp"

namespace coron::engine {

/// The households through the year (models/demography): deaths, moves, vacancy and
/// re-letting; sets the moved_in, died and moved_out flags of the year.
void demography_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
