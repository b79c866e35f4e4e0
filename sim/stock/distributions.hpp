#pragma once
#include "coron/rng.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>

// Small sampling helpers over the counter-based generator (internal to the stock).

namespace coron::stock::detail {

/// 64 random bits as a uniform double in the open interval (0, 1).
[[nodiscard]] inline double open_unit(std::uint64_t bits) noexcept {
  // For the top 53-bit value, (2^53 - 1) + 0.5 rounds to 2^53 and the draw to 1.0:
  // it is kept just below 1 instead (every other draw is unchanged).
  return std::min((static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53, 0x1.fffffffffffffp-1);
}

/// Uniform in the open interval (0, 1): safe for logarithms and normal quantiles.
[[nodiscard]] inline double open_uniform(const RngKey& key, std::uint32_t k) noexcept {
  return open_unit(key.bits(k));
}

/// Standard normal distribution function.
[[nodiscard]] inline double normal_cdf(double x) noexcept { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

/// Standard normal quantile Phi^-1(p), p in (0, 1), by Boost.Math (accurate to a few
/// ulps). Thread-safe.
[[nodiscard]] double normal_quantile(double p) noexcept;

/// Index drawn from (not necessarily normalised) non-negative weights with uniform u in [0, 1).
[[nodiscard]] inline std::size_t categorical(std::span<const double> weights, double u) noexcept {
  double total = 0.0;
  for (const double w : weights) total += w;
  double target = u * total;
  std::size_t last_positive = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0.0) continue;
    last_positive = i;
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  return last_positive;  // rounding at the very top
}

/// Uniform draw within [lo, hi].
[[nodiscard]] inline double within(double lo, double hi, double u) noexcept { return lo + (hi - lo) * u; }

}  // namespace coron::stock::detail
