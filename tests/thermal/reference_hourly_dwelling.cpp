#include "reference_hourly_dwelling.hpp"

#include <cmath>

namespace coron::reference {

HourlyDwellingReference hourly_dwelling(const ThermalInputs& in, std::size_t i, const ThermalParams& p) {
  const VentilationParams& vent = p.ventilation[in.ventilation[i]];
  const double s_h = in.floor_area_m2[i], h_sp = in.ceiling_height_m[i];
  const double windows =
      in.window_south_m2[i] + in.window_east_m2[i] + in.window_west_m2[i] + in.window_north_m2[i];
  HourlyDwellingReference r{};
  r.h_tr_w_w_per_k = in.u_window_w_per_m2k[i] * windows + in.u_door_w_per_m2k[i] * in.door_area_m2[i];
  r.h_tr_op_w_per_k = in.u_wall_w_per_m2k[i] * in.wall_area_m2[i] +
                      in.b_roof[i] * in.u_roof_w_per_m2k[i] * in.roof_area_m2[i] +
                      in.b_floor[i] * in.u_floor_w_per_m2k[i] * in.ground_floor_area_m2[i] +
                      in.thermal_bridges_w_per_k[i];

  // Air: 3CL's renewal 0.34 Q_varep S_h plus its infiltration H_perm.
  double s_dep = in.wall_area_m2[i] + windows + in.door_area_m2[i];
  if (in.b_roof[i] > 0.0) s_dep += in.roof_area_m2[i];
  const double q4pa = in.q4pa_conv_m3_per_h_m2[i] * s_dep + 0.45 * vent.s_mea_m3_per_h_m2 * s_h;
  double e = 0.02, f = 20.0;
  if (in.multiple_exposed_facades[i] != 0) {
    e = 0.07;
    f = 15.0;
  }
  double h_perm = 0.0;
  if (q4pa > 0.0) {
    const double n50 = q4pa / (std::pow(4.0 / 50.0, 2.0 / 3.0) * h_sp * s_h);
    const double ratio = (vent.q_vasouf_m3_per_h_m2 - vent.q_varep_m3_per_h_m2) / (h_sp * n50);
    h_perm = 0.34 * h_sp * s_h * n50 * e / (1.0 + (f / e) * std::pow(ratio, 2.0));
  }
  r.h_ve_w_per_k = 0.34 * vent.q_varep_m3_per_h_m2 * s_h + h_perm;

  // ISO 13790 Table 12 by inertia class: A_m per m2 of floor and C_m in J/(m2K).
  double am = 2.5, cm = 165000.0;
  if (in.inertia[i] == 0) cm = 110000.0;
  if (in.inertia[i] == 2) {
    am = 3.0;
    cm = 260000.0;
  }
  r.mass_area_m2 = am * s_h;
  r.c_m_j_per_k = cm * s_h;
  const double h_ms = 9.1 * r.mass_area_m2;
  double op = r.h_tr_op_w_per_k;
  if (op > 0.9 * h_ms) op = 0.9 * h_ms;
  r.h_tr_em_w_per_k = 1.0 / (1.0 / op - 1.0 / h_ms);

  // Sun: windows g F_e A f per facade (f its sun factor); opaque 0.6 x 0.04 x U A, walls a quarter per
  // facade, the roof times b; the sky 0.04 x 4.5 x 11 W per W/K of envelope, walls and windows at F_r 0.5.
  const double wall_q = 0.6 * 0.04 * in.u_wall_w_per_m2k[i] * in.wall_area_m2[i] / 4.0;
  const double gf = in.g_window[i] * p.window_shading_factor;
  r.solar_aperture_m2 = {gf * in.window_south_m2[i] * in.window_south_sun_factor[i] + wall_q,
                         gf * in.window_east_m2[i] * in.window_east_sun_factor[i] + wall_q,
                         gf * in.window_west_m2[i] * in.window_west_sun_factor[i] + wall_q,
                         gf * in.window_north_m2[i] * in.window_north_sun_factor[i] + wall_q,
                         in.b_roof[i] * 0.6 * 0.04 * in.u_roof_w_per_m2k[i] * in.roof_area_m2[i]};
  const double vertical_ua = in.u_wall_w_per_m2k[i] * in.wall_area_m2[i] + r.h_tr_w_w_per_k;
  const double roof_ua = in.b_roof[i] * in.u_roof_w_per_m2k[i] * in.roof_area_m2[i];
  r.sky_loss_w = 0.04 * 4.5 * 11.0 * (0.5 * vertical_ua + roof_ua);

  // 3CL internal gains: 3.52 S_h-type term plus the occupants' N_adeq.
  double n_max = 0.025 * s_h;
  if (s_h < 30.0)
    n_max = 1.0;
  else if (s_h < 70.0)
    n_max = 1.75 - 0.01875 * (70.0 - s_h);
  const double n_adeq = n_max < 1.75 ? n_max : 1.75 + 0.3 * (n_max - 1.75);
  r.internal_w = p.internal_gain_w_per_m2 * s_h + p.occupant_gain_wh * n_adeq;
  return r;
}

}  // namespace coron::reference
