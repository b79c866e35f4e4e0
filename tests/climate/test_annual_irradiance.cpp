#include "climate/solar_hours.hpp"
#include "io/epw_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <numeric>
#include <string>
#include <vector>

namespace coron::climate {
namespace {

constexpr double pi = std::numbers::pi;

// Annual incident solar on the ASHRAE 140 Case 600 surfaces from the 725650TYCST weather file
// (Denver), ground albedo 0.2 (thermal-reference.md §2.4), against the range of the reference
// programs of ASHRAE 140-2020 (thermal-reference.md §2.2, kWh/m2): horizontal 1662-1670,
// north 399-477, east 1017-1068, south 1291-1387, west 903-997. The horizontal is the one
// exception: it is built from the direct normal and diffuse columns (DNI cos Z + DHI), and
// the file's own global horizontal column sums to 1670.22 kWh/m2 (the awk line of
// test_epw_reader.cpp), already above the range's 1670; so the horizontal is held to within
// 0.1 % of the file's global horizontal instead, and its distance to the range is printed.
TEST(AnnualIrradiance, Ashrae140SurfacesFallInTheReferenceRanges) {
  const HourlyWeather w = io::read_epw(std::string(CORON_TEST_DATA_DIR) + "/weather/725650TYCST.epw");
  const SolarHours hours = solar_hours(w);
  struct Face {
    const char* name;
    double tilt_deg;
    double azimuth_deg;
    double low_kwh;
    double high_kwh;
  };
  const std::array<Face, 5> faces = {{{"horizontal", 0.0, 0.0, 1662.0, 1670.0},
                                      {"north", 90.0, 0.0, 399.0, 477.0},
                                      {"east", 90.0, 90.0, 1017.0, 1068.0},
                                      {"south", 90.0, 180.0, 1291.0, 1387.0},
                                      {"west", 90.0, 270.0, 903.0, 997.0}}};
  std::vector<double> hourly(w.size());
  for (const Face& f : faces) {
    surface_irradiance_hours(w, hours, {f.tilt_deg * pi / 180.0, f.azimuth_deg * pi / 180.0}, 0.2, hourly);
    const double annual_kwh = std::accumulate(hourly.begin(), hourly.end(), 0.0) / 1000.0;
    std::printf("[ annual   ] %-10s %7.1f kWh/m2  (ASHRAE 140-2020 reference programs %.0f-%.0f)\n", f.name,
                annual_kwh, f.low_kwh, f.high_kwh);
    RecordProperty(std::string("annual_kwh_per_m2_") + f.name, std::to_string(annual_kwh));
    if (f.tilt_deg == 0.0) {
      const double file_ghi_kwh = 1670.220;
      EXPECT_NEAR(annual_kwh, file_ghi_kwh, 1e-3 * file_ghi_kwh);
      continue;
    }
    EXPECT_GE(annual_kwh, f.low_kwh) << f.name;
    EXPECT_LE(annual_kwh, f.high_kwh) << f.name;
  }
}

// thermal-reference.md §6: an isotropic sky underestimates the irradiance of facades. The same
// hours with the Perez coefficients set to zero (an isotropic sky) give the sunlit facades
// (east, south, west) less, the south one below the reference programs' range, and the north
// facade more: it faces away from the circumsolar disc, which the isotropic sky spreads over
// the whole dome.
TEST(AnnualIrradiance, IsotropicSkyGivesTheFacadesLess) {
  const HourlyWeather w = io::read_epw(std::string(CORON_TEST_DATA_DIR) + "/weather/725650TYCST.epw");
  const SolarHours perez = solar_hours(w);
  SolarHours isotropic = perez;
  std::fill(isotropic.circumsolar_f1.begin(), isotropic.circumsolar_f1.end(), 0.0);
  std::fill(isotropic.horizon_f2.begin(), isotropic.horizon_f2.end(), 0.0);
  std::vector<double> hourly(w.size());
  const auto annual_kwh = [&](const SolarHours& hours, double azimuth_deg) {
    surface_irradiance_hours(w, hours, {pi / 2.0, azimuth_deg * pi / 180.0}, 0.2, hourly);
    return std::accumulate(hourly.begin(), hourly.end(), 0.0) / 1000.0;
  };
  for (const double azimuth : {0.0, 90.0, 180.0, 270.0}) {
    const double anisotropic = annual_kwh(perez, azimuth);
    const double flat = annual_kwh(isotropic, azimuth);
    std::printf("[ annual   ] facade %3.0f deg: Perez %7.1f, isotropic %7.1f kWh/m2 (%+.1f %%)\n", azimuth,
                anisotropic, flat, 100.0 * (flat / anisotropic - 1.0));
    if (azimuth == 0.0)
      EXPECT_GT(flat, anisotropic);
    else
      EXPECT_LT(flat, anisotropic) << azimuth;
  }
  EXPECT_LT(annual_kwh(isotropic, 180.0), 1291.0);
}

}  // namespace
}  // namespace coron::climate
