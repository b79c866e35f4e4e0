#include "engine/demography_step.hpp"

#include "coron/demography.hpp"

namespace coron::engine {

void demography_step(DwellingState& state, const YearContext& context) {
  const HouseholdColumns columns{context.stock.dwelling_id,
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
  context.blocks.for_each(state.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
    step_households(context.demography, columns, context.key, context.year, begin, end);
  });
}

}  // namespace coron::engine
