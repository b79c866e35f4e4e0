#include "climate/solar_hours.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace coron::climate {

namespace {
constexpr double pi = std::numbers::pi;
constexpr double half_hour_rad = pi / 24.0;  // the sun turns 15 degrees an hour
}  // namespace

double sunlit_hour_angle_rad(double mid_hour_angle_rad, double latitude_rad,
                             double declination_rad) noexcept {
  // Sunset hour angle: cos(omega_s) = -tan(latitude) tan(declination) (D&B eq. 1.6.10).
  const double cos_sunset = -std::tan(latitude_rad) * std::tan(declination_rad);
  if (cos_sunset <= -1.0 || cos_sunset >= 1.0) return mid_hour_angle_rad;  // polar day or night
  const double sunset = std::acos(cos_sunset);
  const double start = std::max(mid_hour_angle_rad - half_hour_rad, -sunset);
  const double end = std::min(mid_hour_angle_rad + half_hour_rad, sunset);
  if (start >= end) return mid_hour_angle_rad;  // down all hour
  return (start + end) / 2.0;
}

SolarHours solar_hours(const HourlyWeather& weather) {
  const std::size_t n = weather.size();
  SolarHours out;
  out.zenith_rad.resize(n);
  out.azimuth_rad.resize(n);
  out.circumsolar_f1.resize(n);
  out.horizon_f2.resize(n);
  const WeatherStation& station = weather.station;
  const double latitude = station.latitude_deg * pi / 180.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double mid_hour = weather.hour[i] - 0.5;  // the row is the hour ending at `hour`
    // The year of the row: a typical year's months come from different years, each measured
    // under its own year's sun.
    const SolarEphemeris e = solar_ephemeris(
        days_since_j2000(weather.year[i], weather.month[i], weather.day[i], mid_hour - station.time_zone_h));
    const double declination = e.declination_rad;
    double mid_angle =
        hour_angle_rad(mid_hour, station.longitude_deg, station.time_zone_h, e.equation_of_time_min);
    mid_angle = std::remainder(mid_angle, 2.0 * pi);  // into [-pi, pi]: solar midnight at +-pi
    const SunPosition sun =
        sun_position(latitude, declination, sunlit_hour_angle_rad(mid_angle, latitude, declination));
    const PerezSky sky = perez_sky(weather.diffuse_horizontal_w_per_m2[i], weather.direct_normal_w_per_m2[i],
                                   sun.zenith_rad, extraterrestrial_normal_w_per_m2(e.earth_sun_distance_au));
    out.zenith_rad[i] = sun.zenith_rad;
    out.azimuth_rad[i] = sun.azimuth_rad;
    out.circumsolar_f1[i] = sky.circumsolar_f1;
    out.horizon_f2[i] = sky.horizon_f2;
  }
  return out;
}

void surface_irradiance_hours(const HourlyWeather& weather, const SolarHours& hours,
                              SurfaceOrientation surface, double albedo,
                              std::span<double> out_w_per_m2) noexcept {
  CORON_ASSERT(hours.size() == weather.size() && out_w_per_m2.size() == weather.size());
  for (std::size_t i = 0; i < weather.size(); ++i) {
    const SunPosition sun{hours.zenith_rad[i], hours.azimuth_rad[i]};
    const PerezSky sky{hours.circumsolar_f1[i], hours.horizon_f2[i], 0};
    out_w_per_m2[i] = surface_irradiance(sun, sky, weather.direct_normal_w_per_m2[i],
                                         weather.diffuse_horizontal_w_per_m2[i],
                                         weather.global_horizontal_w_per_m2[i], surface, albedo)
                          .total_w_per_m2();
  }
}

}  // namespace coron::climate
