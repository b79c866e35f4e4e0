// What a candidate's package is worth to the allocation (sim/engine/allocation_objective):
// households lifted out of fuel poverty worked by hand at its edges (lifted, not enough,
// the threshold itself, vacant, above the income decile, nothing done, a heating system
// whose carrier costs more after the works), against an independent reference over a
// varied population, and the weighted sum against its terms added by hand.
#include "economics/reference_economics.hpp"
#include "engine/allocation_objective.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "policy/package_search.hpp"

#include "coron/rng.hpp"
#include "coron/state.hpp"
#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace coron::engine {
namespace {

using Objective = AllocationSpec::Objective;

constexpr auto heat_pump = static_cast<std::uint8_t>(HeatingSystem::heat_pump_air_water);
constexpr auto gas = static_cast<std::uint8_t>(HeatingSystem::gas_boiler_standard);

/// Prices chosen exact in binary, so that the threshold case is exact: heating 0.125
/// EUR/kWh (0.25 for a heat pump), electricity 0.25, 200 EUR of subscriptions, heating
/// intensity 1 (bill = conventional use priced), threshold 0.08, 3rd decile 15,000 EUR/CU.
ObjectiveContext hand_context(Objective objective) {
  ObjectiveContext c;
  c.objective = objective;
  EconomicsYear& y = c.prices;
  y.heating_eur_per_kwh.fill(0.125);
  y.heating_eur_per_kwh[heat_pump] = 0.25;
  y.dhw_eur_per_kwh.fill(0.125);
  y.electricity_eur_per_kwh = 0.25;
  for (auto& row : y.subscriptions_eur) row.fill(200.0);
  y.intensity_coefficient = 1.0;
  y.intensity_exponent = 0.0;
  y.cu_first_person = 1.0;
  y.cu_other_person = 0.5;
  y.effort_rate_threshold = 0.08;
  y.decile3_income_per_cu_eur = 15000.0;
  return c;
}

/// One gas-heated house of 100 m2, two persons at 12,000 EUR/CU (18,000 EUR, 1.5 CU):
/// 9,600 kWh of heating (1,200 EUR), no hot water, 800 kWh of electricity (200 EUR) and
/// 200 EUR of subscriptions: 1,600 EUR, an effort of 0.0889 > 0.08, and 12,000 < 15,000:
/// fuel poor. Label F, Cep 300 kWh/m2, 60 kgCO2e/m2.
DwellingState hand_state() {
  DwellingState s = initial_state(fixtures::synthetic_stock(1));
  s.occupied[0] = 1;
  s.household_size[0] = 2;
  s.income_per_cu_eur[0] = 12000.0;
  s.floor_area_m2[0] = 100.0;
  s.heating_system[0] = gas;
  s.heating_final_kwh[0] = 9600.0;
  s.dhw_final_kwh[0] = 0.0;
  s.electricity_other_kwh[0] = 800.0;
  s.label[0] = 5;
  s.primary_energy_kwh_m2[0] = 300.0;
  s.ghg_kg_m2[0] = 60.0;
  return s;
}

/// A package leaving `heating_kwh` of heating, the rest as before; label C, Cep 150,
/// 10 kgCO2e/m2.
PackageChoice hand_package(const DwellingState& s, double heating_kwh, std::uint8_t heating_system = gas) {
  PackageChoice c;
  c.measures = 1;
  c.after = thermal_row(thermal_inputs(s), 0);
  c.after.heating_system = heating_system;
  c.heating_final_after_kwh = heating_kwh;
  c.dhw_final_after_kwh = 0.0;
  c.electricity_other_after_kwh = 800.0;
  c.final_after_kwh = heating_kwh + 800.0;
  c.label_after = 2;
  c.primary_after_kwh_m2 = 150.0;
  c.ghg_after_kg_m2 = 10.0;
  return c;
}

TEST(AllocationObjective, OutOfFuelPovertyByHand) {
  const ObjectiveContext c = hand_context(Objective::out_of_fuel_poverty);
  const DwellingState s = hand_state();
  // 8,000 kWh: 1,000 + 200 + 200 = 1,400 EUR, 1,400 / 18,000 = 0.0778: lifted.
  EXPECT_EQ(outcome(c, s, 0, hand_package(s, 8000.0)), 1.0);
  // 9,000 kWh: 1,125 + 400 = 1,525 EUR, 0.0847 > 0.08: still fuel poor.
  EXPECT_EQ(outcome(c, s, 0, hand_package(s, 9000.0)), 0.0);
  // 8,320 kWh: 1,040 + 400 = 1,440 EUR, 1,440 / 18,000 = 0.08, not above it: lifted.
  EXPECT_EQ(outcome(c, s, 0, hand_package(s, 8320.0)), 1.0);
  // A heat pump: 5,000 kWh at 0.25 = 1,250 + 400 = 1,650 EUR, 0.0917: still fuel poor
  // (priced at the gas price it would have been 1,025 EUR, lifted).
  EXPECT_EQ(outcome(c, s, 0, hand_package(s, 5000.0, heat_pump)), 0.0);
  // ... and 3,000 kWh: 750 + 400 = 1,150 EUR, 0.0639: lifted.
  EXPECT_EQ(outcome(c, s, 0, hand_package(s, 3000.0, heat_pump)), 1.0);

  DwellingState vacant = hand_state();
  vacant.occupied[0] = 0;
  EXPECT_EQ(outcome(c, vacant, 0, hand_package(vacant, 8000.0)), 0.0) << "no household to lift";
  // The rankings' criterion: the hand household is fuel poor this year, an empty house not.
  EXPECT_TRUE(fuel_poor_now(c, s, 0));
  EXPECT_FALSE(fuel_poor_now(c, vacant, 0));

  // 15,000 EUR/CU is not below the 3rd decile: not fuel poor, whatever the bill (16,000
  // kWh: 2,000 + 400 = 2,400 EUR over 22,500 EUR, 0.107).
  DwellingState decile = hand_state();
  decile.income_per_cu_eur[0] = 15000.0;
  decile.heating_final_kwh[0] = 16000.0;
  EXPECT_EQ(outcome(c, decile, 0, hand_package(decile, 1000.0)), 0.0);
  // 14,999 EUR/CU is below: 2,400 / 22,498.5 = 0.107, fuel poor; after, 125 + 400 = 525
  // EUR: lifted.
  decile.income_per_cu_eur[0] = 14999.0;
  EXPECT_EQ(outcome(c, decile, 0, hand_package(decile, 1000.0)), 1.0);

  // Not fuel poor before (8,000 kWh: 0.0778): nothing to lift, however good the works.
  DwellingState comfortable = hand_state();
  comfortable.heating_final_kwh[0] = 8000.0;
  EXPECT_EQ(outcome(c, comfortable, 0, hand_package(comfortable, 100.0)), 0.0);

  // No measures: nothing done, whatever the fields say.
  PackageChoice nothing = hand_package(s, 8000.0);
  nothing.measures = 0;
  EXPECT_EQ(outcome(c, s, 0, nothing), 0.0);
}

TEST(AllocationObjective, APackageLeavingTheDwellingAsItIsLiftsNobody) {
  // The bill after is priced like the bill before (heating intensity from the bill's share
  // of income, hot water for the household's size): the same energies give the same bill.
  const ModelParams& params = fixtures::data_model_params();
  AllocationSpec spec;
  spec.objective = Objective::out_of_fuel_poverty;
  const ObjectiveContext c = objective_context(spec, params.economics, params.thermal, 2020);
  DwellingState s = initial_state(fixtures::synthetic_stock(200));
  YearFactors f;
  f.primary_energy_factor.fill(1.0);
  evaluate_thermal(thermal_inputs(s), params.thermal, f, thermal_outputs(s), 0, s.size());
  std::size_t poor = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    s.income_per_cu_eur[i] = 4000.0 + 100.0 * static_cast<double>(i);
    PackageChoice same;
    same.measures = 1;  // as if a measure had been done that changed nothing
    same.after = thermal_row(thermal_inputs(s), i);
    same.heating_final_after_kwh = s.heating_final_kwh[i];
    same.dhw_final_after_kwh = s.dhw_final_kwh[i];
    same.electricity_other_after_kwh = s.electricity_other_kwh[i];
    EXPECT_EQ(outcome(c, s, i, same), 0.0) << i;
    PackageChoice free_energy = same;
    free_energy.heating_final_after_kwh = 0.0;
    free_energy.dhw_final_after_kwh = 0.0;
    free_energy.electricity_other_after_kwh = 0.0;
    poor += outcome(c, s, i, free_energy) == 1.0 ? 1 : 0;
  }
  EXPECT_GT(poor, 10u) << "the population holds fuel-poor households that works can lift";
}

TEST(AllocationObjective, WeightedSumIsTheTermsAddedByHand) {
  const DwellingState s = hand_state();
  const PackageChoice p = hand_package(s, 8000.0);
  // Terms: primary (300 - 150) x 100 = 15,000 kWh/yr; CO2 (60 - 10) x 100 = 5,000
  // kgCO2e/yr; F to C: 1 dwelling out of E-G; lifted: 1 household.
  const std::array<double, 4> terms = {15000.0, 5000.0, 1.0, 1.0};
  for (std::size_t t = 0; t < 4; ++t)
    EXPECT_EQ(outcome(hand_context(static_cast<Objective>(t)), s, 0, p), terms[t]) << t;
  ObjectiveContext c = hand_context(Objective::weighted);
  c.weights = {0.5, 0.25, 3000.0, 5000.0};
  // 0.5 x 15,000 + 0.25 x 5,000 + 3,000 x 1 + 5,000 x 1 = 7,500 + 1,250 + 3,000 + 5,000.
  EXPECT_EQ(outcome(c, s, 0, p), 16750.0);
  c.weights = {0.0, 0.0, 0.0, 2.0};
  EXPECT_EQ(outcome(c, s, 0, p), 2.0);
  c.weights = {0.0, 1.0, 0.0, 0.0};
  EXPECT_EQ(outcome(c, s, 0, p), 5000.0);
  // Not enough to lift: the fuel-poverty term drops out, 7,500 + 1,250 + 3,000.
  c.weights = {0.5, 0.25, 3000.0, 5000.0};
  EXPECT_EQ(outcome(c, s, 0, hand_package(s, 9000.0)), 11750.0);
}

/// The plain reference: fuel poor (reference::household_year, which shares no code with
/// models/economics) with the bill before and not with the bill after.
struct ReferenceLift {
  double value = 0.0;
  bool near_threshold = false;  ///< an effort within 1e-9 of the threshold: rounding may decide
};

ReferenceLift reference_lift(const DwellingState& s, std::size_t i, const PackageChoice& c,
                             const EconomicsParams& p, const ThermalParams& t, int year) {
  if (s.occupied[i] == 0 || c.measures == 0) return {};
  reference::Household h;
  h.floor_area_m2 = s.floor_area_m2[i];
  h.heating_system = s.heating_system[i];
  h.dhw_system = s.dhw_system[i];
  h.occupied = true;
  h.rights_holder = s.rights_holder[i] != 0;
  h.persons = s.household_size[i];
  h.income_per_cu_eur = s.income_per_cu_eur[i];
  h.heating_kwh = s.heating_final_kwh[i];
  h.dhw_kwh = s.dhw_final_kwh[i];
  h.other_kwh = s.electricity_other_kwh[i];
  const reference::Economics before = reference::household_year(h, p, t, year);
  h.floor_area_m2 = c.after.floor_area_m2;
  h.heating_system = c.after.heating_system;
  h.dhw_system = c.after.dhw_system;
  h.heating_kwh = c.heating_final_after_kwh;
  h.dhw_kwh = c.dhw_final_after_kwh;
  h.other_kwh = c.electricity_other_after_kwh;
  const reference::Economics after = reference::household_year(h, p, t, year);
  ReferenceLift r;
  r.value = before.fuel_poor && !after.fuel_poor ? 1.0 : 0.0;
  r.near_threshold = std::abs(before.effort - p.effort_rate_threshold) < 1e-9 ||
                     std::abs(after.effort - p.effort_rate_threshold) < 1e-9;
  return r;
}

TEST(AllocationObjective, OutOfFuelPovertyMatchesThePlainReferenceOverAVariedPopulation) {
  // 600 houses of the synthetic stock, households drawn (size 1-6, 3,000-30,000 EUR/CU,
  // one in ten vacant), each given a random package of the shipped catalog, priced in 2030
  // (prices and incomes past their last step, with their trends).
  const ModelParams& params = fixtures::data_model_params();
  const int year = 2030;
  AllocationSpec spec;
  spec.objective = Objective::out_of_fuel_poverty;
  const ObjectiveContext c = objective_context(spec, params.economics, params.thermal, year);
  const std::size_t n = 600;
  DwellingState s = initial_state(fixtures::synthetic_stock(n, 11));
  YearFactors f;
  f.primary_energy_factor.fill(1.0);
  f.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)] = 1.9;
  evaluate_thermal(thermal_inputs(s), params.thermal, f, thermal_outputs(s), 0, n);
  const PackageSearch search(params.works, params.thermal);
  const std::vector<double> cost_factor(params.works.measures.size(), 1.0);
  std::size_t lifted = 0, poor_not_lifted = 0, vacant = 0, near = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const RngKey key{5, 0, 0, i, Stream::stock_envelope};
    s.occupied[i] = key.uniform(0) < 0.9 ? 1 : 0;
    s.household_size[i] = static_cast<std::uint8_t>(1 + key.bits(1) % 6);
    s.income_per_cu_eur[i] = 3000.0 + 27000.0 * key.uniform(2);
    s.rights_holder[i] = key.uniform(3) < 0.3 ? 1 : 0;
    const auto measures =
        static_cast<std::int32_t>(key.bits(4) & ((std::uint64_t{1} << params.works.measures.size()) - 1));
    const PackageChoice choice =
        search.listed(thermal_row(thermal_inputs(s), i), PackageRules{}, measures, f, cost_factor);
    const ReferenceLift want = reference_lift(s, i, choice, params.economics, params.thermal, year);
    const double got = outcome(c, s, i, choice);
    if (want.near_threshold) {
      ++near;
      continue;
    }
    EXPECT_EQ(got, want.value) << "dwelling " << i;
    lifted += want.value == 1.0 ? 1 : 0;
    vacant += s.occupied[i] == 0 ? 1 : 0;
    const reference::Economics before = [&] {
      reference::Household h;
      h.floor_area_m2 = s.floor_area_m2[i];
      h.heating_system = s.heating_system[i];
      h.dhw_system = s.dhw_system[i];
      h.occupied = true;
      h.persons = s.household_size[i];
      h.income_per_cu_eur = s.income_per_cu_eur[i];
      h.heating_kwh = s.heating_final_kwh[i];
      h.dhw_kwh = s.dhw_final_kwh[i];
      h.other_kwh = s.electricity_other_kwh[i];
      return reference::household_year(h, params.economics, params.thermal, year);
    }();
    poor_not_lifted += s.occupied[i] != 0 && before.fuel_poor && want.value == 0.0 ? 1 : 0;
    // What the rankings' fuel-poverty criterion reads: the reference's decision this year.
    EXPECT_EQ(fuel_poor_now(c, s, i), s.occupied[i] != 0 && before.fuel_poor) << "dwelling " << i;
  }
  // The population has all the cases, in numbers.
  EXPECT_GT(lifted, 20u);
  EXPECT_GT(poor_not_lifted, 20u);
  EXPECT_GT(vacant, 20u);
  EXPECT_LT(near, 3u);
}

}  // namespace
}  // namespace coron::engine
