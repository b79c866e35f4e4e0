#include "app/bestest_run.hpp"

#include "climate/solar_position.hpp"
#include "thermal/envelope_sun.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace coron::bestest {

namespace {

// thermal-reference.md §2.4 (Modelica BESTEST mapping): solar absorptance 0.6 and long-wave
// emissivity 0.9 of the outer surfaces, R_se = 0.04 m2K/W, sky 11 K colder than the air (the
// defaults of hourly::OuterSurface), ground albedo 0.2.
constexpr hourly::OuterSurface outer_surface{};
constexpr double ground_albedo = 0.2;
// A window is vertical: it sees the sky with the form factor of a wall (§11.4.6).
constexpr double window_sky_form_factor = hourly::wall_sky_form_factor;
// Ideal loads of unlimited capacity (§2.1): a limit no hour reaches.
constexpr double unlimited_w = 1.0e9;

double sky_loss_w(double form_factor, double u, double area) {
  return hourly::sky_loss_w(outer_surface, form_factor, u, area);
}

}  // namespace

std::vector<double> solar_gains_w(const BestestCase& c, const HourlyWeather& weather,
                                  const climate::SolarHours& hours) {
  const std::size_t n = weather.size();
  std::vector<double> gains(n, 0.0), irradiance(n);
  // The opaque elements: absorbed sun conducted inwards through R_se, less the sky loss.
  for (const OpaqueElement& e : c.opaque) {
    climate::surface_irradiance_hours(weather, hours, e.orientation, ground_albedo, irradiance);
    const double per_w_per_m2 = hourly::opaque_solar_aperture_m2(outer_surface, e.u_w_per_m2k, e.area_m2);
    const double sky = sky_loss_w(e.sky_form_factor, e.u_w_per_m2k, e.area_m2);
    for (std::size_t i = 0; i < n; ++i) gains[i] += per_w_per_m2 * irradiance[i] - sky;
  }
  // The window: g at normal incidence times the angular factor, on the beam at its angle of
  // incidence, on the diffuse sky and ground light averaged over the hemisphere (as the
  // reference programs do; the Modelica mapping of §2.4 let diffuse light pass at normal
  // incidence, which lets in 13 % too much of it: docs/validation.md).
  const double window_sky = sky_loss_w(window_sky_form_factor, c.window_u_w_per_m2k, c.window_area_m2);
  const double diffuse_factor = diffuse_incidence_factor();
  for (std::size_t i = 0; i < n; ++i) {
    const climate::SunPosition sun{hours.zenith_rad[i], hours.azimuth_rad[i]};
    const climate::PerezSky sky{hours.circumsolar_f1[i], hours.horizon_f2[i], 0};
    const climate::SurfaceIrradiance on_window = climate::surface_irradiance(
        sun, sky, weather.direct_normal_w_per_m2[i], weather.diffuse_horizontal_w_per_m2[i],
        weather.global_horizontal_w_per_m2[i], c.window, ground_albedo);
    const double cos_theta = climate::cos_incidence(sun, c.window.tilt_rad, c.window.azimuth_rad);
    const double beam_factor = cos_theta > 0.0 ? beam_incidence_factor(std::acos(cos_theta)) : 0.0;
    const double transmitted = on_window.beam_w_per_m2 * beam_factor +
                               diffuse_factor * (on_window.sky_diffuse_w_per_m2 + on_window.ground_w_per_m2);
    gains[i] += c.window_g * c.window_area_m2 * transmitted - window_sky;
  }
  return gains;
}

BestestResult run_bestest(const BestestCase& c, const HourlyWeather& weather,
                          const climate::SolarHours& hours) {
  namespace iso = hourly::iso13790;
  const std::vector<double> solar = solar_gains_w(c, weather, hours);
  const hourly::RcNetwork network = hourly::iso13790_network(c.network);
  const hourly::IdealLoads loads(network, iso::air_node, iso::air_input, c.network.floor_area_m2);
  // Free float: set-points no hour reaches, so the loads never act.
  const hourly::SetPoints set = c.set_points.value_or(hourly::SetPoints{-unlimited_w, unlimited_w});
  const hourly::PowerLimits limits{unlimited_w, unlimited_w};

  std::array<double, 1> state{20.0}, next{};
  std::array<double, 3> nodes{};
  BestestResult r;
  constexpr int passes = 2;  // the first pass only sets the starting state of the second
  for (int pass = 0; pass < passes; ++pass) {
    const bool reported = pass == passes - 1;
    double heating_wh = 0.0, cooling_wh = 0.0, air_sum = 0.0;
    r.min_air_c = std::numeric_limits<double>::infinity();
    r.max_air_c = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < weather.size(); ++i) {
      const double outdoor = weather.dry_bulb_c[i];
      const auto u = hourly::iso13790_inputs(hourly::split_gains(c.network, c.internal_gains_w, solar[i]),
                                             outdoor, outdoor);
      const hourly::HourLoad hour = loads.step(state, u, set, limits, next, nodes);
      state = next;
      if (!reported) continue;
      const double air = nodes[iso::air_node];
      if (hour.power_w > 0.0) heating_wh += hour.power_w;
      if (hour.power_w < 0.0) cooling_wh -= hour.power_w;
      if (hour.power_w / 1000.0 > r.peak_heating_kw) {
        r.peak_heating_kw = hour.power_w / 1000.0;
        r.peak_heating_hour = i;
      }
      if (-hour.power_w / 1000.0 > r.peak_cooling_kw) {
        r.peak_cooling_kw = -hour.power_w / 1000.0;
        r.peak_cooling_hour = i;
      }
      if (air < r.min_air_c) {
        r.min_air_c = air;
        r.min_air_hour = i;
      }
      if (air > r.max_air_c) {
        r.max_air_c = air;
        r.max_air_hour = i;
      }
      air_sum += air;
    }
    r.heating_mwh = heating_wh / 1.0e6;
    r.cooling_mwh = cooling_wh / 1.0e6;
    r.mean_air_c = weather.size() > 0 ? air_sum / static_cast<double>(weather.size()) : 0.0;
  }
  return r;
}

}  // namespace coron::bestest
