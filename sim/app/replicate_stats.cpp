#include "app/replicate_stats.hpp"

#include "coron/error.hpp"

#include <algorithm>

namespace coron::app {

double type7_quantile(std::span<const double> sample, double q) {
  CORON_ASSERT(!sample.empty() && q >= 0.0 && q <= 1.0);
  std::vector<double> sorted(sample.begin(), sample.end());
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  const double h = q * static_cast<double>(n - 1);
  const auto lo = static_cast<std::size_t>(h);
  const std::size_t hi = std::min(lo + 1, n - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Spread spread_of(std::span<const double> sample) {
  return {type7_quantile(sample, 0.1), type7_quantile(sample, 0.5), type7_quantile(sample, 0.9)};
}

double median_of(std::span<const double> sample) { return type7_quantile(sample, 0.5); }

}  // namespace coron::app
