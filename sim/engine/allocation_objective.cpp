#include "engine/allocation_objective.hpp"

#include <cstdint>

namespace coron::engine {

namespace {

using Objective = AllocationSpec::Objective;

/// Label E, as in the rental bans: E, F and G are the labels to leave.
constexpr std::uint8_t label_e = 4;

/// Dwelling i's household in a dwelling of `floor_area_m2` with those systems (its own
/// now, or as the works leave it), using `heating` (of which `backup` by the second
/// generator), `dhw` and `other` kWh/yr by convention.
HouseholdEnergy household(const DwellingState& state, std::size_t i, double floor_area_m2,
                          std::uint8_t heating_system, std::uint8_t backup_system, std::uint8_t dhw_system,
                          double heating, double backup, double dhw, double other) noexcept {
  return {floor_area_m2,
          heating_system,
          dhw_system,
          state.household_size[i],
          state.income_per_cu_eur[i],
          heating,
          dhw,
          other,
          backup_system,
          backup};
}

/// 1 when the household is fuel poor with this year's bill before the works and would not
/// be with the bill after them. Both bills come from household_bill, the economics step's
/// own formula, with the same prices, household and behaviour (heating intensity, hot water
/// for its size): only the dwelling differs, so a package that changes nothing gives 0.
/// The state's fuel_poor column is not read: at the works step it is last year's (all 0 in
/// a run's first year), from last year's prices and, maybe, another household.
bool fuel_poor_before(const EconomicsYear& prices, const DwellingState& state, std::size_t i) noexcept {
  if (state.occupied[i] == 0) return false;
  const HouseholdBill before = household_bill(
      household(state, i, state.floor_area_m2[i], state.heating_system[i], state.heating_backup_system[i],
                state.dhw_system[i], state.heating_final_kwh[i], state.heating_backup_final_kwh[i],
                state.dhw_final_kwh[i], state.electricity_other_kwh[i]),
      prices);
  return fuel_poor_tee_3d(before, state.income_per_cu_eur[i], prices);
}

double lifted_out_of_fuel_poverty(const EconomicsYear& prices, const DwellingState& state, std::size_t i,
                                  const PackageChoice& choice) noexcept {
  if (state.occupied[i] == 0 || choice.measures == 0) return 0.0;
  const double income_per_cu = state.income_per_cu_eur[i];
  if (!fuel_poor_before(prices, state, i)) return 0.0;
  const ThermalRow& a = choice.after;
  const HouseholdBill after = household_bill(
      household(state, i, a.floor_area_m2, a.heating_system, a.heating_backup_system, a.dhw_system,
                choice.heating_final_after_kwh, choice.heating_backup_final_after_kwh,
                choice.dhw_final_after_kwh, choice.electricity_other_after_kwh),
      prices);
  return fuel_poor_tee_3d(after, income_per_cu, prices) ? 0.0 : 1.0;
}

/// One term of the objective. Energy and CO2 are per m2 of each state's own floor area (an
/// inside lining takes some), so both are turned to totals first.
double term(Objective objective, const EconomicsYear& prices, const DwellingState& state, std::size_t i,
            const PackageChoice& choice) noexcept {
  switch (objective) {
    case Objective::primary_energy_saved:
      return state.primary_energy_kwh_m2[i] * state.floor_area_m2[i] -
             choice.primary_after_kwh_m2 * choice.after.floor_area_m2;
    case Objective::co2_avoided:
      return state.ghg_kg_m2[i] * state.floor_area_m2[i] -
             choice.ghg_after_kg_m2 * choice.after.floor_area_m2;
    case Objective::out_of_efg:
      return state.label[i] >= label_e && choice.label_after < label_e ? 1.0 : 0.0;
    case Objective::out_of_fuel_poverty:
      return lifted_out_of_fuel_poverty(prices, state, i, choice);
    case Objective::weighted:
      break;
  }
  return 0.0;
}

}  // namespace

ObjectiveContext objective_context(const AllocationSpec& spec, const EconomicsParams& economics,
                                   const ThermalParams& thermal, int year) noexcept {
  ObjectiveContext context;
  context.objective = spec.objective;
  context.weights = spec.objective_weights;
  context.prices = economics_year(economics, thermal, year);
  return context;
}

double outcome(const ObjectiveContext& context, const DwellingState& state, std::size_t i,
               const PackageChoice& choice) noexcept {
  if (context.objective != Objective::weighted)
    return term(context.objective, context.prices, state, i, choice);
  double sum = 0.0;
  for (std::size_t t = 0; t < context.weights.size(); ++t)
    if (context.weights[t] != 0.0)  // a term weighed 0 is not computed (the bills cost two pow)
      sum += context.weights[t] * term(static_cast<Objective>(t), context.prices, state, i, choice);
  return sum;
}

bool fuel_poor_now(const ObjectiveContext& context, const DwellingState& state, std::size_t i) noexcept {
  return fuel_poor_before(context.prices, state, i);
}

}  // namespace coron::engine
