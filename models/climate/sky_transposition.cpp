#include "climate/sky_transposition.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace coron::climate {

namespace {

constexpr double pi = std::numbers::pi;

// Perez et al. 1990, Table 6: the "all sites composite" coefficients, one row per bin of
// sky clearness epsilon: f11, f12, f13 (F1) then f21, f22, f23 (F2), for zenith in radians.
// Checked row by row against the 'allsitescomposite1990' set of pvlib-python
// (pvlib/pvl_perez.py, GetPerezCoefficients, commit d2c093b9), which quotes the same table.
constexpr std::array<std::array<double, 6>, 8> perez_1990 = {{
    {-0.008, 0.588, -0.062, -0.060, 0.072, -0.022},  // 1  overcast   epsilon < 1.065
    {0.130, 0.683, -0.151, -0.019, 0.066, -0.029},   // 2            1.065 .. 1.230
    {0.330, 0.487, -0.221, 0.055, -0.064, -0.026},   // 3            1.230 .. 1.500
    {0.568, 0.187, -0.295, 0.109, -0.152, -0.014},   // 4            1.500 .. 1.950
    {0.873, -0.392, -0.362, 0.226, -0.462, 0.001},   // 5            1.950 .. 2.800
    {1.132, -1.237, -0.412, 0.288, -0.823, 0.056},   // 6            2.800 .. 4.500
    {1.060, -1.600, -0.359, 0.264, -1.127, 0.131},   // 7            4.500 .. 6.200
    {0.678, -0.327, -0.250, 0.156, -1.377, 0.251},   // 8  clear      6.200 <= epsilon
}};

// Upper bounds of the clearness bins 1..7 (Perez et al. 1990, Table 1); bin 8 has none.
constexpr std::array<double, 7> clearness_upper = {1.065, 1.230, 1.500, 1.950, 2.800, 4.500, 6.200};

// kappa of the clearness formula for a zenith angle in radians (Perez et al. 1990, eq. 1).
constexpr double kappa = 1.041;

// The circumsolar term divides by max(cos 85 deg, cos zenith): the disc is taken as a point
// source seen by a horizontal plane, which breaks down near the horizon (Perez et al. 1990).
const double cos_85 = std::cos(85.0 * pi / 180.0);

}  // namespace

PerezSky perez_sky(double diffuse_w_per_m2, double direct_normal_w_per_m2, double zenith_rad,
                   double extraterrestrial_w_per_m2) noexcept {
  PerezSky sky;
  if (diffuse_w_per_m2 <= 0.0 || zenith_rad >= pi / 2.0) return sky;
  const double z3 = kappa * zenith_rad * zenith_rad * zenith_rad;
  const double clearness = ((diffuse_w_per_m2 + direct_normal_w_per_m2) / diffuse_w_per_m2 + z3) / (1.0 + z3);
  const double brightness = diffuse_w_per_m2 * relative_air_mass(zenith_rad) / extraterrestrial_w_per_m2;
  std::size_t bin = 0;
  while (bin < clearness_upper.size() && clearness >= clearness_upper[bin]) ++bin;
  const std::array<double, 6>& f = perez_1990[bin];
  sky.circumsolar_f1 = std::max(0.0, f[0] + f[1] * brightness + f[2] * zenith_rad);
  // Only F1 is floored at zero in the paper; a negative F2 darkens the horizon band (some
  // pvlib releases also floored F2, later ones follow the paper).
  sky.horizon_f2 = f[3] + f[4] * brightness + f[5] * zenith_rad;
  sky.clearness_bin = static_cast<int>(bin) + 1;
  return sky;
}

SurfaceIrradiance surface_irradiance(const SunPosition& sun, const PerezSky& sky,
                                     double direct_normal_w_per_m2, double diffuse_w_per_m2,
                                     double global_horizontal_w_per_m2, SurfaceOrientation surface,
                                     double albedo) noexcept {
  SurfaceIrradiance out;
  const double cos_tilt = std::cos(surface.tilt_rad);
  const double cos_theta = cos_incidence(sun, surface.tilt_rad, surface.azimuth_rad);
  const bool sun_up = sun.zenith_rad < pi / 2.0;
  const double facing = sun_up ? std::max(0.0, cos_theta) : 0.0;
  out.beam_w_per_m2 = direct_normal_w_per_m2 * facing;
  const double circumsolar_ratio = facing / std::max(cos_85, std::cos(sun.zenith_rad));
  const double sky_diffuse = diffuse_w_per_m2 * ((1.0 - sky.circumsolar_f1) * (1.0 + cos_tilt) / 2.0 +
                                                 sky.circumsolar_f1 * circumsolar_ratio +
                                                 sky.horizon_f2 * std::sin(surface.tilt_rad));
  // A strongly negative F2 (horizon darkening) could take a near-vertical plane below zero.
  out.sky_diffuse_w_per_m2 = std::max(0.0, sky_diffuse);
  out.ground_w_per_m2 = global_horizontal_w_per_m2 * albedo * (1.0 - cos_tilt) / 2.0;
  return out;
}

}  // namespace coron::climate
