#pragma once
#include "climate/sky_transposition.hpp"

#include "coron/weather.hpp"

#include <span>
#include <vector>

// The sun and the sky of every hour of a weather year, computed once, then the irradiance
// on any number of surfaces from them (docs/model-weather.md). An EPW row holds what fell
// during the hour ending at its time, so the sun is placed at the middle of the part of that
// hour when it is above the horizon: the middle of the hour in daytime, later in the
// sunrise hour and earlier in the sunset hour, so that the beam of those hours meets the
// facades from where it came.

namespace coron::climate {

/// One position and one Perez sky per hour of a weather year, structure of arrays.
struct SolarHours {
  std::vector<double> zenith_rad;   ///< above pi/2 when the sun stays below the horizon all hour
  std::vector<double> azimuth_rad;  ///< compass bearing
  std::vector<double> circumsolar_f1;
  std::vector<double> horizon_f2;
  [[nodiscard]] std::size_t size() const noexcept { return zenith_rad.size(); }
};

/// The hour angle (rad) at which to place the sun for the hour centred on `mid_hour_angle_rad`
/// (an hour spans pi/12) at `latitude_rad` when the declination is `declination_rad`: the
/// middle of the sunlit part of the hour, or `mid_hour_angle_rad` itself when the sun is up
/// all hour or down all hour. Pure, thread-safe.
[[nodiscard]] double sunlit_hour_angle_rad(double mid_hour_angle_rad, double latitude_rad,
                                           double declination_rad) noexcept;

/// Sun positions and Perez skies of each hour of `weather`. Thread-safe.
[[nodiscard]] SolarHours solar_hours(const HourlyWeather& weather);

/// Total irradiance (W/m2: beam + Perez sky diffuse + ground reflected with `albedo`) on
/// `surface` for each hour of `weather`, written to `out_w_per_m2` (weather.size() values).
/// No allocation. Thread-safe.
void surface_irradiance_hours(const HourlyWeather& weather, const SolarHours& hours,
                              SurfaceOrientation surface, double albedo,
                              std::span<double> out_w_per_m2) noexcept;

}  // namespace coron::climate
