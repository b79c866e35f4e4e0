#pragma once
#include "climate/solar_position.hpp"

// Irradiance on a tilted surface from the direct normal and diffuse horizontal irradiance:
// beam + sky diffuse by the Perez anisotropic sky (Perez, Ineichen, Seals, Michalsky &
// Stewart, "Modeling daylight availability and irradiance components from direct and global
// irradiance", Solar Energy 44(5), 271-289, 1990) + ground reflection of an isotropic ground
// of albedo rho. docs/model-weather.md gives the equations and the coefficient table. An
// isotropic sky underestimates the irradiance of facades (thermal-reference.md §6): the Perez
// sky adds the circumsolar disc and the brightened horizon. Pure functions, thread-safe.

namespace coron::climate {

/// The Perez brightening coefficients of one hour's sky: they depend on the sun and the sky,
/// not on the surface, so an hour's are computed once for all surfaces.
struct PerezSky {
  double circumsolar_f1 = 0.0;  ///< F1 >= 0
  double horizon_f2 = 0.0;      ///< F2, negative under some overcast skies (horizon darkening)
  int clearness_bin = 0;        ///< 1 (overcast) .. 8 (clear); 0 when the sky is isotropic
};

/// The Perez 1990 sky of an hour with diffuse horizontal `diffuse_w_per_m2`, direct normal
/// `direct_normal_w_per_m2`, the sun at `zenith_rad` and the extraterrestrial normal
/// irradiance `extraterrestrial_w_per_m2`. No diffuse light, or a sun below the horizon,
/// gives an isotropic sky (F1 = F2 = 0).
[[nodiscard]] PerezSky perez_sky(double diffuse_w_per_m2, double direct_normal_w_per_m2, double zenith_rad,
                                 double extraterrestrial_w_per_m2) noexcept;

/// A plane: its tilt from horizontal (0 faces up, pi/2 is a wall, pi faces down) and the
/// compass bearing its outward normal faces (south pi).
struct SurfaceOrientation {
  double tilt_rad = 0.0;
  double azimuth_rad = 0.0;
};

/// One hour's irradiance on a surface, by origin (W/m2).
struct SurfaceIrradiance {
  double beam_w_per_m2 = 0.0;
  double sky_diffuse_w_per_m2 = 0.0;
  double ground_w_per_m2 = 0.0;
  [[nodiscard]] double total_w_per_m2() const noexcept {
    return beam_w_per_m2 + sky_diffuse_w_per_m2 + ground_w_per_m2;
  }
};

/// Irradiance on `surface` for one hour: beam = DNI max(0, cos theta) while the sun is up,
/// sky diffuse by the Perez sky `sky`, ground = GHI rho (1 - cos tilt) / 2.
[[nodiscard]] SurfaceIrradiance surface_irradiance(const SunPosition& sun, const PerezSky& sky,
                                                   double direct_normal_w_per_m2, double diffuse_w_per_m2,
                                                   double global_horizontal_w_per_m2,
                                                   SurfaceOrientation surface, double albedo) noexcept;

}  // namespace coron::climate
