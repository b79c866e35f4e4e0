#pragma once
#include "engine/steps.hpp"

namespace coron::engine {

/// The year's works (docs/model-works.md): which dwellings start works (cité
/// operations whose turn has come, houses fallen vacant), with which package, at what
/// cost and paid by whom; then which dwellings may take a new lease (rental bans, works).
/// Records the year's rows in context.books.year_works.
void works_step(DwellingState& state, const YearContext& context);

/// The works started this year take effect at its end: the dwellings' thermal columns
/// become those after the package, and each treated component records the year.
void works_completion_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
