#include "fixtures/data_params.hpp"
#include "io/thermal_data.hpp"
#include "reference_3cl.hpp"
#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <random>
#include <utility>

// The kernel against the independent scalar reference (reference_3cl.cpp) over a varied,
// deterministic population with the real data/thermal parameters: every heating, hot-water and
// ventilation system, every inertia class (so both climate variants), every climate zone and
// altitude class (several in each chunk of the kernel), boilers of known year, houses and flats
// (flats with every ventilation type, in other climates, with such boilers), the three occupancy
// branches of each and the damped one, single and several facades, airtight houses, dwellings under
// 40 m2 (and under 8 m2), both sides of the worse-of label rule. Each branch is counted, and
// must be hit. Relative 1e-12 on each output, labels equal.

namespace coron::test {
namespace {

const ThermalParams& data_params() { return fixtures::data_thermal_params(); }

double rel(double a, double b) { return std::fabs(a - b) / std::fmax(std::fabs(b), 1e-300); }

TEST(ThermalReference, KernelMatchesScalarReferenceOnAVariedPopulation) {
  const ThermalParams& p = data_params();
  for (const auto& [year, known_generators] :
       {std::pair{factors_2025(), false}, std::pair{factors_2026(), false},
        std::pair{factors_2025(), true}}) {
    Columns c = varied_population(4000, true, known_generators);
    c.evaluate(p, year);
    const ThermalInputs in = c.inputs();

    std::array<std::array<std::size_t, 3>, dwelling_type_count> occupancy{};
    std::array<std::size_t, 3> worse{};
    std::array<std::size_t, dwelling_type_count> damped_by_type{};
    std::array<std::size_t, heating_system_count> heating{};
    std::array<std::size_t, dhw_system_count> dhw{};
    std::array<std::size_t, ventilation_count> ventilation{};
    std::array<std::size_t, inertia_count> inertia{};
    std::array<std::size_t, climate_variant_count> ilpa{};
    std::array<std::size_t, climate_count> climate{};
    std::size_t damped = 0, several = 0, single = 0, airtight = 0, small = 0, below8 = 0;
    std::array<std::size_t, heating_system_count> part_load{};  // by class
    std::size_t part_load_given_power = 0, part_load_above_70_kw = 0;
    // The features together: flats with each ventilation type, outside H1a below 400 m, and
    // with a boiler of known year.
    std::array<std::size_t, ventilation_count> flat_ventilation{};
    std::size_t flats_other_climate = 0, flats_part_load = 0;
    // Recovered hot-water losses (3CL §9.1.1): collective loops, own tanks inside and outside
    // the heated volume, and months whose recovery exceeds what the gains leave.
    std::size_t collective = 0, tank_inside = 0, tank_outside = 0, clipped = 0;
    // Two generators (3CL §9.1.4): a second one of each class, with and without its own R_g.
    std::array<std::size_t, heating_system_count> backup{};
    std::size_t backup_own_rg = 0, backup_own_i0 = 0, backup_own_emitters = 0;
    // A heat network's own GHG content, for heating and for hot water.
    std::size_t own_heating_ghg = 0, own_dhw_ghg = 0;
    std::array<double, 8> max_rel{};
    double max_sum_rel = 0.0;  // heating + hot water + other electricity against final energy
    std::size_t label_mismatch = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
      reference::Trace t;
      const reference::Result r = reference::evaluate(in, i, p, year, &t);
      const std::array<double, 8> e = {rel(c.need[i], r.heating_need_kwh),
                                       rel(c.final_energy[i], r.final_energy_kwh),
                                       rel(c.cep[i], r.primary_energy_kwh_m2),
                                       rel(c.eges[i], r.ghg_kg_m2),
                                       rel(c.heating_final[i], r.heating_final_kwh),
                                       rel(c.dhw_final[i], r.dhw_final_kwh),
                                       rel(c.electricity_other[i], r.electricity_other_kwh),
                                       rel(c.heating_backup_final[i], r.heating_backup_final_kwh)};
      for (std::size_t k = 0; k < e.size(); ++k) max_rel[k] = std::max(max_rel[k], e[k]);
      max_sum_rel = std::max(
          max_sum_rel, rel(c.heating_final[i] + c.dhw_final[i] + c.electricity_other[i], c.final_energy[i]));
      EXPECT_GT(c.heating_final[i], 0.0) << i;
      EXPECT_GT(c.dhw_final[i], 0.0) << i;
      EXPECT_GT(c.electricity_other[i], 0.0) << i;
      if (c.label[i] != r.label) {
        ++label_mismatch;
        ADD_FAILURE() << "dwelling " << i << ": kernel label " << int{c.label[i]} << ", reference " << r.label
                      << " (Cep " << r.primary_energy_kwh_m2 << ", EGES " << r.ghg_kg_m2 << ")";
      }
      ++occupancy[in.dwelling_type[i]][static_cast<std::size_t>(t.occupancy_branch)];
      damped_by_type[in.dwelling_type[i]] += t.occupancy_damped;
      ++worse[static_cast<std::size_t>(t.worse_side + 1)];
      ++heating[in.heating_system[i]];
      ++dhw[in.dhw_system[i]];
      ++ventilation[in.ventilation[i]];
      ++inertia[in.inertia[i]];
      ++ilpa[static_cast<std::size_t>(t.ilpa)];
      ++climate[climate_index(in.climate_zone[i], in.altitude_class[i])];
      damped += t.occupancy_damped;
      several += t.several_facades;
      single += !t.several_facades;
      airtight += t.airtight;
      small += t.small_dwelling;
      below8 += in.floor_area_m2[i] < 8.0;
      const bool flat = in.dwelling_type[i] == static_cast<std::uint8_t>(DwellingType::flat);
      if (flat) {
        ++flat_ventilation[in.ventilation[i]];
        flats_other_climate += climate_index(in.climate_zone[i], in.altitude_class[i]) != climate_index(0, 0);
        flats_part_load += t.part_load;
      }
      EXPECT_GT(t.recovered_kwh, 0.0) << i;
      collective += in.dhw_collective[i];
      const bool tank = in.dhw_system[i] == static_cast<std::uint8_t>(DhwSystem::electric_storage);
      tank_inside += tank && in.dhw_collective[i] == 0 && in.dhw_storage_in_heated_volume[i] != 0;
      tank_outside += tank && in.dhw_collective[i] == 0 && in.dhw_storage_in_heated_volume[i] == 0;
      clipped += t.recovery_clipped;
      if (in.heating_backup_share[i] > 0.0) {
        EXPECT_GT(c.heating_backup_final[i], 0.0) << i;
        ++backup[in.heating_backup_system[i]];
        backup_own_rg += in.heating_backup_generation_efficiency[i] > 0.0;
        backup_own_i0 += in.heating_backup_i0[i] > 0.0;
        backup_own_emitters += in.heating_backup_emitter_efficiency[i] > 0.0;
      } else {
        EXPECT_EQ(c.heating_backup_final[i], 0.0) << i;
      }
      own_heating_ghg += in.heating_ghg_factor[i] > 0.0;
      own_dhw_ghg += in.dhw_ghg_factor[i] > 0.0;
      if (t.part_load) {
        ++part_load[in.heating_system[i]];
        part_load_given_power += in.heating_nominal_power_kw[i] > 0.0;
        part_load_above_70_kw += in.heating_nominal_power_kw[i] > 70.0;
      }
    }
    std::printf(
        "max relative difference kernel vs reference: need %.3g, final %.3g, Cep %.3g, EGES %.3g, heating "
        "%.3g, hot water %.3g, other electricity %.3g, second heating generator %.3g; uses vs final %.3g\n",
        max_rel[0], max_rel[1], max_rel[2], max_rel[3], max_rel[4], max_rel[5], max_rel[6], max_rel[7],
        max_sum_rel);
    std::printf(
        "branches: occupancy houses %zu/%zu/%zu flats %zu/%zu/%zu damped %zu; facades several %zu single "
        "%zu; airtight %zu; "
        "small %zu (below 8 m2 %zu); ilpa 0/1 %zu/%zu; label energy worse %zu, equal %zu, climate worse "
        "%zu\n",
        occupancy[0][0], occupancy[0][1], occupancy[0][2], occupancy[1][0], occupancy[1][1], occupancy[1][2],
        damped, several, single, airtight, small, below8, ilpa[0], ilpa[1], worse[0], worse[1], worse[2]);
    EXPECT_LE(max_rel[0], 1e-12) << "heating need";
    EXPECT_LE(max_rel[1], 1e-12) << "final energy";
    EXPECT_LE(max_rel[2], 1e-12) << "Cep";
    EXPECT_LE(max_rel[3], 1e-12) << "EGES";
    EXPECT_LE(max_rel[4], 1e-12) << "heating final energy";
    EXPECT_LE(max_rel[5], 1e-12) << "hot-water final energy";
    EXPECT_LE(max_rel[6], 1e-12) << "lighting and auxiliaries";
    EXPECT_LE(max_rel[7], 1e-12) << "second heating generator";
    // The kernel adds the three uses into the final energy: the sum is the total, bit for bit.
    EXPECT_EQ(max_sum_rel, 0.0) << "heating + hot water + other electricity vs final energy";
    EXPECT_EQ(label_mismatch, 0u);
    // Every branch hit, several times.
    constexpr std::size_t enough = 20;
    for (const auto& by_branch : occupancy)
      for (const std::size_t n : by_branch) EXPECT_GE(n, enough);
    for (const std::size_t n : damped_by_type) EXPECT_GE(n, enough);
    for (const std::size_t n : worse) EXPECT_GE(n, enough);
    for (const std::size_t n : heating) EXPECT_GE(n, enough);
    for (const std::size_t n : dhw) EXPECT_GE(n, enough);
    for (const std::size_t n : ventilation) EXPECT_GE(n, enough);
    for (const std::size_t n : flat_ventilation) EXPECT_GE(n, enough);
    EXPECT_GE(flats_other_climate, enough);
    EXPECT_GE(collective, enough);
    EXPECT_GE(tank_inside, enough);
    EXPECT_GE(tank_outside, enough);
    // Rare by nature (a month's recovered losses above what a well-insulated, well-glazed
    // dwelling's gains leave): a dozen in 4000; the hand case insulated_clipped has two.
    EXPECT_GE(clipped, 5u);
    if (known_generators) {
      EXPECT_GE(flats_part_load, enough);
      for (const std::size_t n : backup) EXPECT_GE(n, 5u);
      EXPECT_GE(backup_own_rg, enough);
      EXPECT_GE(backup_own_i0, enough);
      EXPECT_GE(backup_own_emitters, enough);
      EXPECT_GE(own_heating_ghg, enough);
      EXPECT_GE(own_dhw_ghg, enough);
    }
    for (const std::size_t n : inertia) EXPECT_GE(n, enough);
    for (const std::size_t n : ilpa) EXPECT_GE(n, enough);
    // Every climate but the three tv.js leaves empty (H1a, H2a, H2b above 800 m).
    for (std::size_t k = 0; k < climate_count; ++k) {
      const bool empty = k == climate_index(0, 2) || k == climate_index(3, 2) || k == climate_index(4, 2);
      if (empty)
        EXPECT_EQ(climate[k], 0u) << k;
      else
        EXPECT_GE(climate[k], enough) << k;
    }
    EXPECT_GE(damped, enough);
    EXPECT_GE(several, enough);
    EXPECT_GE(single, enough);
    EXPECT_GE(airtight, enough);
    EXPECT_GE(small, enough);
    EXPECT_GE(below8, enough);
    // Boilers of known year by the load bins (3CL §13.2.1): each class with part-load rows, sized
    // by the method and of given power, the power rows above 70 kW included; none otherwise.
    for (std::size_t h = 0; h < heating_system_count; ++h) {
      const bool boiler = p.heating[h].part_load.enabled;
      if (known_generators && boiler)
        EXPECT_GE(part_load[h], enough) << heating_system_names[h];
      else
        EXPECT_EQ(part_load[h], 0u) << heating_system_names[h];
    }
    if (known_generators) {
      EXPECT_GE(part_load_given_power, enough);
      EXPECT_GE(part_load_above_70_kw, enough);
    }
  }
}

// No hot-water class of data/thermal has a combustion generator's tank: the same population with
// a gas boiler heating a 100 L tank (Q_gw 67662 x 100^0.55 Wh), kernel against reference.
TEST(ThermalReference, KernelMatchesTheReferenceWithABoilersHotWaterTank) {
  ThermalParams p = data_params();
  p.dhw[static_cast<std::size_t>(DhwSystem::gas_boiler)].storage_l = 100.0;
  Columns c = varied_population(1000, true, true);
  c.evaluate(p, factors_2025());
  const ThermalInputs in = c.inputs();
  std::size_t boiler_tanks = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const reference::Result r = reference::evaluate(in, i, p, factors_2025());
    EXPECT_LE(rel(c.need[i], r.heating_need_kwh), 1e-12) << i;
    EXPECT_LE(rel(c.dhw_final[i], r.dhw_final_kwh), 1e-12) << i;
    boiler_tanks +=
        in.dhw_system[i] == static_cast<std::uint8_t>(DhwSystem::gas_boiler) && in.dhw_efficiency[i] == 0.0;
  }
  EXPECT_GT(boiler_tanks, 100U);
}

}  // namespace
}  // namespace coron::test
