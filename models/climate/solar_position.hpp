#pragma once
#include "coron/weather.hpp"

// Where the sun is, from the date, the local standard time and the site (docs/model-weather.md).
// The sun's declination, equation of time and distance come from the low-precision solar
// coordinates of the Astronomical Almanac (Michalsky, "The Astronomical Almanac's algorithm for
// approximate solar position (1950-2050)", Solar Energy 40(3), 227-235, 1988; the same formulas
// head the almanac's section C): about 0.01 deg from NREL's SPA over 1950-2050, where Spencer's
// generic-year series (Duffie & Beckman eq. 1.6.1b) errs by up to 0.4 deg in a given year. The
// rest is Duffie & Beckman, Solar Engineering of Thermal Processes (4th ed., 2013), ch. 1: solar
// time (eq. 1.5.2), zenith (eq. 1.6.5) and azimuth (eq. 1.6.6, written here as an atan2).
// Angles in radians unless a name says degrees; azimuths are compass bearings, clockwise from
// north (east pi/2, south pi, west 3pi/2), for the sun and for the outward normal of a surface
// alike. Every function is pure and thread-safe.

namespace coron::climate {

/// Solar constant (W/m2) of Duffie & Beckman, the value the Perez model was fitted with.
inline constexpr double solar_constant_w_per_m2 = 1367.0;

/// Days from J2000.0 (1 January 2000, 12:00 UT) to `ut_hours` hours (UT) of the given
/// Gregorian date (Meeus, Astronomical Algorithms, 2nd ed., eq. 7.1).
[[nodiscard]] double days_since_j2000(int year, int month, int day, double ut_hours) noexcept;

/// The sun's coordinates that set its position over a site.
struct SolarEphemeris {
  double declination_rad = 0.0;
  double equation_of_time_min = 0.0;  ///< apparent solar time minus mean solar time
  double earth_sun_distance_au = 1.0;
};

/// The sun `days` after J2000.0 (Michalsky 1988).
[[nodiscard]] SolarEphemeris solar_ephemeris(double days) noexcept;

/// Irradiance on a plane normal to the sun outside the atmosphere (W/m2) at `earth_sun_distance_au`.
[[nodiscard]] double extraterrestrial_normal_w_per_m2(double earth_sun_distance_au) noexcept;

/// Hour angle (rad, 0 at solar noon, afternoon positive) at `standard_time_h` of a site at
/// `longitude_deg` (east positive) in `time_zone_h`, given the equation of time: D&B eq. 1.5.2
/// with east-positive longitudes, solar time = standard time + 4 min/deg (longitude - 15 x zone) + E.
[[nodiscard]] double hour_angle_rad(double standard_time_h, double longitude_deg, double time_zone_h,
                                    double equation_of_time_min) noexcept;

/// The sun's direction.
struct SunPosition {
  double zenith_rad = 0.0;   ///< from the vertical; above pi/2 the sun is below the horizon
  double azimuth_rad = 0.0;  ///< compass bearing of the sun, clockwise from north
};

/// The sun seen at `latitude_rad` when its declination is `declination_rad` and the hour
/// angle `hour_angle_rad` (D&B eqs. 1.6.5 and 1.6.6).
[[nodiscard]] SunPosition sun_position(double latitude_rad, double declination_rad,
                                       double hour_angle_rad) noexcept;

/// The sun over `station` at `standard_time_h` (local standard time, hours) of the date.
[[nodiscard]] SunPosition sun_position_at(const WeatherStation& station, int year, int month, int day,
                                          double standard_time_h) noexcept;

/// Cosine of the angle between the sun and the outward normal of a surface tilted `tilt_rad`
/// from horizontal (0 faces up, pi/2 is a wall) and facing `surface_azimuth_rad` (compass);
/// negative when the sun is behind the surface (D&B eq. 1.6.3 in zenith/azimuth form).
[[nodiscard]] double cos_incidence(const SunPosition& sun, double tilt_rad,
                                   double surface_azimuth_rad) noexcept;

/// Relative optical air mass at `zenith_rad` (Kasten & Young 1989, Applied Optics 28(22)),
/// finite up to the horizon (about 38 there); not corrected for pressure, as Perez uses it.
[[nodiscard]] double relative_air_mass(double zenith_rad) noexcept;

}  // namespace coron::climate
