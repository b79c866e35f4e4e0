#include "stock/distributions.hpp"
#include "stock_fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace coron::stock {
namespace {

// Reference quantiles (Abramowitz & Stegun table 26.5, checked with mpmath at 50 digits).
TEST(NormalQuantile, KnownValues) {
  EXPECT_EQ(detail::normal_quantile(0.5), 0.0);
  EXPECT_NEAR(detail::normal_quantile(0.975), 1.959963984540054, 1e-15);
  EXPECT_NEAR(detail::normal_quantile(0.025), -1.959963984540054, 1e-15);
  EXPECT_NEAR(detail::normal_quantile(0.95), 1.6448536269514722, 1e-15);
  EXPECT_NEAR(detail::normal_quantile(0.8413447460685429), 1.0, 1e-14);
  EXPECT_NEAR(detail::normal_quantile(0.34), -0.41246312944140473, 1e-15);
  EXPECT_NEAR(detail::normal_quantile(1e-6), -4.753424308822899, 1e-13);
  EXPECT_NEAR(detail::normal_quantile(1.0 - 1e-6), 4.753424308822899, 1e-9);  // 1 - 1e-6 is inexact
  EXPECT_NEAR(detail::normal_quantile(1e-300), -37.0470962993612, 1e-12);
}

TEST(NormalQuantile, IsOddAboutOneHalf) {
  for (const double p : {0.001, 0.01, 0.1, 0.25, 0.4, 0.49})
    EXPECT_NEAR(detail::normal_quantile(p), -detail::normal_quantile(1.0 - p), 1e-13) << p;
}

TEST(NormalQuantile, InvertsTheDistributionFunction) {
  for (double p = 0.001; p < 1.0; p += 0.01)
    EXPECT_NEAR(detail::normal_cdf(detail::normal_quantile(p)), p, 1e-15);
}

TEST(NormalQuantile, ExtremeDrawsOfTheGeneratorAreFinite) {
  // open_uniform's smallest and largest values.
  const double lo = 0.5 * 0x1.0p-53;
  const double hi = std::nextafter(1.0, 0.0);
  EXPECT_TRUE(std::isfinite(detail::normal_quantile(lo)));
  EXPECT_TRUE(std::isfinite(detail::normal_quantile(hi)));
  EXPECT_LT(detail::normal_quantile(lo), -8.0);
  EXPECT_GT(detail::normal_quantile(hi), 8.0);
}

TEST(OpenUnit, StaysInsideZeroOne) {
  EXPECT_EQ(detail::open_unit(0), 0.5 * 0x1.0p-53);
  EXPECT_EQ(detail::open_unit(~std::uint64_t{0}), std::nextafter(1.0, 0.0));
  EXPECT_EQ(detail::open_unit(std::uint64_t{1} << 63), 0.5 + 0.5 * 0x1.0p-53);
}

TEST(IncomeSigma, DerivedFromMedianAndPovertyShare) {
  // sigma = ln(16800 / 14600) / -Phi^-1(0.34) = 0.140357 / 0.412463
  const HouseholdParameters& h = testing::parameters().households;
  EXPECT_NEAR(h.tenant_income_sigma, std::log(16800.0 / 14600.0) / 0.412463129441069, 1e-12);
  EXPECT_NEAR(h.tenant_income_sigma, 0.3403, 1e-4);
}

TEST(Categorical, FollowsTheWeights) {
  const std::array<double, 3> w = {1.0, 0.0, 3.0};
  EXPECT_EQ(detail::categorical(w, 0.0), 0u);
  EXPECT_EQ(detail::categorical(w, 0.2499), 0u);
  EXPECT_EQ(detail::categorical(w, 0.25), 2u);
  EXPECT_EQ(detail::categorical(w, 0.999999), 2u);
}

}  // namespace
}  // namespace coron::stock
