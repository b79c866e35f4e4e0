#include "fixtures/data_params.hpp"
#include "heat_pump_scop.hpp"
#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

// A heat pump's SCOP by installation period and zone (models/thermal/heat_pump_scop.hpp) with
// the shipped data/thermal rows, against tv.js `scop` (Open3CL, commit bb583ee), PAC air/eau
// with emitters other than floors or ceilings: rows 7-10 (zones H1, H2) and 15-18 (H3).

namespace coron::test {
namespace {

const HeatPumpScop& scop() {
  return fixtures::data_thermal_params()
      .heating[static_cast<std::size_t>(HeatingSystem::heat_pump_air_water)]
      .scop;
}

TEST(HeatPumpScop, EachPeriodAndZoneGivesItsTableValue) {
  struct Case {
    int year;
    double h1_h2, h3;
  };
  for (const Case& c : {Case{1990, 2.2, 2.5}, Case{2007, 2.2, 2.5},     // before 2008: a COP
                        Case{2008, 2.4, 2.8}, Case{2014, 2.4, 2.8},     // 2008-2014
                        Case{2015, 2.6, 3.0}, Case{2016, 2.6, 3.0},     // 2015-2016
                        Case{2017, 2.8, 3.2}, Case{2030, 2.8, 3.2}}) {  // from 2017
    EXPECT_EQ(detail::heat_pump_scop(scop(), c.year, false), c.h1_h2) << c.year;
    EXPECT_EQ(detail::heat_pump_scop(scop(), c.year, true), c.h3) << c.year;
  }
}

// The kernel: a heat pump of known year divides the same need by its period's SCOP instead of
// the class's 2.8; nothing else moves. Installed in 2010 in H1: 2.4; in H3: 2.8.
TEST(HeatPumpScop, KernelDividesTheNeedByThePeriodsScop) {
  const ThermalParams& p = fixtures::data_thermal_params();
  Dwelling d;
  d.heating = HeatingSystem::heat_pump_air_water;
  const Columns fixed = evaluate_one(d, p, factors_2025());
  d.heating_generator_year = 2010;
  const Columns known = evaluate_one(d, p, factors_2025());
  EXPECT_EQ(known.need[0], fixed.need[0]);
  EXPECT_EQ(known.dhw_final[0], fixed.dhw_final[0]);
  EXPECT_NEAR(known.heating_final[0] / fixed.heating_final[0], 2.8 / 2.4, 1e-12);

  d.zone = ClimateZone::h3;
  d.heating_generator_year = 0;
  const Columns h3_fixed = evaluate_one(d, p, factors_2025());
  d.heating_generator_year = 2010;
  const Columns h3_known = evaluate_one(d, p, factors_2025());
  EXPECT_NEAR(h3_known.heating_final[0], h3_fixed.heating_final[0], 1e-9 * h3_fixed.heating_final[0]);
}

}  // namespace
}  // namespace coron::test
