#pragma once
#include "coron/thermal.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

// DPE 2021 double threshold, inline so that the kernel labels its dwellings without a
// call. A value is in class k when it is below limit k and not below the limits before
// it (strict "<", as Open3CL's classe_bilan_dpe). Dwellings under 40 m2 use the row
// round(S) of the 2024 small-dwelling table (Open3CL looks the table up with
// Math.round), rows below 8 use row 8.

namespace coron::detail {

inline constexpr double small_first_m2 = 8.0;
inline constexpr double small_end_m2 = 40.0;  ///< first area (after rounding) of the general limits

/// Row of the small-dwelling tables for area `s_m2`, or -1 for the general limits.
/// round(S) = floor(S + 0.5) for S >= 0; truncating S + 0.5 gives the same integer when
/// S + 0.5 >= 8 (below, row 8 is used anyway), without a libm floor on SSE2.
[[nodiscard, gnu::always_inline]] inline int small_row(double s_m2) noexcept {
  const double r = s_m2 + 0.5;
  if (!(r < small_end_m2)) return -1;  // also NaN, as before
  return r < small_first_m2 + 1.0 ? 0 : static_cast<int>(r) - static_cast<int>(small_first_m2);
}

[[nodiscard, gnu::always_inline]] inline std::uint8_t class_of(const std::array<double, 6>& limits,
                                                               double value) noexcept {
  int k = 0;
  for (const double limit : limits) k += value < limit ? 0 : 1;
  return static_cast<std::uint8_t>(k);
}

[[nodiscard, gnu::always_inline]] inline const std::array<double, 6>& limits_for(
    const std::array<double, 6>& general, const std::array<std::array<double, 6>, 32>& small,
    double s_m2) noexcept {
  const int row = small_row(s_m2);
  return row < 0 ? general : small[static_cast<std::size_t>(row)];
}

}  // namespace coron::detail
