#include "climate/reference_sky.hpp"
#include "climate/solar_hours.hpp"
#include "climate/solar_position.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

namespace coron::climate {
namespace {

constexpr double pi = std::numbers::pi;
double rad(double deg) { return deg * pi / 180.0; }
double deg(double rad) { return rad * 180.0 / pi; }

// NREL's Solar Position Algorithm (Reda & Andreas, NREL/TP-560-34302, 2003, rev. 2008), its
// worked example: 17 October 2003, 12:30:30 local standard time (zone -7), latitude 39.742476,
// longitude -105.1786, a 30-degree slope turned 10 degrees east of south. SPA gives the
// geocentric declination -9.31434 deg, the equation of time 14.641503 min, and the topocentric
// zenith 50.11162 deg, azimuth 194.34024 deg and incidence 25.18700 deg. Its zenith includes
// the refraction of the example's 820 mbar and 11 degC air, about 0.016 deg, which ours leaves
// out (the irradiance of a weather file is what reached the ground already): hence 0.03 deg.
TEST(SolarPosition, MatchesTheNrelSpaExample) {
  WeatherStation golden;
  golden.latitude_deg = 39.742476;
  golden.longitude_deg = -105.1786;
  golden.time_zone_h = -7.0;
  const double time_h = 12.0 + 30.0 / 60.0 + 30.0 / 3600.0;
  const SolarEphemeris e = solar_ephemeris(days_since_j2000(2003, 10, 17, time_h + 7.0));
  EXPECT_NEAR(deg(e.declination_rad), -9.31434, 0.005);
  EXPECT_NEAR(e.equation_of_time_min, 14.641503, 0.05);
  const SunPosition sun = sun_position_at(golden, 2003, 10, 17, time_h);
  EXPECT_NEAR(deg(sun.zenith_rad), 50.11162, 0.03);
  EXPECT_NEAR(deg(sun.azimuth_rad), 194.34024, 0.03);
  const double incidence = deg(std::acos(cos_incidence(sun, rad(30.0), rad(170.0))));
  EXPECT_NEAR(incidence, 25.18700, 0.03);
}

// J2000.0 itself, and Meeus's Example 7.a: 4 October 1957 19:26:24 UT is JD 2436116.31.
TEST(SolarPosition, DaysSinceJ2000) {
  EXPECT_DOUBLE_EQ(days_since_j2000(2000, 1, 1, 12.0), 0.0);
  EXPECT_NEAR(days_since_j2000(1957, 10, 4, 19.44) + 2451545.0, 2436116.31, 1e-6);
  EXPECT_DOUBLE_EQ(days_since_j2000(2001, 3, 1, 0.0) - days_since_j2000(2001, 2, 28, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(days_since_j2000(2004, 3, 1, 0.0) - days_since_j2000(2004, 2, 28, 0.0), 2.0);
}

// Duffie & Beckman (4th ed.) Example 1.6.1, at latitude 43 deg: (a) 13 February 9:30 solar
// time, declination -14 deg, hour angle -37.5 deg: zenith 66.5 deg, azimuth -40.0 deg (east of
// south, compass 140); (b) 1 July 18:30, declination 23.1 deg, hour angle 97.5 deg: zenith
// 79.6 deg, azimuth 112.0 deg west of south (compass 292). The book rounds to 0.1 deg and
// carries its rounded zenith into the azimuth formula (with 66.5 exactly, eq. 1.6.6 gives
// -39.98 deg; with the unrounded 66.47 deg, -40.08 deg): hence 0.1 deg.
TEST(SolarPosition, MatchesDuffieBeckmanExample161) {
  SunPosition a = sun_position(rad(43.0), rad(-14.0), rad(-37.5));
  EXPECT_NEAR(deg(a.zenith_rad), 66.5, 0.05);
  EXPECT_NEAR(deg(a.azimuth_rad), 140.0, 0.1);
  SunPosition b = sun_position(rad(43.0), rad(23.1), rad(97.5));
  EXPECT_NEAR(deg(b.zenith_rad), 79.6, 0.05);
  EXPECT_NEAR(deg(b.azimuth_rad), 292.0, 0.1);
}

// Equinox, solar noon: the sun stands due south at a zenith equal to the latitude, and a
// south wall sees it at incidence 90 - latitude; an east wall sees it edge on.
TEST(SolarPosition, EquinoxNoonHandCase) {
  const SunPosition sun = sun_position(rad(50.57), 0.0, 0.0);
  EXPECT_NEAR(deg(sun.zenith_rad), 50.57, 1e-12);
  EXPECT_NEAR(deg(sun.azimuth_rad), 180.0, 1e-12);
  EXPECT_NEAR(cos_incidence(sun, rad(90.0), rad(180.0)), std::sin(rad(50.57)), 1e-12);
  EXPECT_NEAR(cos_incidence(sun, rad(90.0), rad(90.0)), 0.0, 1e-12);
  EXPECT_NEAR(cos_incidence(sun, 0.0, 0.0), std::cos(rad(50.57)), 1e-12);
}

// The position against Duffie & Beckman's printed formulas (reference_sky.cpp), over
// latitudes of both hemispheres, every declination of the year and hour angles of the day.
TEST(SolarPosition, AgreesWithThePrintedFormulasOverAPopulation) {
  std::mt19937_64 rng(140);
  std::uniform_real_distribution<double> latitude(-66.0, 66.0);
  std::uniform_real_distribution<double> declination(-23.45, 23.45);
  std::uniform_real_distribution<double> hour(-179.0, 179.0);
  int compared = 0;
  for (int k = 0; k < 5000; ++k) {
    const double lat = latitude(rng);
    const double dec = declination(rng);
    const double w = hour(rng);
    double zenith = 0.0;
    double azimuth = 0.0;
    test::reference_sun(lat, dec, w, zenith, azimuth);
    if (zenith < 0.5) continue;  // the azimuth of a sun at the zenith is undefined
    const SunPosition sun = sun_position(rad(lat), rad(dec), rad(w));
    ASSERT_NEAR(deg(sun.zenith_rad), zenith, 1e-7) << lat << " " << dec << " " << w;
    ASSERT_NEAR(deg(sun.azimuth_rad), azimuth, 1e-6) << lat << " " << dec << " " << w;
    ++compared;
  }
  EXPECT_GT(compared, 4900);
}

// Solar time: at longitude -105 in zone -7 (its own meridian) standard time is solar time but
// for the equation of time; 5 degrees east it runs 20 minutes ahead.
TEST(SolarPosition, HourAngleFromStandardTime) {
  EXPECT_NEAR(deg(hour_angle_rad(12.0, -105.0, -7.0, 0.0)), 0.0, 1e-12);
  EXPECT_NEAR(deg(hour_angle_rad(12.0, -100.0, -7.0, 0.0)), 5.0, 1e-12);
  EXPECT_NEAR(deg(hour_angle_rad(13.0, -105.0, -7.0, 10.0)), 15.0 + 2.5, 1e-12);
}

// The sunlit part of an hour: at the equinox the sun sets at hour angle 90 deg, so the hour
// centred on 90 deg (82.5 to 97.5) is lit from 82.5 to 90: its sun is placed at 86.25 deg.
// A daytime hour keeps its middle; an hour after sunset keeps its (night) middle.
TEST(SolarHours, SunIsPlacedInTheSunlitPartOfTheHour) {
  EXPECT_NEAR(deg(sunlit_hour_angle_rad(rad(90.0), rad(45.0), 0.0)), 86.25, 1e-9);
  EXPECT_NEAR(deg(sunlit_hour_angle_rad(rad(-90.0), rad(45.0), 0.0)), -86.25, 1e-9);
  EXPECT_NEAR(deg(sunlit_hour_angle_rad(rad(30.0), rad(45.0), 0.0)), 30.0, 1e-12);
  EXPECT_NEAR(deg(sunlit_hour_angle_rad(rad(120.0), rad(45.0), 0.0)), 120.0, 1e-12);
  // Midsummer beyond the polar circle: never sets, the middle is kept.
  EXPECT_NEAR(deg(sunlit_hour_angle_rad(rad(175.0), rad(70.0), rad(23.0))), 175.0, 1e-12);
}

// Extraterrestrial irradiance goes as the inverse square of the Earth-Sun distance: in 2003
// 0.98329 AU at perihelion (4 January, 05 UT) and 1.01671 AU at aphelion (4 July, 06 UT), so
// 1367 W/m2 times 1.03426 and 0.96740 (1413.86 and 1322.43 W/m2).
TEST(SolarPosition, ExtraterrestrialIrradianceOverTheYear) {
  const auto at = [](int month, int day, double ut) {
    return extraterrestrial_normal_w_per_m2(
        solar_ephemeris(days_since_j2000(2003, month, day, ut)).earth_sun_distance_au);
  };
  EXPECT_NEAR(at(1, 4, 5.0), 1413.86, 0.5);
  EXPECT_NEAR(at(7, 4, 6.0), 1322.43, 0.5);
}

}  // namespace
}  // namespace coron::climate
