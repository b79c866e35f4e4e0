#include "policy/package_search.hpp"

#include "coron/works.hpp"

#include <cstddef>
#include <cstdint>

// What one measure does to a dwelling's thermal columns and what it costs
// (docs/model-works.md). Each component's measure touches only that component's
// columns (and the air leakage, lowered to the better of two values), so a package's
// measures commute: applying them in catalog order is applying them in any order.

namespace coron {
namespace {

double window_area_m2(const ThermalRow& row) noexcept {
  return row.window_south_m2 + row.window_east_m2 + row.window_west_m2 + row.window_north_m2;
}

/// A new element that is more airtight lowers the envelope's conventional leakage; one that
/// states none (0) leaves it.
void lower_air_leakage(double q4pa_after, ThermalRow& row) noexcept {
  if (q4pa_after > 0.0 && q4pa_after < row.q4pa_conv_m3_per_h_m2) row.q4pa_conv_m3_per_h_m2 = q4pa_after;
}

/// A new heating system takes its class's fixed efficiencies and intermittence: the old
/// generator's year and power, and the old installation's emitters, network, programmer and
/// controls, no longer describe it. It is sized for the whole need: a second generator goes;
/// and it burns its class's carrier, not the heat network the old one drew on.
void forget_generator(ThermalRow& row) noexcept {
  row.heating_generator_year = 0;
  row.heating_nominal_power_kw = 0.0;
  row.heating_i0 = 0.0;
  row.heating_emitter_efficiency = 0.0;
  row.heating_generation_efficiency = 0.0;
  row.heating_backup_share = 0.0;
  row.heating_backup_generation_efficiency = 0.0;
  row.heating_backup_i0 = 0.0;
  row.heating_backup_emitter_efficiency = 0.0;
  row.heating_network_pressure_drop_kpa = 0.0;
  row.heating_design_temperature_drop_k = 0.0;
  row.heating_ghg_factor = 0.0;
}

/// Likewise a new hot-water system takes its class's generator, tank and distribution.
void forget_dhw_generator(ThermalRow& row) noexcept {
  row.dhw_efficiency = 0.0;
  row.dhw_standing_loss_kwh = 0.0;
  row.dhw_distribution_efficiency = 0.0;
  row.dhw_storage_loss_kwh = 0.0;
  row.dhw_ghg_factor = 0.0;
}

void rebuild(const RebuiltEnvelope& e, ThermalRow& row) noexcept {
  row.u_wall_w_per_m2k = e.u_wall_w_per_m2k;
  row.u_roof_w_per_m2k = e.u_roof_w_per_m2k;
  row.u_floor_w_per_m2k = e.u_floor_w_per_m2k;
  row.u_window_w_per_m2k = e.u_window_w_per_m2k;
  row.g_window = e.g_window;
  row.u_door_w_per_m2k = e.u_door_w_per_m2k;
  row.q4pa_conv_m3_per_h_m2 = e.q4pa_conv_m3_per_h_m2;
  row.thermal_bridges_w_per_k = e.thermal_bridges_w_per_k_per_m2 * row.floor_area_m2;
  row.ventilation = e.ventilation;
  row.heating_system = e.heating_system;
  forget_generator(row);
  row.dhw_system = e.dhw_system;
  forget_dhw_generator(row);
  row.inertia = e.inertia;
}

}  // namespace

bool improves(const Measure& measure, const ThermalRow& row) noexcept {
  switch (measure.component) {
    case Component::wall:
      return measure.u_w_per_m2k < row.u_wall_w_per_m2k;
    case Component::roof:
      return measure.u_w_per_m2k < row.u_roof_w_per_m2k;
    case Component::floor:
      return measure.u_w_per_m2k < row.u_floor_w_per_m2k;
    case Component::windows:
      return measure.u_w_per_m2k < row.u_window_w_per_m2k;
    case Component::ventilation:
      return measure.system != row.ventilation;
    case Component::heating:
      return measure.system != row.heating_system;
    case Component::dhw:
      return measure.system != row.dhw_system;
    case Component::structure:
      return true;  // heavy works and rebuilding are imposed by the dwelling's state, not chosen
  }
  return false;
}

void apply_measure(const Measure& measure, const RebuiltEnvelope& rebuilt, ThermalRow& row) noexcept {
  switch (measure.component) {
    case Component::wall:
      if (!measure.from_outside && measure.lining_thickness_m > 0.0) {
        // The lining runs along the inside of every outside wall, openings included: the
        // inner perimeter is their gross area over the ceiling height. Party walls are not
        // outside walls (wall_area_m2 leaves them out) and are not lined.
        const double gross_m2 = row.wall_area_m2 + window_area_m2(row) + row.door_area_m2;
        row.floor_area_m2 -= gross_m2 / row.ceiling_height_m * measure.lining_thickness_m;
      }
      row.u_wall_w_per_m2k = measure.u_w_per_m2k;
      return;
    case Component::roof:
      row.u_roof_w_per_m2k = measure.u_w_per_m2k;
      return;
    case Component::floor:
      row.u_floor_w_per_m2k = measure.u_w_per_m2k;
      return;
    case Component::windows:
      row.u_window_w_per_m2k = measure.u_w_per_m2k;
      row.g_window = measure.g_window;
      lower_air_leakage(measure.q4pa_conv_m3_per_h_m2, row);
      return;
    case Component::ventilation:
      row.ventilation = measure.system;
      lower_air_leakage(measure.q4pa_conv_m3_per_h_m2, row);
      return;
    case Component::heating:
      row.heating_system = measure.system;
      forget_generator(row);
      return;
    case Component::dhw:
      row.dhw_system = measure.system;
      forget_dhw_generator(row);
      return;
    case Component::structure:
      if (measure.rebuild) rebuild(rebuilt, row);
      return;  // heavy works keep the envelope as it is
  }
}

double basis_area_m2(CostBasis basis, const ThermalRow& row) noexcept {
  switch (basis) {
    case CostBasis::none:
      return 0.0;
    case CostBasis::wall_area:
      return row.wall_area_m2;
    case CostBasis::roof_area:
      return row.roof_area_m2;
    case CostBasis::floor_area:
      return row.ground_floor_area_m2;
    case CostBasis::window_area:
      return window_area_m2(row);
    case CostBasis::living_area:
      return row.floor_area_m2;
  }
  return 0.0;
}

double measure_cost_eur(const Measure& measure, const ThermalRow& row) noexcept {
  return measure.cost.fixed_eur + measure.cost.eur_per_m2 * basis_area_m2(measure.cost.basis, row);
}

ThermalRow apply_package(const WorksParams& works, ThermalRow row, std::int32_t measures) noexcept {
  for (std::size_t k = 0; k < works.measures.size(); ++k) {
    if ((measures >> k & 1) == 0) continue;
    const Measure& m = works.measures[k];
    if (improves(m, row)) apply_measure(m, works.rebuilt, row);
  }
  return row;
}

}  // namespace coron
