#include "stock/distributions.hpp"
#include "stock_fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace coron::stock {
namespace {

TEST(NormalQuantile, KnownValues) {
  EXPECT_NEAR(detail::normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(detail::normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(detail::normal_quantile(0.34), -0.412463129441069, 1e-12);
  EXPECT_NEAR(detail::normal_quantile(1e-6), -4.753424308822899, 1e-9);
  EXPECT_NEAR(detail::normal_quantile(1.0 - 1e-6), 4.753424308822899, 1e-8);
}

TEST(NormalQuantile, InvertsTheDistributionFunction) {
  for (double p = 0.001; p < 1.0; p += 0.01)
    EXPECT_NEAR(detail::normal_cdf(detail::normal_quantile(p)), p, 1e-14);
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
