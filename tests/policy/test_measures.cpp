#include "fixtures/works_catalog.hpp"
#include "policy/package_search.hpp"
#include "reference_works.hpp"
#include "thermal/thermal_fixture.hpp"

#include "coron/works.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <string>

// What a measure does and costs: the library against the plain reference
// (reference_works.cpp) over a varied population, and hand cases.

namespace coron {
namespace {

bool close(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::fmax(1.0, std::fabs(b)); }

/// Every thermal column of `a` equal to `b`'s (reals to 1e-12 relative); the names of those that differ.
std::string differences(const ThermalRow& a, const ThermalRow& b) {
  std::string out;
#define CORON_COMPARE(T, name, unit, spec, text) \
  if (!close(static_cast<double>(a.name), static_cast<double>(b.name))) out += " " #name;
  CORON_THERMAL_COLUMNS(CORON_COMPARE)
#undef CORON_COMPARE
  return out;
}

/// The realistic catalog and variants that take the other branches: windows stating no
/// air leakage, a ventilation that states one, a thinner lining.
WorksParams varied_catalog() {
  WorksParams w = fixtures::realistic_catalog();
  Measure windows = w.measures[*w.find("windows")];
  windows.name = "windows_no_leakage";
  windows.q4pa_conv_m3_per_h_m2 = 0.0;
  windows.u_w_per_m2k = 2.2;
  w.measures.push_back(windows);
  Measure vmc = w.measures[*w.find("vmc_hygro")];
  vmc.name = "vmc_sealed";
  vmc.q4pa_conv_m3_per_h_m2 = 1.2;
  w.measures.push_back(vmc);
  Measure lining = w.measures[*w.find("wall_inside")];
  lining.name = "wall_inside_thin";
  lining.lining_thickness_m = 0.06;
  lining.u_w_per_m2k = 0.9;
  w.measures.push_back(lining);
  return w;
}

TEST(WorksMeasures, MatchTheReferenceOverAVariedPopulation) {
  const WorksParams works = varied_catalog();
  const test::Columns population = test::varied_population(3000);
  const ThermalInputs in = population.inputs();
  std::array<std::size_t, component_count> improved{}, left{};
  std::size_t lined = 0, leakage_lowered = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    for (const Measure& m : works.measures) {
      const auto c = static_cast<std::size_t>(m.component);
      const bool expected = reference_works::improves(m, row);
      ASSERT_EQ(improves(m, row), expected) << m.name << ", dwelling " << i;
      ++(expected ? improved : left)[c];
      EXPECT_TRUE(close(measure_cost_eur(m, row), reference_works::cost(m, row)))
          << m.name << ", dwelling " << i;
      if (!expected) continue;
      ThermalRow after = row;
      apply_measure(m, works.rebuilt, after);
      const ThermalRow reference = reference_works::apply(m, works.rebuilt, row);
      EXPECT_EQ(differences(after, reference), "") << m.name << ", dwelling " << i;
      lined += after.floor_area_m2 < row.floor_area_m2;
      leakage_lowered += after.q4pa_conv_m3_per_h_m2 < row.q4pa_conv_m3_per_h_m2;
    }
  }
  // Both answers of `improves` for every component a measure treats; structure always improves.
  for (std::size_t c = 0; c < component_count; ++c) {
    EXPECT_GE(improved[c], 20u) << component_names[c];
    if (static_cast<Component>(c) != Component::structure) {
      EXPECT_GE(left[c], 20u) << component_names[c];
    }
  }
  EXPECT_GE(lined, 100u);
  EXPECT_GE(leakage_lowered, 100u);
}

/// A coron: a terraced two-storey house, 5 m of front and 5 m of back, 8 m deep, 2.5 m per
/// floor. Its two party walls (2 x 8 m x 5 m = 80 m2) are not outside walls.
ThermalRow coron_row() {
  ThermalRow r;
  r.floor_area_m2 = 60.0;
  r.ceiling_height_m = 2.5;
  r.wall_area_m2 = 40.0;  // front and back: 2 x 5 m x 5 m = 50 m2 less 8 m2 of windows and a 2 m2 door
  r.u_wall_w_per_m2k = 2.5;
  r.roof_area_m2 = 40.0;
  r.u_roof_w_per_m2k = 2.0;
  r.b_roof = 0.9;
  r.ground_floor_area_m2 = 40.0;
  r.u_floor_w_per_m2k = 2.0;
  r.b_floor = 0.8;
  r.window_south_m2 = 4.0;
  r.window_north_m2 = 4.0;
  r.u_window_w_per_m2k = 2.9;
  r.g_window = 0.76;
  r.door_area_m2 = 2.0;
  r.u_door_w_per_m2k = 3.5;
  r.thermal_bridges_w_per_k = 8.0;
  r.q4pa_conv_m3_per_h_m2 = 3.3;
  r.multiple_exposed_facades = 1;
  r.ventilation = fixtures::id(Ventilation::natural_vents);
  r.inertia = static_cast<std::uint8_t>(Inertia::heavy);
  r.heating_system = fixtures::id(HeatingSystem::gas_boiler_standard);
  r.dhw_system = fixtures::id(DhwSystem::gas_boiler);
  return r;
}

TEST(WorksMeasures, CoronWallsArePaidOnTheOutsideWallsOnly) {
  const WorksParams works = fixtures::realistic_catalog();
  const ThermalRow coron = coron_row();
  // 1500 + 170 x 40 = 8300 EUR; with the party walls it would be 1500 + 170 x 120 = 21900.
  EXPECT_DOUBLE_EQ(measure_cost_eur(works.measures[*works.find("wall_outside")], coron), 8300.0);
  // 800 + 85 x 40 = 4200 EUR.
  EXPECT_DOUBLE_EQ(measure_cost_eur(works.measures[*works.find("wall_inside")], coron), 4200.0);
  EXPECT_DOUBLE_EQ(basis_area_m2(CostBasis::wall_area, coron), 40.0);
  // Windows: 500 + 650 x (4 + 4) = 5700 EUR; attic 300 + 28 x 40 = 1420; floor 400 + 45 x 40 = 2200.
  EXPECT_DOUBLE_EQ(measure_cost_eur(works.measures[*works.find("windows")], coron), 5700.0);
  EXPECT_DOUBLE_EQ(measure_cost_eur(works.measures[*works.find("attic")], coron), 1420.0);
  EXPECT_DOUBLE_EQ(measure_cost_eur(works.measures[*works.find("floor")], coron), 2200.0);
  // Heavy works per m2 of living area: 5000 + 250 x 60 = 20000; a boiler is a fixed price.
  EXPECT_DOUBLE_EQ(measure_cost_eur(works.measures[*works.find("heavy_structure")], coron), 20000.0);
  EXPECT_DOUBLE_EQ(measure_cost_eur(works.measures[*works.find("heat_pump")], coron), 13000.0);
}

// A new heating system, or a rebuilt house, forgets the old boiler's year and power (the new
// system takes its class's fixed efficiency); other measures keep them.
TEST(WorksMeasures, ANewHeatingSystemForgetsTheOldGenerator) {
  const WorksParams works = fixtures::realistic_catalog();
  ThermalRow boiler = coron_row();
  boiler.heating_generator_year = 1990;
  boiler.heating_nominal_power_kw = 24.0;
  boiler.heating_i0 = 0.95;
  boiler.heating_emitter_efficiency = 0.8;
  boiler.heating_generation_efficiency = 0.86;
  boiler.heating_backup_system = static_cast<std::uint8_t>(HeatingSystem::wood_stove);
  boiler.heating_backup_share = 0.25;
  boiler.heating_backup_generation_efficiency = 0.66;
  boiler.heating_backup_i0 = 0.86;
  boiler.heating_backup_emitter_efficiency = 0.93;
  boiler.heating_network_pressure_drop_kpa = 52.0;
  boiler.heating_design_temperature_drop_k = 7.5;
  boiler.heating_ghg_factor = 0.188;  // a heat network's own content
  for (const char* name : {"heat_pump", "rebuild"}) {
    ThermalRow after = boiler;
    apply_measure(works.measures[*works.find(name)], works.rebuilt, after);
    EXPECT_EQ(after.heating_generator_year, 0) << name;
    EXPECT_EQ(after.heating_nominal_power_kw, 0.0) << name;
    EXPECT_EQ(after.heating_i0, 0.0) << name;
    EXPECT_EQ(after.heating_emitter_efficiency, 0.0) << name;
    EXPECT_EQ(after.heating_generation_efficiency, 0.0) << name;
    EXPECT_EQ(after.heating_backup_share, 0.0) << name;  // sized for the whole need
    EXPECT_EQ(after.heating_backup_generation_efficiency, 0.0) << name;
    EXPECT_EQ(after.heating_backup_i0, 0.0) << name;
    EXPECT_EQ(after.heating_backup_emitter_efficiency, 0.0) << name;
    EXPECT_EQ(after.heating_network_pressure_drop_kpa, 0.0) << name;
    EXPECT_EQ(after.heating_design_temperature_drop_k, 0.0) << name;
    EXPECT_EQ(after.heating_ghg_factor, 0.0) << name;  // its new class's carrier
  }
  ThermalRow attic = boiler;
  apply_measure(works.measures[*works.find("attic")], works.rebuilt, attic);
  EXPECT_EQ(attic.heating_generator_year, 1990);
  EXPECT_EQ(attic.heating_nominal_power_kw, 24.0);
  EXPECT_EQ(attic.heating_i0, 0.95);
  EXPECT_EQ(attic.heating_emitter_efficiency, 0.8);
  EXPECT_EQ(attic.heating_generation_efficiency, 0.86);
  EXPECT_EQ(attic.heating_backup_share, 0.25);
  EXPECT_EQ(attic.heating_backup_generation_efficiency, 0.66);
  EXPECT_EQ(attic.heating_backup_i0, 0.86);
  EXPECT_EQ(attic.heating_backup_emitter_efficiency, 0.93);
  EXPECT_EQ(attic.heating_network_pressure_drop_kpa, 52.0);
  EXPECT_EQ(attic.heating_design_temperature_drop_k, 7.5);
  EXPECT_EQ(attic.heating_ghg_factor, 0.188);
}

// Likewise a new hot-water system, or a rebuilt house, forgets the certificate's hot-water
// generation, tank and network; a new heating system keeps them.
TEST(WorksMeasures, ANewHotWaterSystemForgetsTheOldGenerator) {
  const WorksParams works = fixtures::realistic_catalog();
  ThermalRow tank = coron_row();
  tank.dhw_system = fixtures::id(DhwSystem::electric_storage);
  tank.dhw_efficiency = 0.7;
  tank.dhw_standing_loss_kwh = 420.0;
  tank.dhw_distribution_efficiency = 0.85;
  tank.dhw_storage_loss_kwh = 600.0;
  tank.dhw_ghg_factor = 0.171;
  for (const char* name : {"thermodynamic_dhw", "rebuild"}) {
    ThermalRow after = tank;
    apply_measure(works.measures[*works.find(name)], works.rebuilt, after);
    EXPECT_EQ(after.dhw_efficiency, 0.0) << name;
    EXPECT_EQ(after.dhw_standing_loss_kwh, 0.0) << name;
    EXPECT_EQ(after.dhw_distribution_efficiency, 0.0) << name;
    EXPECT_EQ(after.dhw_storage_loss_kwh, 0.0) << name;
    EXPECT_EQ(after.dhw_ghg_factor, 0.0) << name;
  }
  ThermalRow heat_pump = tank;
  apply_measure(works.measures[*works.find("heat_pump")], works.rebuilt, heat_pump);
  EXPECT_EQ(heat_pump.dhw_efficiency, 0.7);
  EXPECT_EQ(heat_pump.dhw_standing_loss_kwh, 420.0);
  EXPECT_EQ(heat_pump.dhw_distribution_efficiency, 0.85);
  EXPECT_EQ(heat_pump.dhw_storage_loss_kwh, 600.0);
  EXPECT_EQ(heat_pump.dhw_ghg_factor, 0.171);
}

TEST(WorksMeasures, InsideLiningLosesTheInnerPerimeterTimesItsDepth) {
  const WorksParams works = fixtures::realistic_catalog();
  const ThermalRow coron = coron_row();
  ThermalRow after = coron;
  apply_measure(works.measures[*works.find("wall_inside")], works.rebuilt, after);
  // Outside walls with their openings: 40 + 8 + 2 = 50 m2 over 2.5 m = 20 m of wall (front
  // and back, both storeys); 20 m x 0.12 m = 2.4 m2 lost: 60 - 2.4 = 57.6 m2.
  EXPECT_NEAR(after.floor_area_m2, 57.6, 1e-12);
  EXPECT_DOUBLE_EQ(after.u_wall_w_per_m2k, 0.30);
  // From outside nothing is lost.
  after = coron;
  apply_measure(works.measures[*works.find("wall_outside")], works.rebuilt, after);
  EXPECT_DOUBLE_EQ(after.floor_area_m2, 60.0);
  EXPECT_DOUBLE_EQ(after.u_wall_w_per_m2k, 0.22);
}

TEST(WorksMeasures, WindowsSetUAndGAndLowerTheLeakage) {
  const WorksParams works = fixtures::realistic_catalog();
  const Measure& windows = works.measures[*works.find("windows")];
  ThermalRow after = coron_row();
  apply_measure(windows, works.rebuilt, after);
  EXPECT_DOUBLE_EQ(after.u_window_w_per_m2k, 1.3);
  EXPECT_DOUBLE_EQ(after.g_window, 0.6);
  EXPECT_DOUBLE_EQ(after.q4pa_conv_m3_per_h_m2, 1.7);  // 3.3 -> 1.7
  // Already tighter than the new windows: kept.
  ThermalRow tight = coron_row();
  tight.q4pa_conv_m3_per_h_m2 = 0.8;
  apply_measure(windows, works.rebuilt, tight);
  EXPECT_DOUBLE_EQ(tight.q4pa_conv_m3_per_h_m2, 0.8);
  // Better U but a worse g still improves (g is not what windows are judged on).
  ThermalRow low_e = coron_row();
  low_e.g_window = 0.4;
  EXPECT_TRUE(improves(windows, low_e));
}

TEST(WorksMeasures, NothingIsDoneTwice) {
  const WorksParams works = fixtures::realistic_catalog();
  ThermalRow done = coron_row();
  done.u_wall_w_per_m2k = 0.22;  // as good as the outside insulation: not improved
  done.u_roof_w_per_m2k = 0.1;
  done.heating_system = fixtures::id(HeatingSystem::heat_pump_air_water);
  EXPECT_FALSE(improves(works.measures[*works.find("wall_outside")], done));
  EXPECT_FALSE(improves(works.measures[*works.find("attic")], done));
  EXPECT_FALSE(improves(works.measures[*works.find("heat_pump")], done));
  EXPECT_TRUE(improves(works.measures[*works.find("pellet_boiler")], done));
  EXPECT_TRUE(improves(works.measures[*works.find("heavy_structure")], done));
  // apply_package skips them: only the boiler changes.
  const std::int32_t package = 1 << *works.find("wall_outside") | 1 << *works.find("attic") |
                               1 << *works.find("heat_pump") | 1 << *works.find("pellet_boiler");
  ThermalRow expected = done;
  expected.heating_system = fixtures::id(HeatingSystem::pellet_boiler);
  EXPECT_EQ(differences(apply_package(works, done, package), expected), "");
}

TEST(WorksMeasures, RebuildingGivesTheRebuiltEnvelope) {
  const WorksParams works = fixtures::realistic_catalog();
  ThermalRow after = coron_row();
  apply_measure(works.measures[*works.find("rebuild")], works.rebuilt, after);
  EXPECT_DOUBLE_EQ(after.u_wall_w_per_m2k, 0.2);
  EXPECT_DOUBLE_EQ(after.u_door_w_per_m2k, 1.3);
  EXPECT_DOUBLE_EQ(after.q4pa_conv_m3_per_h_m2, 0.6);
  EXPECT_DOUBLE_EQ(after.thermal_bridges_w_per_k, 3.0);  // 0.05 W/(K.m2) x 60 m2
  EXPECT_EQ(after.ventilation, fixtures::id(Ventilation::mechanical_double_flow));
  EXPECT_EQ(after.heating_system, fixtures::id(HeatingSystem::heat_pump_air_water));
  EXPECT_EQ(after.inertia, static_cast<std::uint8_t>(Inertia::medium));
  EXPECT_DOUBLE_EQ(after.floor_area_m2, 60.0);
  // Heavy works leave the thermal columns as they are.
  ThermalRow heavy = coron_row();
  apply_measure(works.measures[*works.find("heavy_structure")], works.rebuilt, heavy);
  EXPECT_EQ(differences(heavy, coron_row()), "");
}

}  // namespace
}  // namespace coron
