// A certificate's heating water network (sim/stock/dpe_network.hpp) against the 3CL §15.2.1
// arithmetic done by hand: dP_nom = 0.15 x 5 F_cot (N_niv + sqrt(S_h / N_niv)) + dP_em, with the
// emitter groups of Open3CL 15_conso_aux.js getPuissanceCirculateur (enums.js names quoted).
#include "stock/dpe_network.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace coron::stock {
namespace {

io::DpeGenerator heater(int emission_id, int temperature_id, int emitters, double levels) {
  io::DpeGenerator g;
  g.network_emission_id = emission_id;
  g.network_temperature_id = temperature_id;
  g.network_emitter_count = emitters;
  g.network_levels = levels;
  return g;
}

void expect_rel(double actual, double expected) { EXPECT_NEAR(actual, expected, 1e-12 * expected); }

// 12 "plancher chauffant sur réseau collectif eau chaude basse ou moyenne température", alone,
// one level, 49.64 m2 (2377E0072905C): dP_em 15 kPa, F_cot 0.156,
// L_em = 0.78 (1 + 7.045566) = 6.284542 m, dP_nom = 0.942681 + 15; low temperature: 7.5 K.
TEST(DpeNetwork, FloorHeatingIsShortAndLowInPressureDrop) {
  const DpeNetwork n = heating_network(heater(12, 3, 1, 1.0), 49.64);
  expect_rel(n.pressure_drop_kpa, 15.94133121983824);
  EXPECT_EQ(n.temperature_drop_k, 7.5);
}

// The same floor heating beside another emitter: the least favourable length factor, 0.802,
// L_em = 4.01 x 8.045566 = 32.262720 m, dP_nom = 4.839408 + 15.
TEST(DpeNetwork, SeveralEmittersTakeTheLongestRun) {
  expect_rel(heating_network(heater(12, 3, 2, 1.0), 49.64).pressure_drop_kpa, 19.839407937886335);
}

// 36 "radiateur bitube avec robinet thermostatique sur réseau collectif eau chaude haute
// température", six levels, a flat of 18.37 m2 (2325E0263102J): dP_em 10 kPa,
// L_em = 4.01 (6 + sqrt(18.37 / 6)) = 31.076528 m, dP_nom = 4.661479 + 10; high temperature 15 K.
TEST(DpeNetwork, TwoPipeRadiatorsOnACollectiveHighTemperatureNetwork) {
  const DpeNetwork n = heating_network(heater(36, 4, 1, 6.0), 18.37);
  expect_rel(n.pressure_drop_kpa, 14.661481775970492);
  EXPECT_EQ(n.temperature_drop_k, 15.0);
}

// 31 "radiateur monotube avec robinet thermostatique sur réseau individuel eau chaude basse ou
// moyenne température", one level, 101.94 m2 (2260E1364581G): dP_em 30 kPa,
// L_em = 4.01 (1 + 10.096534) = 44.497101 m, dP_nom = 6.674565 + 30.
TEST(DpeNetwork, SinglePipeRadiatorsLoseMoreThanTwoPipeOnes) {
  expect_rel(heating_network(heater(31, 3, 1, 1.0), 101.94).pressure_drop_kpa, 36.674565236353054);
}

// Emitters of no group (1 "convecteur électrique", 41 "autres équipements") take 35 kPa; a level
// count absent or below 1 is one level: L_em = 4.01 (1 + sqrt(60)) = 35.070466 m.
TEST(DpeNetwork, OtherEmittersAndAMissingLevelCount) {
  expect_rel(heating_network(heater(41, 1, 1, 0.0), 60.0).pressure_drop_kpa, 40.26069896548752);
  expect_rel(heating_network(heater(1, 1, 1, 1.0), 60.0).pressure_drop_kpa, 40.26069896548752);
  EXPECT_EQ(heating_network(heater(41, 1, 1, 1.0), 60.0).temperature_drop_k, 7.5);  // "absence de réseau"
}

TEST(DpeNetwork, AnInstallationWithoutEmittersDescribesNone) {
  const DpeNetwork n = heating_network(heater(0, 0, 0, 1.0), 80.0);
  EXPECT_EQ(n.pressure_drop_kpa, 0.0);
  EXPECT_EQ(n.temperature_drop_k, 0.0);
}

}  // namespace
}  // namespace coron::stock
