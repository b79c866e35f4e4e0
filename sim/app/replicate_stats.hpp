#pragma once
#include <span>
#include <vector>

// Summaries of one figure across replicates, as `coron compare` shows them.

namespace coron::app {

/// Quantile q (0..1) of `sample`: linear interpolation between order statistics
/// (R's type 7, numpy's default; the rule /aggregate/quantiles uses). `sample`
/// must not be empty. Pure function.
[[nodiscard]] double type7_quantile(std::span<const double> sample, double q);

/// P10, P50 and P90 of a sample (all equal for a single value).
struct Spread {
  double p10 = 0.0;
  double p50 = 0.0;
  double p90 = 0.0;
  friend bool operator==(const Spread&, const Spread&) = default;
};

/// The P10, P50 and P90 of `sample` (not empty).
[[nodiscard]] Spread spread_of(std::span<const double> sample);

/// The median (P50) of `sample` (not empty).
[[nodiscard]] double median_of(std::span<const double> sample);

}  // namespace coron::app
