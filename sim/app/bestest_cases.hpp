#pragma once
#include "climate/sky_transposition.hpp"
#include "thermal/ideal_loads.hpp"
#include "thermal/iso13790_network.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// ASHRAE Standard 140 cases 600 (lightweight) and 900 (heavyweight), and their free-float
// variants 600FF and 900FF, as ISO 13790 5R1C zones (docs/validation.md). Every figure is from
// the shared reference thermal-reference.md §2.1 (the building) and §2.4 (the 5R1C mapping of
// Modelica Buildings' ISO13790/Validation/BESTEST, files Case600FF.mo, Case600Mass.mo and
// Case900Mass.mo).

namespace coron::bestest {

/// An opaque element exposed to the sun and the sky.
struct OpaqueElement {
  climate::SurfaceOrientation orientation;
  double area_m2 = 0.0;
  double u_w_per_m2k = 0.0;
  double sky_form_factor = 0.0;  ///< F_r of ISO 13790 §11.4.6: 1 for a roof, 0.5 for a wall
};

/// One BESTEST case as the 5R1C network sees it.
struct BestestCase {
  std::string name;  ///< "600", "900", "600FF", "900FF"
  hourly::Iso13790Parameters network;
  climate::SurfaceOrientation window;
  double window_area_m2 = 0.0;
  double window_u_w_per_m2k = 0.0;
  double window_g = 0.0;  ///< total solar energy transmittance at normal incidence
  std::vector<OpaqueElement> opaque;
  double internal_gains_w = 0.0;
  std::optional<hourly::SetPoints> set_points;  ///< none: free float
  [[nodiscard]] bool free_float() const noexcept { return !set_points.has_value(); }
};

/// The names bestest_case accepts, in the order of the standard.
[[nodiscard]] const std::vector<std::string>& bestest_case_names();

/// The case called `name`. Throws std::invalid_argument on any other name.
[[nodiscard]] BestestCase bestest_case(std::string_view name);

/// The share of the window's normal-incidence g that passes at incidence `theta_rad` (beam
/// only): the polynomial of Modelica's BESTEST mapping, 1 - 0.189 t + 0.644 t^2 - 0.596 t^3,
/// floored at 0 (it crosses zero just below grazing incidence).
[[nodiscard]] double beam_incidence_factor(double theta_rad) noexcept;

/// The same share for diffuse light (sky and ground), which reaches the pane from every
/// direction of the hemisphere: the average of beam_incidence_factor weighted by the projected
/// solid angle, 2 x integral over 0..pi/2 of F(t) cos t sin t dt (about 0.871). This is how the
/// reference programs derive a glazing's diffuse transmittance from its angular one.
[[nodiscard]] double diffuse_incidence_factor() noexcept;

}  // namespace coron::bestest
