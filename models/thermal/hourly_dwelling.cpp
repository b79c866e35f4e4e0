#include "hourly_dwelling.hpp"

#include "gains.hpp"
#include "heat_loss.hpp"

#include <algorithm>
#include <cmath>

namespace coron::hourly {

namespace {

// The opaque conductance may not reach H_tr,ms (H_tr,em = 1/(1/H_tr,op - 1/H_tr,ms) would not be
// positive). A house would need U A above about 20 W/K per m2 of floor, ten times the worst of
// the mining stock; the cap only keeps a corrupt row from stopping a run.
constexpr double max_op_share_of_ms = 0.9;

}  // namespace

HourlyDwelling hourly_dwelling(const ThermalInputs& in, std::size_t r, const ThermalParams& params,
                               const OuterSurface& surface) noexcept {
  using detail::AirFlows;
  using detail::Envelope;
  const VentilationParams& vent = params.ventilation[in.ventilation[r]];
  const detail::Exposure x =
      in.multiple_exposed_facades[r] != 0 ? detail::multiple_facade_exposure : detail::single_facade_exposure;
  const double windows_m2 =
      in.window_south_m2[r] + in.window_east_m2[r] + in.window_west_m2[r] + in.window_north_m2[r];
  const Envelope env{in.floor_area_m2[r],
                     in.ceiling_height_m[r],
                     in.wall_area_m2[r],
                     in.u_wall_w_per_m2k[r],
                     in.roof_area_m2[r],
                     in.u_roof_w_per_m2k[r],
                     in.b_roof[r],
                     in.ground_floor_area_m2[r],
                     in.u_floor_w_per_m2k[r],
                     in.b_floor[r],
                     windows_m2,
                     in.u_window_w_per_m2k[r],
                     in.door_area_m2[r],
                     in.u_door_w_per_m2k[r],
                     in.thermal_bridges_w_per_k[r],
                     in.q4pa_conv_m3_per_h_m2[r],
                     x.e,
                     x.f_over_e};
  const AirFlows air{vent.q_varep_m3_per_h_m2, vent.q_vasouf_m3_per_h_m2, vent.s_mea_m3_per_h_m2};
  const double c_4_50 = std::cbrt((4.0 / 50.0) * (4.0 / 50.0));

  // The light elements (windows and doors) join the surface node to the outdoor air; the
  // rest, reduced by b as in 3CL, goes through the mass. The bridges sit in masonry.
  const double wall_ua = in.u_wall_w_per_m2k[r] * in.wall_area_m2[r];
  const double roof_ua = in.b_roof[r] * in.u_roof_w_per_m2k[r] * in.roof_area_m2[r];
  const double h_tr_w = in.u_window_w_per_m2k[r] * windows_m2 + in.u_door_w_per_m2k[r] * in.door_area_m2[r];
  const double h_tr_op = wall_ua + roof_ua +
                         in.b_floor[r] * in.u_floor_w_per_m2k[r] * in.ground_floor_area_m2[r] +
                         in.thermal_bridges_w_per_k[r];
  const double h_ve = detail::ventilation_w_per_k(env, air) + detail::infiltration_w_per_k(env, air, c_4_50);
  const auto mass = static_cast<MassClass>(in.inertia[r]);  // light, medium, heavy in both
  const double a_f = in.floor_area_m2[r];
  const double op = std::min(h_tr_op, max_op_share_of_ms * iso13790_h_tr_ms_w_per_k(a_f, mass));

  HourlyDwelling d;
  d.network = iso13790_parameters(a_f, op, h_tr_w, h_ve, mass);
  // Walls are not given by orientation: a quarter on each facade.
  const double wall_per_facade =
      opaque_solar_aperture_m2(surface, in.u_wall_w_per_m2k[r], 0.25 * in.wall_area_m2[r]);
  // Each facade's glazing at its sun factor (masks, tilts, a veranda; the monthly method's).
  const double glazing = in.g_window[r] * params.window_shading_factor;
  d.solar_aperture_m2[static_cast<std::size_t>(Facade::south)] =
      glazing * in.window_south_m2[r] * in.window_south_sun_factor[r] + wall_per_facade;
  d.solar_aperture_m2[static_cast<std::size_t>(Facade::east)] =
      glazing * in.window_east_m2[r] * in.window_east_sun_factor[r] + wall_per_facade;
  d.solar_aperture_m2[static_cast<std::size_t>(Facade::west)] =
      glazing * in.window_west_m2[r] * in.window_west_sun_factor[r] + wall_per_facade;
  d.solar_aperture_m2[static_cast<std::size_t>(Facade::north)] =
      glazing * in.window_north_m2[r] * in.window_north_sun_factor[r] + wall_per_facade;
  // Under an unheated attic (b < 1) the sun warms the attic, which passes on the share b.
  d.solar_aperture_m2[static_cast<std::size_t>(Facade::roof)] =
      in.b_roof[r] * opaque_solar_aperture_m2(surface, in.u_roof_w_per_m2k[r], in.roof_area_m2[r]);
  d.sky_loss_w = sky_loss_w(surface, wall_sky_form_factor, 1.0, wall_ua + h_tr_w) +
                 sky_loss_w(surface, roof_sky_form_factor, 1.0, roof_ua);
  d.internal_w = detail::internal_gain_w(a_f, detail::n_adeq_house(a_f), params.internal_gain_w_per_m2,
                                         params.occupant_gain_wh);
  return d;
}

}  // namespace coron::hourly
