#include "fast_math.hpp"
#include "monthly_need.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <random>

// The kernel's table-free log, exp and expm1 against libm (long double where the
// reference must be more accurate than the tolerance).

namespace coron::test {
namespace {

constexpr double alphas[] = {2.5, 2.9, 3.6};

/// Gain/loss ratios X over (0, 10]: half uniform, half log-uniform down to 1e-30.
double draw_ratio(std::mt19937_64& rng, int i) {
  if (i % 2 == 0) {
    const double x = std::uniform_real_distribution<double>(0.0, 10.0)(rng);
    return x > 0.0 ? x : 10.0;
  }
  return std::exp(std::uniform_real_distribution<double>(std::log(1e-30), std::log(10.0))(rng));
}

TEST(ThermalFastMath, PowMatchesStdPowWithin1e12) {
  std::mt19937_64 rng(20240601);
  std::uniform_real_distribution<double> log_x(-20.0, 8.0);
  double worst = 0.0;
  for (int i = 0; i < 200000; ++i) {
    const double x = std::exp(log_x(rng));
    const double a = alphas[i % 3];
    const double expected = std::pow(x, a);
    worst = std::fmax(worst, std::fabs(detail::fast_pow(x, a) - expected) / expected);
  }
  EXPECT_LT(worst, 1e-12);
}

TEST(ThermalFastMath, LogExpExpm1PowWithin1e13OverGainRatios) {
  std::mt19937_64 rng(7);
  long double worst_log = 0, worst_exp = 0, worst_expm1 = 0, worst_pow = 0;
  for (int i = 0; i < 400000; ++i) {
    const double x = draw_ratio(rng, i);
    if (x != 1.0) {
      const long double ln = std::log(static_cast<long double>(x));
      worst_log = std::fmax(worst_log, std::fabs((detail::fast_log(x) - ln) / ln));
    }
    const double a = alphas[i % 3];
    const long double p = std::pow(static_cast<long double>(x), static_cast<long double>(a));
    worst_pow = std::fmax(worst_pow, std::fabs((detail::fast_pow(x, a) - p) / p));
    const double y = a * detail::fast_log(x);  // the arguments the kernel gives exp
    const long double e = std::exp(static_cast<long double>(y));
    worst_exp = std::fmax(worst_exp, std::fabs((detail::fast_exp(y) - e) / e));
    if (y != 0.0) {
      const long double em1 = std::expm1(static_cast<long double>(y));
      worst_expm1 = std::fmax(worst_expm1, std::fabs((detail::fast_expm1(y) - em1) / em1));
    }
  }
  EXPECT_LE(worst_log, 1e-15L);
  EXPECT_LE(worst_exp, 1e-15L);
  EXPECT_LE(worst_expm1, 1e-15L);
  // alpha ln X is rounded once: |alpha ln X| 2^-53, 1.5e-14 at X = 1e-30.
  EXPECT_LE(worst_pow, 1e-13L);
}

TEST(ThermalFastMath, LogOverTheWholeNormalRange) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> log_x(std::log(std::numeric_limits<double>::min()), std::log(1e300));
  double worst = 0.0;
  for (int i = 0; i < 200000; ++i) {
    const double x = std::exp(log_x(rng));
    if (x == 1.0) continue;
    worst = std::fmax(worst, std::fabs((detail::fast_log(x) - std::log(x)) / std::log(x)));
  }
  EXPECT_LE(worst, 1e-15);
}

TEST(ThermalFastMath, Expm1KeepsRelativeAccuracyNearZero) {
  for (const double y : {1e-300, -1e-300, 1e-17, -1e-17, 1e-9, -1e-9, 1e-4, -1e-4, 0.3, -0.3, 0.35, -0.35}) {
    const long double e = std::expm1(static_cast<long double>(y));
    EXPECT_LE(std::fabs((detail::fast_expm1(y) - e) / e), 1e-15L) << y;
  }
  EXPECT_EQ(detail::fast_expm1(0.0), 0.0);
}

TEST(ThermalFastMath, LogAndExpAtSpecialPoints) {
  EXPECT_EQ(detail::fast_log(1.0), 0.0);
  EXPECT_EQ(detail::fast_exp(0.0), 1.0);
  for (const double x : {1e-300, 0.5, 1.0 + 1e-12, 1.0 - 1e-12, 2.0, 10.0, 1e300})
    EXPECT_LE(std::fabs(detail::fast_log(x) - std::log(x)), 1e-15 * std::fmax(1.0, std::fabs(std::log(x))))
        << x;
  for (const double y : {-700.0, -30.5, -1e-9, 1e-9, 1.0, 30.5, 700.0})
    EXPECT_LE(std::fabs(detail::fast_exp(y) - std::exp(y)), 1e-14 * std::exp(y)) << y;
  // Clamped, never infinite or zero.
  EXPECT_TRUE(std::isfinite(detail::fast_exp(1e6)));
  EXPECT_GT(detail::fast_exp(-1e6), 0.0);
  EXPECT_TRUE(std::isfinite(detail::fast_expm1(1e6)));
  EXPECT_EQ(detail::fast_expm1(-1e6), -1.0);
}

/// 1 - F = (1 - X)/(1 - X^a), in long double through log1p/expm1 so that the reference
/// stays accurate near X = 1 (X - 1 is exact in double there).
long double unutilised_reference(double x, double a) {
  const long double d = static_cast<long double>(x) - 1.0L;
  return d / std::expm1(static_cast<long double>(a) * std::log1p(d));
}

TEST(ThermalFastMath, UnutilisedFractionWithin1e13IncludingNearOne) {
  std::mt19937_64 rng(3);
  long double worst = 0;
  for (int i = 0; i < 300000; ++i) {
    double x = draw_ratio(rng, i);
    if (i % 5 == 0) x = 1.0 + std::ldexp(std::uniform_real_distribution<double>(-1.0, 1.0)(rng), -(i % 50));
    if (x == 1.0) continue;
    const double a = alphas[i % 3];
    const long double ref = unutilised_reference(x, a);
    worst = std::fmax(worst, std::fabs((detail::unutilised_fraction(x, a, 1.0 / a) - ref) / ref));
  }
  EXPECT_LE(worst, 1e-13L);
}

TEST(ThermalFastMath, UnutilisedFractionLimits) {
  for (const double a : alphas) {
    EXPECT_EQ(detail::unutilised_fraction(1.0, a, 1.0 / a), 1.0 / a);  // the 0/0 limit
    EXPECT_EQ(detail::unutilised_fraction(0.0, a, 1.0 / a), 1.0);      // F(0) = 0
    EXPECT_EQ(detail::unutilised_fraction(-1.0, a, 1.0 / a), 1.0);
    EXPECT_EQ(detail::unutilised_fraction(std::nan(""), a, 1.0 / a), 1.0);
    EXPECT_LT(detail::unutilised_fraction(1e3, a, 1.0 / a), 1e-4);  // F -> 1
    // Either side of 1 by one ulp: continuous with the limit.
    EXPECT_NEAR(detail::unutilised_fraction(std::nextafter(1.0, 2.0), a, 1.0 / a), 1.0 / a, 1e-15);
    EXPECT_NEAR(detail::unutilised_fraction(std::nextafter(1.0, 0.0), a, 1.0 / a), 1.0 / a, 1e-15);
  }
}

TEST(ThermalFastMath, BatchGivesTheSameBitsAsOneByOne) {
  std::mt19937_64 rng(5);
  for (int rep = 0; rep < 2000; ++rep) {
    detail::Batch<9> x{};
    for (std::size_t j = 0; j < 9; ++j) x[j] = draw_ratio(rng, rep + static_cast<int>(j));
    x[4] = 1.0;
    const double a = alphas[rep % 3];
    const detail::Batch<9> u = detail::unutilised_fraction(x, a, 1.0 / a);
    const detail::Batch<9> l = detail::fast_log(x);
    const detail::Batch<9> p = detail::fast_pow(x, 0.676);  // the circulator's exponent
    for (std::size_t j = 0; j < 9; ++j) {
      EXPECT_EQ(u[j], detail::unutilised_fraction(x[j], a, 1.0 / a));
      EXPECT_EQ(l[j], detail::fast_log(x[j]));
      EXPECT_EQ(p[j], detail::fast_pow(x[j], 0.676));
    }
  }
}

}  // namespace
}  // namespace coron::test
