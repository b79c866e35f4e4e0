#pragma once
#include "coron/thermal.hpp"


// From needs to final energy (3CL §9.2, §11-16; Open3CL 8_intermittence.js, 9_conso_ch.js,
// 11_besoin_ecs.js, 15_conso_aux.js, 16_conso_eclairage.js).

namespace coron::detail {

/// Intermittence factor INT = I0 / (1 + 0.1 (G - 1)), G = GV / (S_h H_sp) in W/(m3.K).
[[nodiscard, gnu::always_inline]] inline double intermittence(double i0, double gv_w_per_k,
                                                              double floor_area_m2,
                                                              double ceiling_height_m) noexcept {
  const double g = gv_w_per_k / (floor_area_m2 * ceiling_height_m);
  return i0 / (1.0 + 0.1 * (g - 1.0));
}

/// 1 / (R_g R_e R_d R_r) of a heating system.
[[nodiscard]] inline double heating_input_per_output(const HeatingSystemParams& s) noexcept {
  return 1.0 / (s.generation_efficiency * s.emission_efficiency * s.distribution_efficiency *
                s.regulation_efficiency);
}

/// A hot-water generator's 1/R as inv_nominal + fixed_loss_wh / B_ecs (B in Wh), whatever its
/// kind (DhwGenerator), and its storage loss Q_gw (Wh/yr, 0 without a tank), part of which
/// the dwelling recovers (recovered_wh_per_hour): the constants, folded once per call.
struct DhwGeneration {
  double inv_nominal, fixed_loss_wh, storage_loss_wh;
};

[[nodiscard]] inline DhwGeneration dhw_generation(const DhwSystemParams& d) noexcept {
  switch (d.generator) {
    case DhwGenerator::boiler: {
      // rgrs_chaudiere: 1/R = 1/R_pn + (1790 QP0 + Q_gw)/B + 6970 . 0.5 P_veil/B.
      const double q_gw_wh = d.storage_l > 0.0 ? combustion_tank_loss_wh(d.storage_l) : 0.0;
      return {1.0 / d.nominal_efficiency, 1790.0 * d.standby_loss_w + q_gw_wh + 6970.0 * 0.5 * d.pilot_w,
              q_gw_wh};
    }
    case DhwGenerator::electric_tank: {
      // R_s = 1/(1 + Q_gw R_d/B).
      const double q_gw_wh = electric_tank_loss_wh(d.storage_l, d.storage_loss_cr);
      return {1.0, q_gw_wh * d.distribution_efficiency, q_gw_wh};
    }
    case DhwGenerator::heat_pump:
      return {1.0 / d.nominal_efficiency, 0.0, 0.0};
  }
  return {1.0, 0.0, 0.0};
}

/// The hot-water losses the heating need recovers, 3CL §9.1.1 (Open3CL 9_besoin_ch.js):
/// per heating hour, 0.48/8760 of the yearly distribution loss Tau . B_ecs (Tau 0.1 for a
/// dwelling's own installation, 0.212 for a collective one) and, for a dwelling's own
/// generator and tank inside the heated volume, of the storage loss Q_gw. Month j then
/// recovers this times N_ref19,j, and its need is max(B_v,j - recovered_j, 0). In W.
[[nodiscard, gnu::always_inline]] inline double recovered_w(double dhw_need_wh, double storage_loss_wh,
                                                            double collective,
                                                            double storage_in_heated_volume) noexcept {
  constexpr double recovered_share_per_hour = 0.48 / 8760.0;
  const double tau = collective != 0.0 ? 0.212 : 0.1;
  const double storage = collective == 0.0 && storage_in_heated_volume != 0.0 ? storage_loss_wh : 0.0;
  return recovered_share_per_hour * (tau * dhw_need_wh + storage);
}

/// Hot-water need per adequate occupant in climate `c`, kWh/yr:
/// sum_j 1.163 V (T_hot - T_efs,j) days_j / 1000.
[[nodiscard]] inline double dhw_need_per_occupant_kwh(const ThermalParams& p,
                                                      const ClimateTable& c) noexcept {
  double kwh = 0.0;
  for (std::size_t j = 0; j < months; ++j)
    kwh +=
        1.163 * p.dhw_litres_per_occupant_day * (p.dhw_hot_water_c - c.cold_water_c[j]) * c.days[j] / 1000.0;
  return kwh;
}

}  // namespace coron::detail
