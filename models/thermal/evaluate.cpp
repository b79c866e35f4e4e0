#include "gains.hpp"
#include "heat_loss.hpp"
#include "monthly_need.hpp"
#include "systems.hpp"

#include "coron/thermal.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>

// One dwelling-year of the 3CL-DPE method. Everything that does not depend on the
// dwelling (packed climate, efficiency products, hot-water need per occupant, primary
// and GHG factors per system) is computed once per call before the loop, so the loop
// body reads only its own row and small tables: no allocation, no virtual call, no
// shared writes (rows outside [begin, end) are never touched).

namespace coron {
namespace {

/// Per-system constants folded once per call.
struct SystemTables {
  std::array<double, heating_system_count> heat_input_per_need{};  // 1/(Rg Re Rd Rr)
  std::array<double, heating_system_count> heat_pef{}, heat_ghg{};
  std::array<double, dhw_system_count> dhw_input_per_need{}, dhw_pef{}, dhw_ghg{};
};

SystemTables fold_systems(const ThermalParams& p, const YearFactors& y) noexcept {
  SystemTables t;
  for (std::size_t s = 0; s < heating_system_count; ++s) {
    const auto c = static_cast<std::size_t>(p.heating[s].carrier);
    t.heat_input_per_need[s] = detail::heating_input_per_output(p.heating[s]);
    t.heat_pef[s] = y.primary_energy_factor[c];
    t.heat_ghg[s] = p.ghg_heating_kg_per_kwh[c];
  }
  for (std::size_t s = 0; s < dhw_system_count; ++s) {
    const auto c = static_cast<std::size_t>(p.dhw[s].carrier);
    t.dhw_input_per_need[s] = 1.0 / p.dhw[s].efficiency;
    t.dhw_pef[s] = y.primary_energy_factor[c];
    t.dhw_ghg[s] = p.ghg_dhw_kg_per_kwh[c];
  }
  return t;
}

}  // namespace

void evaluate_thermal(const ThermalInputs& in, const ThermalParams& params, const YearFactors& year,
                      const ThermalOutputs& out, std::size_t begin, std::size_t end) noexcept {
  const detail::HeatingMonths climate = detail::pack_heating_months(params.climate);
  const SystemTables sys = fold_systems(params, year);
  const double c_4_50 = std::cbrt((4.0 / 50.0) * (4.0 / 50.0));  // (4/50)^(2/3)
  const double dhw_need_per_occupant_kwh = detail::dhw_need_per_occupant_kwh(params);
  const double pef_electricity = year.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)];
  const double occupant_gain_w = params.occupant_gain_wh;  // Wh per heating hour = W

  for (std::size_t i = begin; i < end; ++i) {
    const std::uint8_t vent_id = in.ventilation[i];
    const std::uint8_t heat_id = in.heating_system[i];
    const std::uint8_t dhw_id = in.dhw_system[i];
    const VentilationParams& vent = params.ventilation[vent_id];
    const HeatingSystemParams& heat = params.heating[heat_id];

    const detail::Envelope env{in.floor_area_m2[i],
                               in.ceiling_height_m[i],
                               in.wall_area_m2[i],
                               in.u_wall_w_per_m2k[i],
                               in.roof_area_m2[i],
                               in.u_roof_w_per_m2k[i],
                               in.b_roof[i],
                               in.ground_floor_area_m2[i],
                               in.u_floor_w_per_m2k[i],
                               in.b_floor[i],
                               in.window_south_m2[i] + in.window_east_west_m2[i] + in.window_north_m2[i],
                               in.u_window_w_per_m2k[i],
                               in.door_area_m2[i],
                               in.u_door_w_per_m2k[i],
                               in.thermal_bridges_w_per_k[i],
                               in.q4pa_conv_m3_per_h_m2[i],
                               in.multiple_exposed_facades[i] != 0};
    const double s_h = env.floor_area_m2;
    const double gv_w_per_k = detail::transmission_w_per_k(env) + detail::ventilation_w_per_k(env, vent) +
                              detail::infiltration_w_per_k(env, vent, c_4_50);

    // Gains: A_s,j = 1000 sum_o A_o g F_e E_o,j; A_i,j = ((3.18 + 0.34) S_h + 132/168 N_adeq 90) N_ref19,j.
    const double n_adeq = detail::n_adeq_house(s_h);
    const double collect = in.g_window[i] * params.window_shading_factor;
    const double internal_w =
        detail::internal_gain_w(s_h, n_adeq, params.internal_gain_w_per_m2, occupant_gain_w);
    const double need_kwh = detail::heating_need_kwh(
        climate, gv_w_per_k, in.window_south_m2[i] * collect, in.window_east_west_m2[i] * collect,
        in.window_north_m2[i] * collect, internal_w, params.gain_exponent_alpha[in.inertia[i]]);

    // Final energy of the five uses (no cooling in these houses: four are non-zero).
    const double int_factor =
        detail::intermittence(heat.intermittence_i0, gv_w_per_k, s_h, env.ceiling_height_m);
    const double heating_kwh = need_kwh * int_factor * sys.heat_input_per_need[heat_id];
    const double dhw_kwh = n_adeq * dhw_need_per_occupant_kwh * sys.dhw_input_per_need[dhw_id];
    const double lighting_kwh = params.lighting_kwh_per_m2 * s_h;
    const double auxiliary_kwh = heat.auxiliary_kwh_per_kwh_need * need_kwh +
                                 heat.auxiliary_kwh_per_dwelling + heat.auxiliary_kwh_per_m2 * s_h +
                                 vent.auxiliary_kwh_per_dwelling + vent.auxiliary_kwh_per_m2 * s_h;
    const double electricity_kwh = lighting_kwh + auxiliary_kwh;

    const double primary_kwh = heating_kwh * sys.heat_pef[heat_id] + dhw_kwh * sys.dhw_pef[dhw_id] +
                               electricity_kwh * pef_electricity;
    const double ghg_kg = heating_kwh * sys.heat_ghg[heat_id] + dhw_kwh * sys.dhw_ghg[dhw_id] +
                          lighting_kwh * params.ghg_electricity_lighting_kg_per_kwh +
                          auxiliary_kwh * params.ghg_electricity_auxiliary_kg_per_kwh;
    const double cep = primary_kwh / s_h;
    const double eges = ghg_kg / s_h;

    out.heating_need_kwh[i] = need_kwh;
    out.final_energy_kwh[i] = heating_kwh + dhw_kwh + electricity_kwh;
    out.primary_energy_kwh_m2[i] = cep;
    out.ghg_kg_m2[i] = eges;
    out.label[i] = dpe_label(params, cep, eges, s_h);
  }
}

}  // namespace coron
