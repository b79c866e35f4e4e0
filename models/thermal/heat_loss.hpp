#pragma once
#include "fast_math.hpp"

#include "coron/thermal.hpp"
#include "coron/units.hpp"

// Heat-loss coefficient GV of one dwelling (3CL §3-4; Open3CL 3_deperdition.js,
// 4_ventilation.js): transmission through the envelope plus air renewal.

namespace coron::detail {

/// Envelope inputs of one dwelling, W/K or m2 as named.
struct Envelope {
  double floor_area_m2, ceiling_height_m;
  double wall_area_m2, u_wall_w_per_m2k;
  double roof_area_m2, u_roof_w_per_m2k, b_roof;
  double ground_floor_area_m2, u_floor_w_per_m2k, b_floor;
  double window_area_m2, u_window_w_per_m2k;
  double door_area_m2, u_door_w_per_m2k;
  double thermal_bridges_w_per_k, q4pa_conv_m3_per_h_m2;
  double exposure_e, exposure_f_over_e;  ///< e and f/e of H_perm, by exposure (see below)
};

/// e and f/e of H_perm: 0.07 and 15/0.07 with several exposed facades, else 0.02 and 20/0.02.
struct Exposure {
  double e, f_over_e;
};
inline constexpr Exposure single_facade_exposure{0.02, 20.0 / 0.02};
inline constexpr Exposure multiple_facade_exposure{0.07, 15.0 / 0.07};

/// The air flows of a ventilation system that GV needs, per m2 of floor.
struct AirFlows {
  double q_varep_m3_per_h_m2, q_vasouf_m3_per_h_m2, s_mea_m3_per_h_m2;
};

/// Transmission losses, W/K: walls (b = 1, to outside), roof, floor, windows, doors, bridges.
[[nodiscard, gnu::always_inline]] inline double transmission_w_per_k(const Envelope& e) noexcept {
  return e.wall_area_m2 * e.u_wall_w_per_m2k + e.b_roof * e.u_roof_w_per_m2k * e.roof_area_m2 +
         e.b_floor * e.u_floor_w_per_m2k * e.ground_floor_area_m2 + e.u_window_w_per_m2k * e.window_area_m2 +
         e.u_door_w_per_m2k * e.door_area_m2 + e.thermal_bridges_w_per_k;
}

/// H_vent = 0.34 Q_varep S_h, W/K.
[[nodiscard, gnu::always_inline]] inline double ventilation_w_per_k(const Envelope& e,
                                                                    const AirFlows& v) noexcept {
  return units::air_wh_per_m3k * v.q_varep_m3_per_h_m2 * e.floor_area_m2;
}

/// H_perm, infiltration through the envelope, W/K. `c_4_50` is (4/50)^(2/3).
//
// Q4Pa = Q4Pa_conv.S_dep + 0.45 S_mea S_h, n50 = Q4Pa / ((4/50)^(2/3) H_sp S_h),
// Q_vinf = H_sp S_h n50 e / (1 + (f/e) ((Q_vasouf - Q_varep)/(H_sp n50))^2),
// e/f = 0.07/15 with several exposed facades, else 0.02/20 (Open3CL calc_hperm).
// S_dep is the envelope area without the floor on the ground: walls, roof when it
// loses heat (b > 0), windows and doors (Open3CL calc_Sdep).
//
// Written without an early return (the airtight case is selected at the end, with
// fast_math's bitwise select) so that the kernel computes it for several dwellings side by
// side; the operations are the same.
[[nodiscard, gnu::always_inline]] inline double infiltration_w_per_k(const Envelope& e, const AirFlows& v,
                                                                     double c_4_50) noexcept {
  const double s_dep_m2 =
      e.wall_area_m2 + select(e.b_roof > 0.0, e.roof_area_m2, 0.0) + e.window_area_m2 + e.door_area_m2;
  const double q4pa_m3_per_h =
      e.q4pa_conv_m3_per_h_m2 * s_dep_m2 + 0.45 * v.s_mea_m3_per_h_m2 * e.floor_area_m2;
  const double volume_m3 = e.ceiling_height_m * e.floor_area_m2;
  const double n50_per_h = q4pa_m3_per_h / (c_4_50 * volume_m3);
  const double d = (v.q_vasouf_m3_per_h_m2 - v.q_varep_m3_per_h_m2) / (e.ceiling_height_m * n50_per_h);
  const double q_vinf_m3_per_h = volume_m3 * n50_per_h * e.exposure_e / (1.0 + e.exposure_f_over_e * d * d);
  // Airtight: n50 = 0, and the formula would be 0/0.
  return select(q4pa_m3_per_h > 0.0, units::air_wh_per_m3k * q_vinf_m3_per_h, 0.0);
}

}  // namespace coron::detail
