#pragma once
#include "engine/steps.hpp"

namespace coron::engine {

/// With a works budget (renovation.allocation), keeps of the year's candidates and their
/// packages (context.books) those the allocation rule funds, in the order it took them,
/// and records the year's budget and what it bought in context.books->allocation. The
/// others are left for a later year, as the works rules allow (operations stay due; a
/// vacant house may be re-let). Without a budget, changes nothing but that record (all 0).
/// Serial: its order decides who is funded.
void allocate_year_budget(const DwellingState& state, const YearContext& context);

}  // namespace coron::engine
