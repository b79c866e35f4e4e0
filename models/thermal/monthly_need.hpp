#pragma once
#include "fast_math.hpp"

#include "coron/thermal.hpp"

#include <array>
#include <cstddef>

// The monthly heating need B_ch of 3CL §9 (Open3CL 9_besoin_ch.js):
//   X_j = (A_s,j + A_i,j) / (GV DH19_j),  F_j = (X_j - X_j^a) / (1 - X_j^a),
//   B_ch = sum_j GV (1 - F_j) DH19_j / 1000  (kWh).
// Months without heating (DH19 = 0) add nothing and are dropped once per call, so the
// loop runs over the 9 heating months of H1a only.

namespace coron::detail {

/// The climate of the heating months, packed; built once per call, read per dwelling.
struct HeatingMonths {
  std::size_t count = 0;
  std::array<double, months> dh19_kh{};
  std::array<double, months> inv_dh19_per_kh{};
  std::array<double, months> nref19_h{};
  std::array<double, months> sun_south_wh_m2{};  ///< kWh/m2 x 1000: A_s is in Wh
  std::array<double, months> sun_east_west_wh_m2{};
  std::array<double, months> sun_north_wh_m2{};
};

/// Packs the months with DH19 > 0.
[[nodiscard]] inline HeatingMonths pack_heating_months(const ClimateTable& c) noexcept {
  HeatingMonths h;
  for (std::size_t j = 0; j < months; ++j) {
    if (!(c.dh19_kh[j] > 0.0)) continue;
    const std::size_t k = h.count++;
    h.dh19_kh[k] = c.dh19_kh[j];
    h.inv_dh19_per_kh[k] = 1.0 / c.dh19_kh[j];
    h.nref19_h[k] = c.nref19_h[j];
    h.sun_south_wh_m2[k] = 1000.0 * c.sun_south_kwh_m2[j];
    h.sun_east_west_wh_m2[k] = 1000.0 * c.sun_east_west_kwh_m2[j];
    h.sun_north_wh_m2[k] = 1000.0 * c.sun_north_kwh_m2[j];
  }
  return h;
}

/// Gain utilisation F(X) for exponent `alpha` (> 1). F(0) = 0; at X = 1 the formula is
/// 0/0 and its limit (alpha - 1)/alpha is used (Open3CL does not guard this case).
/// Written with selects rather than early returns so the months of a dwelling run side by side.
[[nodiscard]] inline double gain_utilisation(double x, double alpha) noexcept {
  const bool positive = x > 0.0;
  const double xa = fast_pow(positive ? x : 1.0, alpha);
  const double den = 1.0 - xa;
  const bool at_one = den == 0.0;
  const double f = (x - xa) / (at_one ? 1.0 : den);
  return positive ? (at_one ? (alpha - 1.0) / alpha : f) : 0.0;
}

/// Conventional heating need B_ch, kWh/yr.
/// `solar_south_m2` etc. are effective collecting areas A.g.F_e (m2); `internal_w` is A_i / N_ref19.
[[nodiscard]] inline double heating_need_kwh(const HeatingMonths& h, double gv_w_per_k, double solar_south_m2,
                                             double solar_east_west_m2, double solar_north_m2,
                                             double internal_w, double alpha) noexcept {
  const double inv_gv = 1.0 / gv_w_per_k;
  // Two passes over fixed-size arrays: the gain ratios first, then the utilisation of
  // each month, independent of the others (instruction-level parallelism across months).
  std::array<double, months> x{};
  for (std::size_t k = 0; k < h.count; ++k) {
    const double gains_wh = solar_south_m2 * h.sun_south_wh_m2[k] +
                            solar_east_west_m2 * h.sun_east_west_wh_m2[k] +
                            solar_north_m2 * h.sun_north_wh_m2[k] + internal_w * h.nref19_h[k];
    x[k] = gains_wh * inv_gv * h.inv_dh19_per_kh[k];
  }
  double need_wh = 0.0;
  for (std::size_t k = 0; k < h.count; ++k) need_wh += (1.0 - gain_utilisation(x[k], alpha)) * h.dh19_kh[k];
  return gv_w_per_k * need_wh / 1000.0;
}

}  // namespace coron::detail
