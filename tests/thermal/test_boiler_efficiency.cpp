#include "boiler_efficiency.hpp"
#include "fixtures/data_params.hpp"
#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <cmath>

// A boiler's generation efficiency by the 3CL load bins (models/thermal/boiler_efficiency.hpp)
// with the shipped data/thermal rows, on cases computed by hand; the kernel against the plain
// reference over a population is in test_reference.cpp.

namespace coron::test {
namespace {

const ThermalParams& params() { return fixtures::data_thermal_params(); }

const BoilerPartLoad& part_load(HeatingSystem h) {
  return params().heating[static_cast<std::size_t>(h)].part_load;
}

double rel(double a, double b) { return std::fabs(a - b) / std::fabs(b); }

// A 24 kW standard gas boiler installed in 1990 (tv.js generateur_combustion row 3, classic
// 1986-1990), house of GV 350 W/K, T_base -9.5 degC, no combustion control (so the 30 % point
// runs at temp_fonc_100 = 80 degC), K = 1.11:
//   R_pn = 84 + 2 log10 24 = 86.7604 %, R_pint = 80 + 3 log10 24 = 84.1406 % (PCI)
//     -> PCS 86.7604/1.11 = 78.1625 %, 84.1406/1.11 = 75.8024 %
//   QP0 = 1.5 % x 24 = 0.36 kW (0.3996 kW PCS in the curve)
//   C_dimref = 24000 / (350 x 28.5) = 2.40602: the load never passes 0.95/2.406 = 0.395
//   QP30 = 0.3 x 24 (100 - (75.8024 + 0.1 (50 - 80))) / 72.8024 = 2.68979 kW
//   QP100 = 24 (100 - (78.1625 + 0.1 (70 - 80))) / 77.1625 = 7.10317 kW
//   sum w P_x = 3.167063 kW, sum w (P_x + QP(x)) = 4.379793 kW
//   R_g = 3.167063 / (4.379793 + 0.45 x 0.36) x 1.11 = 0.697315 x 1.11 = 0.774020.
// For a need of 15,000 kWh that is 15000/0.774020 = 19,379 kWh of gas at the generator against
// 15000/0.84 = 17,857 kWh with the class's fixed R_g (data/thermal/systems.yaml). In the method
// the load factor follows GV and T_base, not the need itself.
TEST(BoilerEfficiency, HandCaseClassicGasBoilerOf1990At24Kw) {
  const double rg = detail::boiler_generation_efficiency(part_load(HeatingSystem::gas_boiler_standard), 1990,
                                                         24.0, 350.0, -9.5);
  EXPECT_LT(rel(rg, 0.774020), 2e-6) << rg;
}

// The same boiler with no Pn given: Pn = 1.2 x 350 x 28.5 / 0.95^3 = 13.9612 kW, C_dimref =
// 1.2/0.95^3 = 1.399621 whatever GV; QP30 = 1.615391, QP100 = 4.231996, QP0 = 0.209418 kW;
// sum w P_x = 3.167063, sum w (P_x + QP) = 4.346172; R_g = 3.167063/(4.346172 + 0.45 x 0.209418)
// x 1.11 = 0.791692.
TEST(BoilerEfficiency, HandCaseSizedByTheMethod) {
  EXPECT_NEAR(detail::default_boiler_power_w(350.0, -9.5), 13961.219, 1e-3);
  const double rg = detail::boiler_generation_efficiency(part_load(HeatingSystem::gas_boiler_standard), 1990,
                                                         0.0, 350.0, -9.5);
  EXPECT_LT(rel(rg, 0.791692), 2e-6) << rg;
}

// A condensing gas boiler of 2018 with combustion control (30 % point at temp_fonc_30 = 38 degC):
// at 24 kW row 13 (R_pn 91 + 3 log10 Pn, R_pint 103 + 2.5 log10 Pn, QP0 0.5 %) gives 1.032667;
// at 80 kW row 14 (94 + log10 Pn, 105 + 0.5 log10 Pn, 0.3 %) gives 1.007142 (same GV 350 W/K).
TEST(BoilerEfficiency, CondensingBoilerTakesTheRowOfItsPower) {
  const BoilerPartLoad& b = part_load(HeatingSystem::gas_boiler_condensing);
  EXPECT_EQ(detail::boiler_period(b, 2018, 24.0).max_pn_kw, 70.0);
  EXPECT_EQ(detail::boiler_period(b, 2018, 80.0).max_pn_kw, 400.0);
  EXPECT_EQ(detail::boiler_period(b, 2018, 900.0).rpn_a, 96.6);
  EXPECT_LT(rel(detail::boiler_generation_efficiency(b, 2018, 24.0, 350.0, -9.5), 1.032667), 2e-6);
  EXPECT_LT(rel(detail::boiler_generation_efficiency(b, 2018, 80.0, 350.0, -9.5), 1.007142), 2e-6);
}

TEST(BoilerEfficiency, PeriodIsTheLastBegunByTheInstallationYear) {
  const BoilerPartLoad& b = part_load(HeatingSystem::gas_boiler_standard);
  EXPECT_EQ(detail::boiler_period(b, 1985, 24.0).qp0_a, 2.0);   // 1981-1985
  EXPECT_EQ(detail::boiler_period(b, 1986, 24.0).qp0_a, 1.5);   // 1986-1990
  EXPECT_EQ(detail::boiler_period(b, 2016, 24.0).qp0_b, -0.8);  // after 2015
  EXPECT_EQ(detail::boiler_period(part_load(HeatingSystem::gas_boiler_condensing), 1950, 24.0).from_year, 0);
}

// Older boilers lose more; a boiler oversized against the house runs at lower load and loses more.
TEST(BoilerEfficiency, OlderAndOversizedBoilersDoWorse) {
  const BoilerPartLoad& b = part_load(HeatingSystem::gas_boiler_standard);
  double previous = 0.0;
  for (const int year : {1975, 1983, 1988, 1995, 2005}) {
    const double rg = detail::boiler_generation_efficiency(b, year, 24.0, 350.0, -9.5);
    EXPECT_GT(rg, previous) << year;
    previous = rg;
  }
  EXPECT_LT(detail::boiler_generation_efficiency(b, 1995, 40.0, 350.0, -9.5),
            detail::boiler_generation_efficiency(b, 1995, 24.0, 350.0, -9.5));
}

// The kernel: a known year changes a boiler's heating energy by R_g alone, and an unknown
// year (0) keeps the class's fixed R_g (a heat pump's known year: test_heat_pump_scop.cpp).
TEST(BoilerEfficiency, KernelUsesTheMethodOnlyForABoilerOfKnownYear) {
  const ThermalParams& p = params();
  Dwelling d;
  d.heating = HeatingSystem::gas_boiler_standard;
  const Columns fixed = evaluate_one(d, p, factors_2025());
  d.heating_generator_year = 1990;
  d.heating_nominal_power_kw = 24.0;
  const Columns known = evaluate_one(d, p, factors_2025());
  EXPECT_EQ(known.need[0], fixed.need[0]);
  EXPECT_GT(known.heating_final[0], fixed.heating_final[0] * 1.05);  // 0.84 against about 0.77
  EXPECT_EQ(known.dhw_final[0], fixed.dhw_final[0]);

  // A direct electric heater has no table by year: the columns change nothing.
  d.heating = HeatingSystem::electric_direct;
  const Columns electric_known = evaluate_one(d, p, factors_2025());
  d.heating_generator_year = 0;
  d.heating_nominal_power_kw = 0.0;
  EXPECT_EQ(electric_known.heating_final[0], evaluate_one(d, p, factors_2025()).heating_final[0]);
}

}  // namespace
}  // namespace coron::test
