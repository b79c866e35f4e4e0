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

/// One installation and the network the method gives it, worked by hand in `why`.
struct NetworkCase {
  int emission_id, temperature_id, emitters;
  double levels, floor_area_m2;
  double pressure_drop_kpa, temperature_drop_k;
  const char* why;
};

TEST(DpeNetwork, EachEmitterGroupLevelsAndTemperatureAsWorkedByHand) {
  const NetworkCase cases[] = {
      {12, 3, 1, 1.0, 49.64, 15.94133121983824, 7.5,
       "12 'plancher chauffant sur reseau collectif eau chaude basse ou moyenne temperature' alone, one "
       "level, 49.64 m2 (2377E0072905C): dP_em 15 kPa, F_cot 0.156, L_em = 0.78 (1 + 7.045566) = 6.284542 m, "
       "dP_nom = 0.942681 + 15; low temperature: 7.5 K"},
      {12, 3, 2, 1.0, 49.64, 19.839407937886335, 7.5,
       "the same floor heating beside another emitter: the least favourable F_cot, 0.802, "
       "L_em = 4.01 x 8.045566 = 32.262720 m, dP_nom = 4.839408 + 15"},
      {36, 4, 1, 6.0, 18.37, 14.661481775970492, 15.0,
       "36 'radiateur bitube avec robinet thermostatique sur reseau collectif eau chaude haute "
       "temperature', six levels, a flat of 18.37 m2 (2325E0263102J): dP_em 10 kPa, "
       "L_em = 4.01 (6 + sqrt(18.37 / 6)) = 31.076528 m, dP_nom = 4.661479 + 10; high temperature 15 K"},
      {31, 3, 1, 1.0, 101.94, 36.674565236353054, 7.5,
       "31 'radiateur monotube avec robinet thermostatique sur reseau individuel eau chaude basse ou "
       "moyenne temperature', one level, 101.94 m2 (2260E1364581G): dP_em 30 kPa, "
       "L_em = 4.01 (1 + 10.096534) = 44.497101 m, dP_nom = 6.674565 + 30"},
      {41, 1, 1, 0.0, 60.0, 40.26069896548752, 7.5,
       "41 'autres equipements', of no group: 35 kPa; a level count absent or below 1 is one level: "
       "L_em = 4.01 (1 + sqrt(60)) = 35.070466 m; 'absence de reseau': 7.5 K"},
      {1, 1, 1, 1.0, 60.0, 40.26069896548752, 7.5, "1 'convecteur electrique', of no group either"},
  };
  for (const NetworkCase& c : cases) {
    const DpeNetwork n =
        heating_network(heater(c.emission_id, c.temperature_id, c.emitters, c.levels), c.floor_area_m2);
    EXPECT_NEAR(n.pressure_drop_kpa, c.pressure_drop_kpa, 1e-12 * c.pressure_drop_kpa) << c.why;
    EXPECT_EQ(n.temperature_drop_k, c.temperature_drop_k) << c.why;
  }
}

TEST(DpeNetwork, AnInstallationWithoutEmittersDescribesNone) {
  const DpeNetwork n = heating_network(heater(0, 0, 0, 1.0), 80.0);
  EXPECT_EQ(n.pressure_drop_kpa, 0.0);
  EXPECT_EQ(n.temperature_drop_k, 0.0);
}

}  // namespace
}  // namespace coron::stock
