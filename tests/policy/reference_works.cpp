#include "reference_works.hpp"

namespace coron::reference_works {

bool improves(const Measure& m, const ThermalRow& d) {
  if (m.component == Component::wall) return m.u_w_per_m2k < d.u_wall_w_per_m2k;
  if (m.component == Component::roof) return m.u_w_per_m2k < d.u_roof_w_per_m2k;
  if (m.component == Component::floor) return m.u_w_per_m2k < d.u_floor_w_per_m2k;
  if (m.component == Component::windows) return m.u_w_per_m2k < d.u_window_w_per_m2k;
  if (m.component == Component::ventilation) return m.system != d.ventilation;
  if (m.component == Component::heating) return m.system != d.heating_system;
  if (m.component == Component::dhw) return m.system != d.dhw_system;
  return true;  // structure
}

ThermalRow apply(const Measure& m, const RebuiltEnvelope& rebuilt, ThermalRow d) {
  if (m.component == Component::wall) {
    if (!m.from_outside) {
      // Length of the outside walls, inside: their whole height-wise area (the openings
      // are in them) divided by the height. The lining eats that length times its depth.
      const double windows = d.window_south_m2 + d.window_east_m2 + d.window_west_m2 + d.window_north_m2;
      const double length_m = (d.wall_area_m2 + windows + d.door_area_m2) / d.ceiling_height_m;
      const double lost_m2 = length_m * m.lining_thickness_m;
      d.floor_area_m2 = d.floor_area_m2 - lost_m2;
    }
    d.u_wall_w_per_m2k = m.u_w_per_m2k;
  }
  if (m.component == Component::roof) d.u_roof_w_per_m2k = m.u_w_per_m2k;
  if (m.component == Component::floor) d.u_floor_w_per_m2k = m.u_w_per_m2k;
  if (m.component == Component::windows) {
    d.u_window_w_per_m2k = m.u_w_per_m2k;
    d.g_window = m.g_window;
  }
  if (m.component == Component::ventilation) d.ventilation = m.system;
  if (m.component == Component::heating) d.heating_system = m.system;
  if (m.component == Component::dhw) d.dhw_system = m.system;
  const bool new_heating =
      m.component == Component::heating || (m.component == Component::structure && m.rebuild);
  if (new_heating) {  // a new generator: its year, power and intermittence unknown
    d.heating_generator_year = 0;
    d.heating_nominal_power_kw = 0.0;
    d.heating_i0 = 0.0;
    d.heating_emitter_efficiency = 0.0;
    d.heating_generation_efficiency = 0.0;
    d.heating_backup_share = 0.0;  // sized for the whole need: no second generator
    d.heating_backup_generation_efficiency = 0.0;
    d.heating_backup_i0 = 0.0;  // and its emitters
    d.heating_backup_emitter_efficiency = 0.0;
    d.heating_network_pressure_drop_kpa = 0.0;  // the class's default network
    d.heating_design_temperature_drop_k = 0.0;
    d.heating_ghg_factor = 0.0;  // its class's carrier, not the old network
  }
  if (m.component == Component::dhw || (m.component == Component::structure && m.rebuild)) {
    d.dhw_efficiency = 0.0;  // a new hot-water generator: the class's, its tank and network
    d.dhw_standing_loss_kwh = 0.0;
    d.dhw_distribution_efficiency = 0.0;
    d.dhw_storage_loss_kwh = 0.0;
    d.dhw_ghg_factor = 0.0;
  }
  if (m.component == Component::windows || m.component == Component::ventilation) {
    const bool states_a_leakage = m.q4pa_conv_m3_per_h_m2 != 0.0;
    if (states_a_leakage && m.q4pa_conv_m3_per_h_m2 < d.q4pa_conv_m3_per_h_m2)
      d.q4pa_conv_m3_per_h_m2 = m.q4pa_conv_m3_per_h_m2;
  }
  if (m.component == Component::structure && m.rebuild) {
    d.u_wall_w_per_m2k = rebuilt.u_wall_w_per_m2k;
    d.u_roof_w_per_m2k = rebuilt.u_roof_w_per_m2k;
    d.u_floor_w_per_m2k = rebuilt.u_floor_w_per_m2k;
    d.u_window_w_per_m2k = rebuilt.u_window_w_per_m2k;
    d.g_window = rebuilt.g_window;
    d.u_door_w_per_m2k = rebuilt.u_door_w_per_m2k;
    d.q4pa_conv_m3_per_h_m2 = rebuilt.q4pa_conv_m3_per_h_m2;
    d.thermal_bridges_w_per_k = d.floor_area_m2 * rebuilt.thermal_bridges_w_per_k_per_m2;
    d.ventilation = rebuilt.ventilation;
    d.heating_system = rebuilt.heating_system;
    d.dhw_system = rebuilt.dhw_system;
    d.inertia = rebuilt.inertia;
  }
  return d;
}

double cost(const Measure& m, const ThermalRow& d) {
  double area = 0.0;
  if (m.cost.basis == CostBasis::wall_area) area = d.wall_area_m2;
  if (m.cost.basis == CostBasis::roof_area) area = d.roof_area_m2;
  if (m.cost.basis == CostBasis::floor_area) area = d.ground_floor_area_m2;
  if (m.cost.basis == CostBasis::window_area)
    area = d.window_south_m2 + d.window_east_m2 + d.window_west_m2 + d.window_north_m2;
  if (m.cost.basis == CostBasis::living_area) area = d.floor_area_m2;
  return m.cost.fixed_eur + m.cost.eur_per_m2 * area;
}

}  // namespace coron::reference_works
