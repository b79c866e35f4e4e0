#pragma once
#include <bit>
#include <cstdint>

// Natural logarithm and exponential for the gain-utilisation factor X^alpha of the
// monthly method, evaluated 9 times per dwelling and year in the hot loop.
//
// Why not std::pow: a libm call per month is the largest cost of the kernel and
// cannot be vectorised. These are plain IEEE operations (no FMA contraction: the
// project builds with -ffp-contract=off), so they give the same bits on every thread
// and every run. Relative error <= 1e-13 on the ranges used (tested against std::pow
// in tests/thermal/test_fast_math.cpp). Inputs must be finite; log needs x > 0.

namespace coron::detail {

inline constexpr double ln2_hi = 6.93147180369123816490e-01;  // 0x3FE62E42FEE00000: k.ln2_hi is exact
inline constexpr double ln2_lo = 1.90821492927058770002e-10;
inline constexpr double inv_ln2 = 1.44269504088896338700e+00;
inline constexpr double sqrt_half = 0.70710678118654752440;

/// ln(x) for finite x > 0 (normal numbers). Pure function.
[[nodiscard]] inline double fast_log(double x) noexcept {
  // x = m.2^e with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(s), s = (m-1)/(m+1), |s| <= 0.172.
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
  std::int64_t e = static_cast<std::int64_t>((bits >> 52) & 0x7ff) - 1023;
  double m = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // [1, 2)
  if (m > 2.0 * sqrt_half) {
    m *= 0.5;
    e += 1;
  }
  const double s = (m - 1.0) / (m + 1.0);
  const double z = s * s;
  // Odd series of atanh to s^19: the first omitted term is below 1e-15 of the sum.
  double p = 1.0 / 19.0;
  p = p * z + 1.0 / 17.0;
  p = p * z + 1.0 / 15.0;
  p = p * z + 1.0 / 13.0;
  p = p * z + 1.0 / 11.0;
  p = p * z + 1.0 / 9.0;
  p = p * z + 1.0 / 7.0;
  p = p * z + 1.0 / 5.0;
  p = p * z + 1.0 / 3.0;
  const double ln_m = 2.0 * s + 2.0 * s * z * p;
  const double ed = static_cast<double>(e);
  return ed * ln2_hi + (ln_m + ed * ln2_lo);
}

/// e^y for finite y; clamped to [-700, 700] (no overflow, no subnormals). Pure function.
[[nodiscard]] inline double fast_exp(double y) noexcept {
  y = y < -700.0 ? -700.0 : (y > 700.0 ? 700.0 : y);
  // y = k ln2 + r, |r| <= ln2/2. Rounding to nearest through the 1.5 . 2^52 shifter
  // keeps this a plain addition (round-to-nearest-even, the IEEE default).
  constexpr double shifter = 6755399441055744.0;
  const double t = y * inv_ln2 + shifter;
  const double k = t - shifter;
  const double r = (y - k * ln2_hi) - k * ln2_lo;
  // Taylor series to r^13: remainder < 4e-18 relative for |r| <= 0.347.
  double p = 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  // 2^k from the exponent field; |k| <= 1010 keeps it a normal number.
  const auto ki = static_cast<std::int64_t>(k);
  const double two_k = std::bit_cast<double>(static_cast<std::uint64_t>(ki + 1023) << 52);
  return p * two_k;
}

/// x^a for x > 0 and finite a, as exp(a ln x). Pure function.
[[nodiscard]] inline double fast_pow(double x, double a) noexcept { return fast_exp(a * fast_log(x)); }

}  // namespace coron::detail
