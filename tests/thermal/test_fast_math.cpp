#include "fast_math.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace coron::test {
namespace {

TEST(ThermalFastMath, PowMatchesStdPowWithin1e12) {
  std::mt19937_64 rng(20240601);
  std::uniform_real_distribution<double> log_x(-20.0, 8.0);
  const double alphas[] = {2.5, 2.9, 3.6};
  double worst = 0.0;
  for (int i = 0; i < 200000; ++i) {
    const double x = std::exp(log_x(rng));
    const double a = alphas[i % 3];
    const double expected = std::pow(x, a);
    worst = std::fmax(worst, std::fabs(detail::fast_pow(x, a) - expected) / expected);
  }
  EXPECT_LT(worst, 1e-12);
}

TEST(ThermalFastMath, LogAndExpAtSpecialPoints) {
  EXPECT_EQ(detail::fast_log(1.0), 0.0);
  EXPECT_EQ(detail::fast_exp(0.0), 1.0);
  // log is accurate in absolute terms (what exp(a ln x) needs), so compare against max(1, |ln x|).
  for (const double x : {1e-300, 0.5, 1.0 + 1e-12, 1.0 - 1e-12, 2.0, 10.0, 1e300})
    EXPECT_LE(std::fabs(detail::fast_log(x) - std::log(x)), 1e-15 * std::fmax(1.0, std::fabs(std::log(x)))) << x;
  for (const double y : {-700.0, -30.5, -1e-9, 1e-9, 1.0, 30.5, 700.0})
    EXPECT_LE(std::fabs(detail::fast_exp(y) - std::exp(y)), 1e-14 * std::exp(y)) << y;
  // Clamped, never infinite or zero.
  EXPECT_TRUE(std::isfinite(detail::fast_exp(1e6)));
  EXPECT_GT(detail::fast_exp(-1e6), 0.0);
}

}  // namespace
}  // namespace coron::test
