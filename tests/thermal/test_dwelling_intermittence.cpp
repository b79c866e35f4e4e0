#include "fixtures/data_params.hpp"
#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

// A dwelling's own I0 (the stock's heating_i0, from its certificate's emitters, programmer and
// control, 3CL §8) in place of its heating class's: INT = I0 / (1 + 0.1 (G - 1)) scales the
// heating energy and nothing else; and its own R_e R_d R_r likewise.

namespace coron::test {
namespace {

TEST(DwellingIntermittence, ItsOwnI0ScalesTheHeatingEnergyAlone) {
  const ThermalParams& p = fixtures::data_thermal_params();
  Dwelling d;
  d.heating = HeatingSystem::gas_boiler_standard;
  d.inertia = Inertia::medium;
  const double class_i0 = p.heating[static_cast<std::size_t>(d.heating)].intermittence_i0[1];
  ASSERT_DOUBLE_EQ(class_i0, 0.91);  // systems.yaml, intermittence row 10
  const Columns by_class = evaluate_one(d, p, factors_2025());
  d.heating_i0 = 1.03;  // a flat's unmetered collective heating (tv.js intermittence row 152)
  const Columns own = evaluate_one(d, p, factors_2025());
  EXPECT_EQ(own.need[0], by_class.need[0]);
  EXPECT_EQ(own.dhw_final[0], by_class.dhw_final[0]);
  EXPECT_NEAR(own.heating_final[0] / by_class.heating_final[0], 1.03 / 0.91, 1e-12);
  d.heating_i0 = 0.91;  // the class's own value: the same energy
  EXPECT_NEAR(evaluate_one(d, p, factors_2025()).heating_final[0], by_class.heating_final[0],
              1e-12 * by_class.heating_final[0]);
}

// Its own R_e R_d R_r (heating_emitter_efficiency, from its certificate's emitters and network,
// 3CL section 9.1) in place of its class's 0.95 x 0.88 x 0.90 = 0.7524 (systems.yaml): the
// heating energy divides by it instead, whether R_g is the class's or a boiler's part-load one.
TEST(DwellingIntermittence, ItsOwnEmitterEfficiencyDividesTheHeatingEnergy) {
  const ThermalParams& p = fixtures::data_thermal_params();
  Dwelling d;
  d.heating = HeatingSystem::gas_boiler_standard;
  const Columns by_class = evaluate_one(d, p, factors_2025());
  d.heating_emitter_efficiency = 0.9405;  // NFC convectors' 0.95 x 1 x 0.99
  const Columns own = evaluate_one(d, p, factors_2025());
  EXPECT_EQ(own.need[0], by_class.need[0]);
  EXPECT_NEAR(own.heating_final[0] / by_class.heating_final[0], 0.95 * 0.88 * 0.90 / 0.9405, 1e-12);

  d.heating_generator_year = 1990;  // the part-load R_g: the same ratio
  d.heating_nominal_power_kw = 24.0;
  const Columns own_part_load = evaluate_one(d, p, factors_2025());
  d.heating_emitter_efficiency = 0.0;
  const Columns class_part_load = evaluate_one(d, p, factors_2025());
  EXPECT_NEAR(own_part_load.heating_final[0] / class_part_load.heating_final[0], 0.95 * 0.88 * 0.90 / 0.9405,
              1e-12);
}

// Its own R_g (heating_generation_efficiency, the one its certificate computed at its load, 3CL
// sections 12-13) in place of its class's fixed one or of the part-load R_g of its generator's
// period: the heating energy is need x INT / (R_g R_e R_d R_r) with that R_g.
TEST(DwellingIntermittence, ItsOwnGenerationEfficiencyReplacesTheClasssAndThePeriods) {
  const ThermalParams& p = fixtures::data_thermal_params();
  const HeatingSystemParams& boiler = p.heating[static_cast<std::size_t>(HeatingSystem::gas_boiler_standard)];
  Dwelling d;
  d.heating = HeatingSystem::gas_boiler_standard;
  const Columns by_class = evaluate_one(d, p, factors_2025());
  d.heating_generation_efficiency = 0.78;
  const Columns own = evaluate_one(d, p, factors_2025());
  EXPECT_EQ(own.need[0], by_class.need[0]);
  EXPECT_NEAR(own.heating_final[0] / by_class.heating_final[0], boiler.generation_efficiency / 0.78, 1e-12);

  d.heating_generator_year = 1990;  // a period's part-load R_g would differ: the own one wins
  d.heating_nominal_power_kw = 24.0;
  EXPECT_NEAR(evaluate_one(d, p, factors_2025()).heating_final[0], own.heating_final[0],
              1e-12 * own.heating_final[0]);

  d.heating_emitter_efficiency = 0.9405;  // with its own emitters too: both divide
  EXPECT_NEAR(evaluate_one(d, p, factors_2025()).heating_final[0] / by_class.heating_final[0],
              boiler.generation_efficiency * boiler.emission_efficiency * boiler.distribution_efficiency *
                  boiler.regulation_efficiency / (0.78 * 0.9405),
              1e-12);
}

}  // namespace
}  // namespace coron::test
