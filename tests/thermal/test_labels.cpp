#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace coron::test {
namespace {

double below(double x) { return std::nextafter(x, -std::numeric_limits<double>::infinity()); }

/// Each limit k: just below -> class k, at the limit -> class k + 1 (strict "<").
void expect_boundaries(const ThermalParams& p, double area_m2, const std::array<double, 6>& cep,
                       const std::array<double, 6>& eges) {
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(energy_class(p, below(cep[k]), area_m2), k) << "area " << area_m2 << " limit " << k;
    EXPECT_EQ(energy_class(p, cep[k], area_m2), k + 1) << "area " << area_m2 << " limit " << k;
    EXPECT_EQ(climate_class(p, below(eges[k]), area_m2), k) << "area " << area_m2 << " limit " << k;
    EXPECT_EQ(climate_class(p, eges[k], area_m2), k + 1) << "area " << area_m2 << " limit " << k;
  }
  EXPECT_EQ(energy_class(p, 0.0, area_m2), 0);
  EXPECT_EQ(energy_class(p, 1e6, area_m2), 6);
}

TEST(ThermalLabels, GeneralLimitsAtAndBelowEachBoundary) {
  const ThermalParams p = h1a_params();
  expect_boundaries(p, 40.0, {70, 110, 180, 250, 330, 420}, {6, 11, 30, 50, 70, 100});
  expect_boundaries(p, 95.0, {70, 110, 180, 250, 330, 420}, {6, 11, 30, 50, 70, 100});
  // 39.5 rounds to 40 (Open3CL Math.round): the general limits already apply.
  expect_boundaries(p, 39.5, {70, 110, 180, 250, 330, 420}, {6, 11, 30, 50, 70, 100});
}

TEST(ThermalLabels, SmallDwellingLimits) {
  const ThermalParams p = h1a_params();
  expect_boundaries(p, 20.0, {88, 128, 230, 300, 385, 476}, {8, 13, 34, 54, 74, 104});
  expect_boundaries(p, 20.4, {88, 128, 230, 300, 385, 476}, {8, 13, 34, 54, 74, 104});
  expect_boundaries(p, 8.0, {146, 186, 386, 505, 622, 739}, {11, 16, 44, 68, 90, 122});
  expect_boundaries(p, 5.0, {146, 186, 386, 505, 622, 739}, {11, 16, 44, 68, 90, 122});
  expect_boundaries(p, 39.4, p.small_cep_limits_kwh_m2[31], p.small_eges_limits_kg_m2[31]);
  // The same Cep is E in a 20 m2 flat and F in a 40 m2 one.
  EXPECT_EQ(energy_class(p, 380.0, 20.0), 4);
  EXPECT_EQ(energy_class(p, 380.0, 40.0), 5);
}

TEST(ThermalLabels, LabelIsTheWorseOfTheTwoClasses) {
  const ThermalParams p = h1a_params();
  EXPECT_EQ(dpe_label(p, 400.0, 120.0, 80.0), 6);  // energy F, climate G -> G
  EXPECT_EQ(dpe_label(p, 450.0, 80.0, 80.0), 6);   // energy G, climate F -> G
  EXPECT_EQ(dpe_label(p, 100.0, 40.0, 80.0), 3);   // energy B, climate D -> D
  EXPECT_EQ(dpe_label(p, 200.0, 5.0, 80.0), 3);    // energy D, climate A -> D
}

/// A partly renovated house heated by electric convectors, electric hot water.
Dwelling electric_house() {
  Dwelling d;
  d.floor_area_m2 = 75.0;
  d.u_wall_w_per_m2k = 0.9;
  d.u_roof_w_per_m2k = 0.5;
  d.u_window_w_per_m2k = 2.8;
  d.g_window = 0.75;
  d.q4pa_conv_m3_per_h_m2 = 2.0;
  d.ventilation = Ventilation::mechanical_pre1982;
  d.heating = HeatingSystem::electric_direct;
  d.dhw = DhwSystem::electric_storage;
  return d;
}

TEST(ThermalLabels, ElectricityFactor2026RelabelsElectricHouse) {
  const ThermalParams p = h1a_params();
  const Columns before = evaluate_one(electric_house(), p, factors_2025());
  const Columns after = evaluate_one(electric_house(), p, factors_2026());
  // Same physics, same final energy: only the conversion to primary energy moved.
  EXPECT_EQ(before.need[0], after.need[0]);
  EXPECT_EQ(before.final_energy[0], after.final_energy[0]);
  EXPECT_NEAR(after.cep[0] / before.cep[0], 1.9 / 2.3, 1e-12);
  EXPECT_EQ(before.eges[0], after.eges[0]);
  EXPECT_EQ(before.label[0], 5);  // F under 2.3
  EXPECT_EQ(after.label[0], 4);   // E under 1.9
}

TEST(ThermalLabels, ElectricityFactor2026LeavesGasHouseLabel) {
  const ThermalParams p = h1a_params();
  const Columns before = evaluate_one(Dwelling{}, p, factors_2025());
  const Columns after = evaluate_one(Dwelling{}, p, factors_2026());
  EXPECT_LT(after.cep[0], before.cep[0]);  // auxiliaries and lighting are electric
  EXPECT_EQ(before.label[0], after.label[0]);
  EXPECT_EQ(after.label[0], 6);
}

}  // namespace
}  // namespace coron::test
