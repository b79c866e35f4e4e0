#pragma once
#include "engine/steps.hpp"

namespace coron::engine {

/// The year's works (docs/model-works.md): which dwellings start works (cité
/// operations whose turn has come, houses fallen vacant), with which package, at what
/// cost and paid by whom, within the year's works budget if the scenario sets one; then
/// which dwellings may take a new lease (rental bans, works).
/// Records the year's rows in context.books.year_works.
void works_step(DwellingState& state, const YearContext& context);

/// Last year's works take effect on 1 January: the thermal columns of the dwellings
/// whose works started last year become those after their package, each treated
/// component records the works' year, and works_started is cleared.
void works_completion_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
