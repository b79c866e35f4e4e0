#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <cmath>

// One unrenovated coron house worked by hand (values of thermal_fixture.hpp, zone H1a).
//
// S_h 70 m2, H_sp 2.5 m; walls 60 m2 U 2.5; roof 40 m2 U 2.5 b 0.9; floor 40 m2 U 2.0 b 0.8;
// windows 6 m2 south + 5 m2 north, Uw 4.9, g 0.85; door 2 m2 U 3.5; bridges 10 W/K;
// Q4Pa_conv 3.3, several exposed facades; natural vents; heavy inertia (alpha 3.6);
// standard gas boiler, gas hot water.
//
// GV parts (W/K): walls 60x2.5 = 150; roof 0.9x2.5x40 = 90; floor 0.8x2.0x40 = 64;
//   windows 4.9x11 = 53.9; door 3.5x2 = 7; bridges 10; H_vent = 0.34x2.23x70 = 53.074;
//   S_dep = 60 + 40 + 11 + 2 = 113 m2; Q4Pa = 3.3x113 + 0.45x4x70 = 498.9 m3/h;
//   n50 = 498.9 / ((4/50)^(2/3) x 2.5 x 70) = 15.35496 /h;
//   Q_vinf = 175 x 15.35496 x 0.07 / (1 + (15/0.07) x (-2.23/(2.5 x 15.35496))^2) = 109.15989 m3/h;
//   H_perm = 0.34 x 109.15989 = 37.11436;  GV = 465.08836 W/K.
// January: N_adeq = 1.75 (S_h = 70); A_i = (3.52x70 + 132/168x90x1.75) x 744 = 275391.6 Wh;
//   A_s = 1000 x 0.85 x (6 x 38.36 + 5 x 38.36 x 0.31) = 246175.3 Wh;
//   X = (246175.3 + 275391.6) / (465.08836 x 11712.4) = 0.0957478; F = (X - X^3.6)/(1 - X^3.6) = 0.0955535.
// Summed over the 9 heating months: B_ch = sum GV (1 - F_j) DH19_j / 1000 = 22887.668 kWh.
// G = GV/(S_h H_sp) = 2.657648; INT = 0.91 / (1 + 0.1 (G - 1)) = 0.780603;
//   heating = 22887.668 x 0.780603 / (0.84 x 0.95 x 0.88 x 0.90) = 28268.577 kWh gas.
// Hot water: need = sum 1.163 x 1.75 x 56 x (40 - T_efs,j) x days_j / 1000 = 1145.610 kWh; / 0.50 = 2291.219
// kWh gas. Lighting 0.9 x 1.4 x 1500 / 1000 x 70 = 132.3 kWh; auxiliaries 0.002433 x 22887.668 + 318.6 =
// 374.286 kWh. Final 31066.382 kWh. Cep = (28268.577 + 2291.219 + 2.3 x (132.3 + 374.286)) / 70 = 453.213
// kWhEP/m2 -> G. EGES = (0.227 x (28268.577 + 2291.219) + 0.069 x 132.3 + 0.064 x 374.286) / 70 = 99.574
// kg/m2 -> F. Label: worse of G and F = G. (Reference values computed independently with double-precision
// pow.)

namespace coron::test {
namespace {

void expect_rel(double actual, double expected, double tol = 1e-9) {
  EXPECT_LE(std::fabs(actual - expected), tol * std::fmax(1.0, std::fabs(expected)))
      << "actual " << actual << " expected " << expected;
}

TEST(ThermalHandCase, UnrenovatedCoronMatchesHandArithmetic) {
  const ThermalParams p = h1a_params();
  const Columns c = evaluate_one(Dwelling{}, p, factors_2025());
  expect_rel(c.need[0], 22887.668395369306);
  expect_rel(c.final_energy[0], 31066.381695558484);
  expect_rel(c.cep[0], 453.21347288465995);
  expect_rel(c.eges[0], 99.57366680353157);
  EXPECT_EQ(energy_class(p, c.cep[0], 70.0), 6);    // G
  EXPECT_EQ(climate_class(p, c.eges[0], 70.0), 5);  // F
  EXPECT_EQ(c.label[0], 6);
}

}  // namespace
}  // namespace coron::test
