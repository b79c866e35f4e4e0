#pragma once
#include "fast_math.hpp"

#include "coron/thermal.hpp"

#include <array>
#include <cstddef>

// The monthly heating need B_ch of 3CL §9 (Open3CL 9_besoin_ch.js):
//   X_j = (A_s,j + A_i,j) / (GV DH19_j),  F_j = (X_j - X_j^a) / (1 - X_j^a),
//   B_ch = sum_j GV (1 - F_j) DH19_j / 1000  (kWh).
// Months without heating (DH19 = 0 in both climate variants) add nothing and are dropped
// once per climate (table HeatingMonths), so the kernel runs over the heating months of the
// dwelling's zone and altitude only (9 in H1a below 400 m). Each packed month holds both
// variants (ilpa 0 and 1); a dwelling reads its own.

namespace coron::detail {

/// One heating month of one climate variant, as the constants of the month loop.
struct MonthClimate {
  double sun_south_wh_m2, sun_east_wh_m2, sun_west_wh_m2, sun_north_wh_m2;  ///< kWh/m2 x 1000: A_s in Wh
  double nref19_h, inv_dh19_per_kh, dh19_kh;
};

/// The climate of the heating months, packed; built once per call, read per dwelling.
struct HeatingMonths {
  std::size_t count = 0;
  std::array<std::array<MonthClimate, months>, climate_variant_count> variant{};
};

/// Packs the months with DH19 > 0 in either variant. A month without heating in one variant
/// only gets DH19 = 0 and 1/DH19 = 0 there: X = 0, and it adds 1 x 0 to the need.
[[nodiscard]] inline HeatingMonths pack_heating_months(const ClimateTable& c) noexcept {
  HeatingMonths h;
  for (std::size_t j = 0; j < months; ++j) {
    bool heated = false;
    for (const ClimateVariant& v : c.variant) heated = heated || v.dh19_kh[j] > 0.0;
    if (!heated) continue;
    const std::size_t k = h.count++;
    for (std::size_t v = 0; v < climate_variant_count; ++v) {
      const ClimateVariant& cv = c.variant[v];
      const double dh19 = cv.dh19_kh[j] > 0.0 ? cv.dh19_kh[j] : 0.0;
      h.variant[v][k] = {1000.0 * cv.sun_south_kwh_m2[j],
                         1000.0 * cv.sun_east_kwh_m2[j],
                         1000.0 * cv.sun_west_kwh_m2[j],
                         1000.0 * cv.sun_north_kwh_m2[j],
                         cv.nref19_h[j],
                         dh19 > 0.0 ? 1.0 / dh19 : 0.0,
                         dh19};
    }
  }
  return h;
}

/// Smallest positive normal double: X is clamped to it so that fast_log sees a normal
/// number; X <= 0 (no gains) then gives 1 - F = 1 as F(0) = 0 requires.
inline constexpr double min_normal = 2.2250738585072014e-308;

/// The share of the month's losses not covered by gains, 1 - F(X), for N months of one
/// dwelling with exponent `alpha` (> 1) and `inv_alpha` = 1/alpha.
/// 1 - F = 1 - (X - X^a)/(1 - X^a) = (1 - X)/(1 - X^a), evaluated as (X - 1)/expm1(a ln X):
/// X - 1 is exact near 1 and expm1 keeps its relative accuracy there, so this form has no
/// cancellation near X = 1 (where the textbook form loses digits) nor for large X (where
/// F -> 1). At X = 1 exactly it is 0/0 and the limit 1/alpha is selected; every lane
/// computes both and blends, so the month loop has no branch. Open3CL does not guard X = 1.
/// The N months run step by step side by side (see fast_math.hpp); each month's value is
/// the same whatever N.
template <std::size_t N>
[[nodiscard, gnu::always_inline]] inline Batch<N> unutilised_fraction(const Batch<N>& x, double alpha,
                                                                      double inv_alpha) noexcept {
  Batch<N> xc{}, y{}, out{};
  // X <= 0 or NaN (no gains) gives min_normal, so 1 - F = 1 as F(0) = 0 requires.
  for (std::size_t j = 0; j < N; ++j) xc[j] = select(x[j] > min_normal, x[j], min_normal);
  const Batch<N> ln_x = fast_log(xc);
  for (std::size_t j = 0; j < N; ++j) y[j] = alpha * ln_x[j];
  const Batch<N> em1 = fast_expm1(y);
  for (std::size_t j = 0; j < N; ++j) out[j] = select(xc[j] == 1.0, inv_alpha, (xc[j] - 1.0) / em1[j]);
  return out;
}

/// 1 - F(X) of one month: unutilised_fraction<1>.
[[nodiscard, gnu::always_inline]] inline double unutilised_fraction(double x, double alpha,
                                                                    double inv_alpha) noexcept {
  return unutilised_fraction(Batch<1>{x}, alpha, inv_alpha)[0];
}

}  // namespace coron::detail
