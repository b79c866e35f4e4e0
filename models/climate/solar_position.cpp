#include "climate/solar_position.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace coron::climate {

namespace {
constexpr double pi = std::numbers::pi;
constexpr double rad_per_deg = pi / 180.0;
}  // namespace

double days_since_j2000(int year, int month, int day, double ut_hours) noexcept {
  // Meeus eq. 7.1: January and February count as months 13 and 14 of the year before.
  if (month <= 2) {
    year -= 1;
    month += 12;
  }
  const int century = year / 100;
  const int gregorian = 2 - century + century / 4;
  const double julian_day = std::floor(365.25 * (year + 4716)) + std::floor(30.6001 * (month + 1)) + day +
                            gregorian - 1524.5 + ut_hours / 24.0;
  return julian_day - 2451545.0;
}

SolarEphemeris solar_ephemeris(double days) noexcept {
  // Michalsky 1988: mean longitude and mean anomaly, ecliptic longitude, obliquity, then right
  // ascension and declination (degrees in the formulas).
  const double mean_longitude = std::fmod(280.460 + 0.9856474 * days, 360.0);
  const double anomaly = std::fmod(357.528 + 0.9856003 * days, 360.0) * rad_per_deg;
  const double longitude =
      (mean_longitude + 1.915 * std::sin(anomaly) + 0.020 * std::sin(2.0 * anomaly)) * rad_per_deg;
  const double obliquity = (23.439 - 0.0000004 * days) * rad_per_deg;
  const double right_ascension = std::atan2(std::cos(obliquity) * std::sin(longitude), std::cos(longitude));
  SolarEphemeris e;
  e.declination_rad = std::asin(std::sin(obliquity) * std::sin(longitude));
  // The equation of time is the mean longitude minus the right ascension, 4 minutes a degree.
  e.equation_of_time_min = 4.0 * std::remainder(mean_longitude - right_ascension / rad_per_deg, 360.0);
  e.earth_sun_distance_au = 1.00014 - 0.01671 * std::cos(anomaly) - 0.00014 * std::cos(2.0 * anomaly);
  return e;
}

double extraterrestrial_normal_w_per_m2(double earth_sun_distance_au) noexcept {
  return solar_constant_w_per_m2 / (earth_sun_distance_au * earth_sun_distance_au);
}

double hour_angle_rad(double standard_time_h, double longitude_deg, double time_zone_h,
                      double equation_of_time_min) noexcept {
  const double solar_time_h =
      standard_time_h + (4.0 * (longitude_deg - 15.0 * time_zone_h) + equation_of_time_min) / 60.0;
  return (solar_time_h - 12.0) * 15.0 * rad_per_deg;
}

SunPosition sun_position(double latitude_rad, double declination_rad, double hour_angle_rad) noexcept {
  const double sin_lat = std::sin(latitude_rad);
  const double cos_lat = std::cos(latitude_rad);
  const double sin_dec = std::sin(declination_rad);
  const double cos_dec = std::cos(declination_rad);
  const double cos_hour = std::cos(hour_angle_rad);
  // The unit vector to the sun in (east, north, up): D&B eq. 1.6.5 is its up component and
  // eq. 1.6.6 the bearing of its horizontal part, taken here with atan2 so that no quadrant
  // rule is needed.
  const double up = sin_lat * sin_dec + cos_lat * cos_dec * cos_hour;
  const double east = -cos_dec * std::sin(hour_angle_rad);
  const double north = cos_lat * sin_dec - sin_lat * cos_dec * cos_hour;
  SunPosition sun;
  sun.zenith_rad = std::acos(std::clamp(up, -1.0, 1.0));
  double azimuth = std::atan2(east, north);
  if (azimuth < 0.0) azimuth += 2.0 * pi;
  sun.azimuth_rad = azimuth;
  return sun;
}

SunPosition sun_position_at(const WeatherStation& station, int year, int month, int day,
                            double standard_time_h) noexcept {
  const SolarEphemeris e =
      solar_ephemeris(days_since_j2000(year, month, day, standard_time_h - station.time_zone_h));
  const double hour =
      hour_angle_rad(standard_time_h, station.longitude_deg, station.time_zone_h, e.equation_of_time_min);
  return sun_position(station.latitude_deg * rad_per_deg, e.declination_rad, hour);
}

double cos_incidence(const SunPosition& sun, double tilt_rad, double surface_azimuth_rad) noexcept {
  return std::cos(sun.zenith_rad) * std::cos(tilt_rad) +
         std::sin(sun.zenith_rad) * std::sin(tilt_rad) * std::cos(sun.azimuth_rad - surface_azimuth_rad);
}

double relative_air_mass(double zenith_rad) noexcept {
  const double zenith_deg = std::min(zenith_rad / rad_per_deg, 90.0);
  return 1.0 / (std::cos(zenith_deg * rad_per_deg) + 0.50572 * std::pow(96.07995 - zenith_deg, -1.6364));
}

}  // namespace coron::climate
