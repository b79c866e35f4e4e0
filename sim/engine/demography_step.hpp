#pragma once
#include "engine/steps.hpp"

namespace coron::engine {

/// The households' first half of the year (models/demography): deaths, moves out,
/// ageing; sets the died and moved_out flags and leaves ended households' dwellings vacant.
void departures_step(DwellingState& state, const YearContext& context);

/// The second half: vacant dwellings let to new households where a new lease is
/// allowed (relettable, set by the works step); sets moved_in.
void lettings_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
