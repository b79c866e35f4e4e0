#include "engine/economics_step.hpp"

#include "coron/economics.hpp"

namespace coron::engine {

void economics_step(DwellingState& state, const YearContext& context) {
  const EconomicsYear year = economics_year(context.economics, context.thermal, context.year);
  const EconomicsInputs in{state.floor_area_m2,
                           state.heating_system,
                           state.dhw_system,
                           state.occupied,
                           state.rights_holder,
                           state.household_size,
                           state.income_per_cu_eur,
                           state.heating_final_kwh,
                           state.dhw_final_kwh,
                           state.electricity_other_kwh,
                           state.heating_backup_final_kwh,
                           state.heating_backup_system};
  const EconomicsOutputs out{state.actual_final_energy_kwh, state.energy_bill_eur, state.rent_eur,
                             state.energy_effort_rate,      state.fuel_poor,       state.fuel_poor_lihc};
  // Rent after works: ordinary tenants of a renovated dwelling pay the scenario's increase.
  const double increase_eur_per_m2_yr =
      context.works != nullptr ? 12.0 * context.works->options.rent_increase_eur_per_m2_month : 0.0;
  context.blocks.for_each(state.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
    evaluate_economics(in, year, out, begin, end);
    if (increase_eur_per_m2_yr == 0.0) return;
    for (std::size_t i = begin; i < end; ++i)
      if (state.renovated_year[i] != 0 && state.rent_eur[i] > 0.0)
        state.rent_eur[i] += increase_eur_per_m2_yr * state.floor_area_m2[i];
  });
}

}  // namespace coron::engine
