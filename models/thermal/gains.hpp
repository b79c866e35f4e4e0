#pragma once
#include "fast_math.hpp"

// Occupancy and free gains of the 3CL method (Open3CL 11_nadeq.js, 6.1_apport_gratuit.js).

namespace coron::detail {

/// Adequate number of occupants N_adeq of a house of living area `s_h_m2` (3CL §11.1).
/// Bitwise selects (fast_math.hpp) rather than branches, so that the kernel evaluates
/// several houses side by side.
[[nodiscard, gnu::always_inline]] inline double n_adeq_house(double s_h_m2) noexcept {
  const double n_max =
      select(s_h_m2 < 30.0, 1.0, select(s_h_m2 < 70.0, 1.75 - 0.01875 * (70.0 - s_h_m2), 0.025 * s_h_m2));
  return select(n_max < 1.75, n_max, 1.75 + 0.3 * (n_max - 1.75));
}

/// Adequate number of occupants N_adeq of a flat of living area `s_h_m2` (3CL §11.2, one
/// flat: the building's mean area is the flat's own). Same bitwise selects as the house's.
[[nodiscard, gnu::always_inline]] inline double n_adeq_flat(double s_h_m2) noexcept {
  const double n_max =
      select(s_h_m2 < 10.0, 1.0, select(s_h_m2 < 50.0, 1.75 - 0.01875 * (50.0 - s_h_m2), 0.035 * s_h_m2));
  return select(n_max < 1.75, n_max, 1.75 + 0.3 * (n_max - 1.75));
}

/// Mean internal gain while heated, W: A_i,j = this . N_ref19,j (Wh).
[[nodiscard, gnu::always_inline]] inline double internal_gain_w(double s_h_m2, double n_adeq,
                                                                double gain_w_per_m2,
                                                                double occupant_gain_w) noexcept {
  return gain_w_per_m2 * s_h_m2 + occupant_gain_w * n_adeq;
}

}  // namespace coron::detail
