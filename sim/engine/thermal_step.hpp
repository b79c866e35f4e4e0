#pragma once
#include "engine/steps.hpp"

namespace coron::engine {

/// The conventional 3CL evaluation of every dwelling (models/thermal): heating
/// need, final and primary energy, GHG and label from the state's current
/// envelope and systems and the year's conversion factors.
void thermal_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
