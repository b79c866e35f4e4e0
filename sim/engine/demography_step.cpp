#include "engine/demography_step.hpp"

#include "coron/demography.hpp"

namespace coron::engine {

namespace {

HouseholdColumns household_columns(DwellingState& state, const YearContext& context) {
  return HouseholdColumns{context.stock.dwelling_id,
                          state.occupied,
                          state.rights_holder,
                          state.head_age,
                          state.head_sex,
                          state.household_size,
                          state.income_per_cu_eur,
                          state.spouse_age,
                          state.entry_year,
                          state.vacant_years,
                          state.moved_in,
                          state.died,
                          state.moved_out};
}

}  // namespace

void departures_step(DwellingState& state, const YearContext& context) {
  const HouseholdColumns columns = household_columns(state, context);
  context.blocks.for_each(state.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
    step_departures(context.demography, columns, context.key, context.year, begin, end);
  });
}

void lettings_step(DwellingState& state, const YearContext& context) {
  const HouseholdColumns columns = household_columns(state, context);
  // letting_blocked (set by the works step) is 1 where works or a rental ban forbid a new
  // lease this year.
  context.blocks.for_each(state.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
    step_lettings(context.demography, columns, state.letting_blocked, context.key, context.year, begin, end);
  });
}

}  // namespace coron::engine
