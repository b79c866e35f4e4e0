#pragma once

// The sun and the sky on the outer surfaces of an envelope, as ISO 13790 §11.3-11.4 count them
// (thermal-reference.md §1.2): an opaque element conducts inwards the part of the sun it absorbs,
// alpha R_se U A I, and loses to the cold sky F_r R_se U A h_r dtheta_er. Shared by the BESTEST
// cases and the stock's hourly model.

namespace coron::hourly {

/// What the outer surfaces are like (thermal-reference.md §1.2 and §2.4).
struct OuterSurface {
  double absorptance = 0.6;        ///< solar absorptance alpha_S,c (BESTEST's, a mid-coloured surface)
  double emissivity = 0.9;         ///< long-wave emissivity of building materials
  double r_se_m2k_per_w = 0.04;    ///< external surface resistance
  double sky_depression_k = 11.0;  ///< dtheta_er, sky below air temperature at mid latitudes
};

/// F_r, the form factor to the sky: 1 for a roof, 0.5 for a wall or a window (§11.4.6).
inline constexpr double roof_sky_form_factor = 1.0, wall_sky_form_factor = 0.5;

/// Heat into the zone per W/m2 of sun on an opaque element (m2): alpha R_se U A.
[[nodiscard]] constexpr double opaque_solar_aperture_m2(const OuterSurface& s, double u_w_per_m2k,
                                                        double area_m2) noexcept {
  return s.absorptance * s.r_se_m2k_per_w * u_w_per_m2k * area_m2;
}

/// Long-wave loss to the sky of an element (W): F_r R_se U A h_r dtheta_er, with
/// h_r = 5 epsilon W/(m2K), the first approximation of §11.4.6.
[[nodiscard]] constexpr double sky_loss_w(const OuterSurface& s, double form_factor, double u_w_per_m2k,
                                          double area_m2) noexcept {
  return form_factor * s.r_se_m2k_per_w * u_w_per_m2k * area_m2 * (5.0 * s.emissivity) * s.sky_depression_k;
}

}  // namespace coron::hourly
