#include "climate/reference_sky.hpp"
#include "climate/sky_transposition.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <numbers>
#include <random>

namespace coron::climate {
namespace {

constexpr double pi = std::numbers::pi;
double rad(double deg) { return deg * pi / 180.0; }

SurfaceIrradiance on(double zenith_deg, double sun_azimuth_deg, double dni, double dhi, double ghi,
                     double tilt_deg, double surface_azimuth_deg, double albedo, double i0 = 1367.0) {
  const SunPosition sun{rad(zenith_deg), rad(sun_azimuth_deg)};
  const PerezSky sky = perez_sky(dhi, dni, sun.zenith_rad, i0);
  return surface_irradiance(sun, sky, dni, dhi, ghi, {rad(tilt_deg), rad(surface_azimuth_deg)}, albedo);
}

// Vertical south facade at solar noon, equinox, Lille (latitude 50.57): the sun due south at
// zenith Z = 50.57 deg = 0.882613 rad; DNI 800, DHI 100 W/m2, so GHI = 800 cos Z + 100 =
// 608.108; extraterrestrial 1367 W/m2, albedo 0.2. By hand (Perez et al. 1990):
//   clearness  eps = ((100 + 800)/100 + 1.041 Z^3) / (1 + 1.041 Z^3) = 9.715751 / 1.715751
//                  = 5.66268  -> bin 7 (4.5 .. 6.2)
//   air mass   m = 1 / (cos Z + 0.50572 (96.07995 - 50.57)^-1.6364) = 1.572046
//   brightness Delta = 100 m / 1367 = 0.115000
//   F1 = 1.060 - 1.600 Delta - 0.359 Z = 0.559142;  F2 = 0.264 - 1.127 Delta + 0.131 Z = 0.250018
//   beam   = 800 cos(theta) = 800 sin Z = 617.9209        (cos theta = sin Z facing the sun)
//   sky    = 100 [(1 - F1)/2 + F1 sin Z / cos Z + F2]  = 115.0431
//   ground = 608.108 x 0.2 x (1 - cos 90)/2           = 60.8108
//   total  = 793.7748 W/m2 (an isotropic sky would give 617.92 + 50 + 60.81 = 728.73)
TEST(SkyTransposition, SouthFacadeAtSolarNoonHandCase) {
  const double z = rad(50.57);
  const double ghi = 800.0 * std::cos(z) + 100.0;
  const PerezSky sky = perez_sky(100.0, 800.0, z, 1367.0);
  EXPECT_EQ(sky.clearness_bin, 7);
  EXPECT_NEAR(sky.circumsolar_f1, 0.559142, 1e-6);
  EXPECT_NEAR(sky.horizon_f2, 0.250018, 1e-6);
  const SurfaceIrradiance s = on(50.57, 180.0, 800.0, 100.0, ghi, 90.0, 180.0, 0.2);
  EXPECT_NEAR(s.beam_w_per_m2, 617.9209, 1e-4);
  EXPECT_NEAR(s.sky_diffuse_w_per_m2, 115.0431, 1e-4);
  EXPECT_NEAR(s.ground_w_per_m2, 60.8108, 1e-4);
  EXPECT_NEAR(s.total_w_per_m2(), 793.7748, 1e-4);
}

// A horizontal plane sees the whole sky and no ground: with the sun above 5 deg of elevation
// (where the circumsolar ratio is exactly 1) it receives DNI cos Z + DHI, the global horizontal.
TEST(SkyTransposition, HorizontalSurfaceGetsTheGlobalHorizontal) {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> zenith(0.0, 84.9), azimuth(0.0, 360.0), dni(0.0, 1000.0),
      dhi(0.0, 500.0), albedo(0.0, 0.9);
  for (int k = 0; k < 2000; ++k) {
    const double z = zenith(rng);
    const double b = dni(rng);
    const double d = dhi(rng);
    const double ghi = b * std::cos(rad(z)) + d;
    const SurfaceIrradiance s = on(z, azimuth(rng), b, d, ghi, 0.0, azimuth(rng), albedo(rng));
    ASSERT_NEAR(s.total_w_per_m2(), ghi, 1e-9 * std::max(1.0, ghi)) << z << " " << b << " " << d;
    ASSERT_EQ(s.ground_w_per_m2, 0.0);
  }
}

// A surface turned away from the sun gets no beam and no circumsolar light, only the sky and
// the ground it sees; a sun below the horizon lights no surface directly.
TEST(SkyTransposition, SurfaceFacingAwayGetsNoBeam) {
  // Sun due south at zenith 40: the north wall and a roof tilted 60 deg to the north.
  const double ghi = 700.0 * std::cos(rad(40.0)) + 150.0;
  const SurfaceIrradiance north = on(40.0, 180.0, 700.0, 150.0, ghi, 90.0, 0.0, 0.2);
  EXPECT_EQ(north.beam_w_per_m2, 0.0);
  EXPECT_GT(north.sky_diffuse_w_per_m2, 0.0);
  const SurfaceIrradiance roof = on(40.0, 180.0, 700.0, 150.0, ghi, 60.0, 0.0, 0.2);
  EXPECT_EQ(roof.beam_w_per_m2, 0.0);
  // The same north wall under an isotropic sky of the same diffuse: no circumsolar gain, so the
  // Perez sky (whose F1 removes part of the dome) gives it less than DHI/2 + the horizon band.
  const PerezSky sky = perez_sky(150.0, 700.0, rad(40.0), 1367.0);
  EXPECT_NEAR(north.sky_diffuse_w_per_m2, 150.0 * ((1.0 - sky.circumsolar_f1) / 2.0 + sky.horizon_f2), 1e-9);
  // Sun below the horizon: no beam anywhere, the sky is isotropic.
  for (const double azimuth : {0.0, 90.0, 180.0, 270.0}) {
    const SurfaceIrradiance s = on(95.0, 270.0, 50.0, 20.0, 20.0, 90.0, azimuth, 0.2);
    EXPECT_EQ(s.beam_w_per_m2, 0.0);
    EXPECT_NEAR(s.sky_diffuse_w_per_m2, 10.0, 1e-12);
  }
}

// The fast path against the scalar transcription of the paper (reference_sky.cpp) over a
// population of suns, skies and planes (tilts from facing up to facing down) that reaches
// every clearness bin.
TEST(SkyTransposition, PerezAgreesWithTheReferenceOverAPopulation) {
  std::mt19937_64 rng(1990);
  std::uniform_real_distribution<double> zenith(0.0, 89.9), azimuth(0.0, 360.0), tilt(0.0, 180.0),
      albedo(0.0, 0.8), i0(1321.0, 1414.0), unit(0.0, 1.0);
  std::array<int, 9> bins{};
  for (int k = 0; k < 20000; ++k) {
    const double z = zenith(rng);
    // Skies from overcast (little beam) to very clear (little diffuse): the ratio spans bins.
    const double dhi = 1.0 + 400.0 * unit(rng);
    const double dni = dhi * 12.0 * unit(rng) * unit(rng);
    const double ghi = dni * std::cos(rad(z)) + dhi;
    const double sun_az = azimuth(rng);
    const double t = tilt(rng);
    const double surf_az = azimuth(rng);
    const double a = albedo(rng);
    const double e = i0(rng);
    const test::ReferenceIrradiance ref =
        test::reference_tilted_irradiance(z, sun_az, dni, dhi, ghi, t, surf_az, a, e);
    const SurfaceIrradiance got = on(z, sun_az, dni, dhi, ghi, t, surf_az, a, e);
    ++bins[static_cast<std::size_t>(ref.bin)];
    const PerezSky sky = perez_sky(dhi, dni, rad(z), e);
    ASSERT_EQ(sky.clearness_bin, ref.bin) << k;
    ASSERT_NEAR(got.beam_w_per_m2, ref.beam, 1e-9 * std::max(1.0, ref.beam)) << k;
    ASSERT_NEAR(got.sky_diffuse_w_per_m2, ref.sky, 1e-9 * std::max(1.0, ref.sky)) << k;
    ASSERT_NEAR(got.ground_w_per_m2, ref.ground, 1e-9 * std::max(1.0, ref.ground)) << k;
  }
  for (std::size_t b = 1; b <= 8; ++b) EXPECT_GE(bins[b], 100) << "clearness bin " << b;
}

}  // namespace
}  // namespace coron::climate
