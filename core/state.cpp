#include "coron/state.hpp"

#include <type_traits>

namespace coron {

DwellingState initial_state(const Stock& stock) {
  DwellingState state;
  // The stock's thermal and household columns by the macro lists they share with
  // the state: a column added to either list is copied without a line here.
#define CORON_COPY(T, name, unit, spec, text) state.name = stock.name;
  CORON_THERMAL_COLUMNS(CORON_COPY)
  CORON_HOUSEHOLD_COLUMNS(CORON_COPY)
#undef CORON_COPY
  const std::size_t n = stock.size();
#define CORON_ZERO(T, name, unit, spec, text) state.name.assign(n, T{});
  CORON_WORKS_COLUMNS(CORON_ZERO)
  CORON_OUTPUT_COLUMNS(CORON_ZERO)
#undef CORON_ZERO
  for (const AggregateInfo& a : aggregate_columns) {
    state.totals.stock.emplace_back(a.width(), 0.0);
    state.totals.by_cite.emplace_back(a.width() * stock.cites.size(), 0.0);
  }
  return state;
}

ThermalInputs thermal_inputs(const DwellingState& state) noexcept {
  ThermalInputs in;
#define CORON_VIEW(T, name, unit, spec, text) in.name = state.name;
  CORON_THERMAL_COLUMNS(CORON_VIEW)
#undef CORON_VIEW
  return in;
}

ThermalOutputs thermal_outputs(DwellingState& state) noexcept {
  return ThermalOutputs{state.heating_need_kwh,         state.final_energy_kwh, state.heating_final_kwh,
                        state.heating_backup_final_kwh, state.dhw_final_kwh,    state.electricity_other_kwh,
                        state.primary_energy_kwh_m2,    state.ghg_kg_m2,        state.label};
}

}  // namespace coron
