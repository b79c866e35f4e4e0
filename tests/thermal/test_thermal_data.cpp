#include "fixtures/temp_dir.hpp"
#include "io/thermal_data.hpp"

#include "coron/error.hpp"
#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace coron::test {
namespace {

namespace fs = std::filesystem;

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.items()) s += x.format() + "\n";
  return s;
}

/// A copy of data/thermal in a fresh folder (removed with it) with `file` replaced by `bad`.
struct DataWith {
  DataWith(std::string_view file, std::string_view bad) : dir("thermal_" + std::string(bad)) {
    copy(dir.path(), file, bad);
  }
  static void copy(const fs::path& root, std::string_view file, std::string_view bad);
  fixtures::TempDir dir;
};

void DataWith::copy(const fs::path& root, std::string_view file, std::string_view bad) {
  fs::create_directories(root / "thermal");
  for (const auto& entry : fs::directory_iterator(fs::path(CORON_DATA_DIR) / "thermal"))
    fs::copy_file(entry.path(), root / "thermal" / entry.path().filename());
  fs::copy_file(fs::path(CORON_TEST_DATA_DIR) / "thermal" / bad, root / "thermal" / file,
                fs::copy_options::overwrite_existing);
}

/// True if one diagnostic is in `file` at `line` (0: any line, column > 0) for a key ending in `key`.
bool has(const Diagnostics& d, std::string_view file, int line, std::string_view key) {
  for (const auto& x : d.items()) {
    const bool file_ok = x.file.ends_with(file);
    const bool line_ok = line == 0 ? x.line > 0 : x.line == line;
    if (file_ok && line_ok && x.column > 0 && std::string_view(x.key).ends_with(key)) return true;
  }
  return false;
}

TEST(ThermalData, RealDataLoadsCleanly) {
  Diagnostics diag;
  const ThermalParams p = io::load_thermal_params(CORON_DATA_DIR, diag);
  ASSERT_TRUE(diag.empty()) << all(diag);
  // H1a below 400 m: the numbers of the former climate-h1a.yaml, unchanged.
  const ClimateTable& h1a = p.climate[climate_index(0, 0)];
  const ClimateVariant& c0 = h1a.variant[0];
  const ClimateVariant& c1 = h1a.variant[1];
  EXPECT_DOUBLE_EQ(c0.dh19_kh[0], 11712.4);
  EXPECT_DOUBLE_EQ(c0.dh19_kh[6], 0.0);
  EXPECT_DOUBLE_EQ(c0.nref19_h[11], 744.0);
  EXPECT_DOUBLE_EQ(c0.sun_east_kwh_m2[0], 38.36 * 0.40);
  EXPECT_DOUBLE_EQ(c0.sun_west_kwh_m2[0], 38.36 * 0.43);
  EXPECT_DOUBLE_EQ(c0.sun_north_kwh_m2[0], 38.36 * 0.31);
  // ilpa = 1: the sums of reference §3.2, and the shorter May.
  double dh19_sum = 0.0, nref19_sum = 0.0;
  for (std::size_t j = 0; j < months; ++j) {
    dh19_sum += c1.dh19_kh[j];
    nref19_sum += c1.nref19_h[j];
  }
  EXPECT_NEAR(dh19_sum, 57369.5, 1e-9);
  EXPECT_DOUBLE_EQ(nref19_sum, 5243.0);
  EXPECT_DOUBLE_EQ(c1.sun_east_kwh_m2[4], 19.19 * 1.01);
  EXPECT_EQ(p.ilpa_by_inertia, (std::array<std::uint8_t, inertia_count>{0, 0, 1}));
  const auto& gas_i0 =
      p.heating[static_cast<std::size_t>(HeatingSystem::gas_boiler_standard)].intermittence_i0;
  EXPECT_EQ(gas_i0, (std::array<double, inertia_count>{0.91, 0.91, 0.93}));
  const DhwSystemParams& boiler = p.dhw[static_cast<std::size_t>(DhwSystem::gas_boiler)];
  EXPECT_EQ(boiler.generator, DhwGenerator::boiler);
  EXPECT_DOUBLE_EQ(boiler.standby_loss_w, 288.0);
  EXPECT_DOUBLE_EQ(p.dhw[static_cast<std::size_t>(DhwSystem::electric_storage)].storage_loss_cr, 0.23);
  EXPECT_DOUBLE_EQ(h1a.cold_water_c[7], 17.8);
  EXPECT_DOUBLE_EQ(h1a.days[11], 24.0);
  const auto& gas = p.heating[static_cast<std::size_t>(HeatingSystem::gas_boiler_standard)];
  EXPECT_EQ(gas.carrier, Carrier::natural_gas);
  EXPECT_DOUBLE_EQ(gas.generation_efficiency, 0.84);
  EXPECT_EQ(p.heating[static_cast<std::size_t>(HeatingSystem::coal_stove)].carrier, Carrier::coal);
  EXPECT_DOUBLE_EQ(p.ventilation[static_cast<std::size_t>(Ventilation::natural_vents)].q_varep_m3_per_h_m2,
                   2.23);
  EXPECT_DOUBLE_EQ(p.ventilation[static_cast<std::size_t>(Ventilation::natural_vents)].s_mea_m3_per_h_m2,
                   4.0);
  // Double flow: the exchanger is in Q_varep (tv.js debits_ventilation row 20), balanced flows.
  const auto& double_flow = p.ventilation[static_cast<std::size_t>(Ventilation::mechanical_double_flow)];
  EXPECT_DOUBLE_EQ(double_flow.q_varep_m3_per_h_m2, 0.26);
  EXPECT_DOUBLE_EQ(double_flow.q_vasouf_m3_per_h_m2, 0.26);
  EXPECT_DOUBLE_EQ(double_flow.s_mea_m3_per_h_m2, 0.0);
  EXPECT_DOUBLE_EQ(double_flow.auxiliary_kwh_per_dwelling, 35.0 * 8.76);
  const auto& pellet = p.heating[static_cast<std::size_t>(HeatingSystem::pellet_boiler)];
  EXPECT_EQ(pellet.carrier, Carrier::wood);
  EXPECT_DOUBLE_EQ(pellet.generation_efficiency, 0.918);
  EXPECT_NEAR(pellet.auxiliary_kwh_per_kwh_need, (73.3 + 10.5 * 24.0) / 24000.0, 1e-6);
  // Coal boilers: the rows of log and chip wood boilers (tv.js generateur_combustion 28-49), on
  // coal's K = 1.04, with a circulator and no generation auxiliaries.
  const auto& coal = p.heating[static_cast<std::size_t>(HeatingSystem::coal_boiler)];
  EXPECT_EQ(coal.carrier, Carrier::coal);
  EXPECT_DOUBLE_EQ(coal.generation_efficiency, 0.563);
  EXPECT_EQ(coal.auxiliary_kwh_per_kwh_need, 0.0);
  EXPECT_TRUE(coal.water_network);
  EXPECT_FALSE(p.heating[static_cast<std::size_t>(HeatingSystem::coal_stove)].water_network);
  EXPECT_FALSE(p.heating[static_cast<std::size_t>(HeatingSystem::electric_direct)].water_network);
  EXPECT_TRUE(p.heating[static_cast<std::size_t>(HeatingSystem::district_heat)].water_network);
  // The default network of the circulator: 3CL's "other" emitters, one level, high temperature.
  EXPECT_EQ(p.circulator.minimum_w, 30.0);
  EXPECT_EQ(p.circulator.emitter_pressure_drop_kpa, 35.0);
  EXPECT_EQ(p.circulator.length_factor, 0.802);
  EXPECT_EQ(p.circulator.levels, 1.0);
  EXPECT_EQ(p.circulator.design_temperature_drop_k, 15.0);
  EXPECT_EQ(coal.part_load.kind, BoilerKind::solid_fuel);
  EXPECT_DOUBLE_EQ(coal.part_load.pcs_over_pci, 1.04);
  ASSERT_EQ(coal.part_load.period_count, 22u);
  EXPECT_EQ(coal.part_load.periods[3].from_year, 1978);  // row 31, Pn <= 70 kW
  EXPECT_DOUBLE_EQ(coal.part_load.periods[3].max_pn_kw, 70.0);
  EXPECT_DOUBLE_EQ(coal.part_load.periods[3].rpint_a, 48.0);
  EXPECT_DOUBLE_EQ(coal.part_load.periods[3].rpint_b, 6.0);
  EXPECT_DOUBLE_EQ(coal.part_load.periods[3].qp0_a, 7.0);
  EXPECT_DOUBLE_EQ(coal.part_load.periods[3].qp0_exponent, -0.3);
  EXPECT_DOUBLE_EQ(coal.part_load.periods[21].rpn_a, 94.0);  // row 49, after 2019, Pn > 400 kW
  EXPECT_DOUBLE_EQ(p.gain_exponent_alpha[static_cast<std::size_t>(Inertia::heavy)], 3.6);
  EXPECT_DOUBLE_EQ(p.internal_gain_w_per_m2, 3.52);
  EXPECT_DOUBLE_EQ(p.occupant_gain_wh, 132.0 / 168.0 * 90.0);
  EXPECT_NEAR(h1a.lighting_kwh_per_m2, 1.89, 1e-12);
  EXPECT_DOUBLE_EQ(p.ghg_heating_kg_per_kwh[static_cast<std::size_t>(Carrier::electricity)], 0.079);
  EXPECT_DOUBLE_EQ(p.ghg_dhw_kg_per_kwh[static_cast<std::size_t>(Carrier::electricity)], 0.065);
  EXPECT_DOUBLE_EQ(p.ghg_heating_kg_per_kwh[static_cast<std::size_t>(Carrier::coal)], 0.385);
  EXPECT_DOUBLE_EQ(p.cep_limits_kwh_m2[5], 420.0);
  EXPECT_DOUBLE_EQ(p.eges_limits_kg_m2[0], 6.0);
  // Small-dwelling table: row 8 m2, row 20 m2, row 39 m2 (arrêté du 25 mars 2024).
  EXPECT_EQ(p.small_cep_limits_kwh_m2[0], (std::array<double, 6>{146, 186, 386, 505, 622, 739}));
  EXPECT_EQ(p.small_cep_limits_kwh_m2[12], (std::array<double, 6>{88, 128, 230, 300, 385, 476}));
  EXPECT_EQ(p.small_eges_limits_kg_m2[12], (std::array<double, 6>{8, 13, 34, 54, 74, 104}));
  EXPECT_EQ(p.small_cep_limits_kwh_m2[31], (std::array<double, 6>{71, 111, 182, 252, 332, 422}));
  EXPECT_EQ(p.small_eges_limits_kg_m2[31], (std::array<double, 6>{7, 12, 31, 51, 71, 101}));
}

TEST(ThermalData, EveryZoneAndAltitudeIsItsOwnClimate) {
  Diagnostics diag;
  const ThermalParams p = io::load_thermal_params(CORON_DATA_DIR, diag);
  ASSERT_TRUE(diag.empty()) << all(diag);
  // H1c above 800 m (tv.js dh19[0]['supérieur à 800m'].Janvier.h1c, e[1]...Juin.h1c, c1.h1c.Juin
  // 'est sup75°', tefs['supérieur à 800m'].Février.h1c): ten heating months, June among them.
  const ClimateTable& h1c_high = p.climate[climate_index(
      static_cast<std::size_t>(ClimateZone::h1c), static_cast<std::size_t>(AltitudeClass::above_800m))];
  EXPECT_DOUBLE_EQ(h1c_high.variant[0].dh19_kh[0], 13829.2);
  EXPECT_DOUBLE_EQ(h1c_high.variant[0].dh19_kh[5], 2989.4);
  EXPECT_DOUBLE_EQ(h1c_high.variant[1].nref19_h[5], 94.0);
  EXPECT_DOUBLE_EQ(h1c_high.variant[0].sun_east_kwh_m2[5], 53.86 * 1.2);
  EXPECT_DOUBLE_EQ(h1c_high.cold_water_c[1], 0.4);
  // H3 400-800 m: no heating in May to September for ordinary buildings.
  const ClimateTable& h3_mid = p.climate[climate_index(
      static_cast<std::size_t>(ClimateZone::h3), static_cast<std::size_t>(AltitudeClass::from_400_to_800m))];
  EXPECT_DOUBLE_EQ(h3_mid.variant[0].dh19_kh[0], 10752.6);
  EXPECT_DOUBLE_EQ(h3_mid.variant[0].dh19_kh[4], 0.0);
  EXPECT_DOUBLE_EQ(h3_mid.days[11], 24.0);
  // Lighting 0.9 x 1.4 W/m2 x N_h of the zone (Open3CL 16_conso_eclairage.js Nh), whatever the altitude.
  for (std::size_t a = 0; a < altitude_class_count; ++a) {
    EXPECT_NEAR(p.climate[climate_index(1, a)].lighting_kwh_per_m2, 0.9 * 1.4 * 1445.0 / 1000.0, 1e-12);
    EXPECT_NEAR(p.climate[climate_index(7, a)].lighting_kwh_per_m2, 0.9 * 1.4 * 1506.0 / 1000.0, 1e-12);
  }
  // No two climates alike: each (zone, altitude) has its own degree-hours, but for the three
  // tv.js leaves at zero (H1a, H2a, H2b above 800 m: no commune there).
  const std::array<double, months> zero{};
  const auto empty = [](std::size_t k) {
    return k == climate_index(0, 2) || k == climate_index(3, 2) || k == climate_index(4, 2);
  };
  for (std::size_t i = 0; i < climate_count; ++i) {
    EXPECT_EQ(p.climate[i].variant[0].dh19_kh == zero, empty(i)) << i;
    for (std::size_t j = i + 1; j < climate_count; ++j)
      if (!empty(i) && !empty(j)) {
        EXPECT_NE(p.climate[i].variant[0].dh19_kh, p.climate[j].variant[0].dh19_kh) << i << " " << j;
      }
  }
  // The stock CSV and the DPE import refuse exactly the climates the data leaves without
  // heating hours (climate_is_tabulated).
  for (std::size_t z = 0; z < climate_zone_count; ++z)
    for (std::size_t a = 0; a < altitude_class_count; ++a) {
      double hours = 0.0;
      for (const double h : p.climate[climate_index(z, a)].variant[0].nref19_h) hours += h;
      EXPECT_EQ(climate_is_tabulated(z, a), hours > 0.0)
          << climate_zone_names[z] << " " << altitude_class_names[a];
    }
}

TEST(ThermalData, WrongUnitNamesFileLineAndKey) {
  Diagnostics diag;
  (void)io::load_thermal_params(DataWith("method.yaml", "bad_unit_method.yaml").dir.path(), diag);
  EXPECT_TRUE(has(diag, "thermal/method.yaml", 13, "internal_gain")) << all(diag);
  EXPECT_EQ(diag.size(), 1u) << all(diag);
  EXPECT_THROW(diag.throw_if_any(), InputError);
}

TEST(ThermalData, MissingKeyIsReported) {
  Diagnostics diag;
  (void)io::load_thermal_params(DataWith("factors.yaml", "missing_key_factors.yaml").dir.path(), diag);
  EXPECT_TRUE(has(diag, "thermal/factors.yaml", 0, "electricity_lighting")) << all(diag);
}

// Two ventilation types and one type's flat fan left out: all three reported at once.
TEST(ThermalData, MissingVentilationTypesAreAllReported) {
  Diagnostics diag;
  (void)io::load_thermal_params(DataWith("systems.yaml", "missing_ventilation_systems.yaml").dir.path(),
                                diag);
  EXPECT_TRUE(has(diag, "thermal/systems.yaml", 0, "hybrid_hygro_2001_2012")) << all(diag);
  EXPECT_TRUE(has(diag, "thermal/systems.yaml", 0, "earth_tube_post2012")) << all(diag);
  EXPECT_TRUE(has(diag, "thermal/systems.yaml", 0, "gas_extract_post2012.flat_auxiliary_per_m2"))
      << all(diag);
  EXPECT_EQ(diag.size(), 3u) << all(diag);
  EXPECT_THROW(diag.throw_if_any(), InputError);
}

TEST(ThermalData, MisspelledKeyIsReportedWhereItIs) {
  Diagnostics diag;
  (void)io::load_thermal_params(DataWith("systems.yaml", "unknown_key_systems.yaml").dir.path(), diag);
  EXPECT_TRUE(has(diag, "thermal/systems.yaml", 76, "regulaton_efficiency")) << all(diag);
  EXPECT_TRUE(has(diag, "thermal/systems.yaml", 0, "electric_direct.regulation_efficiency")) << all(diag);
}

TEST(ThermalData, NonIncreasingLimitsAreReported) {
  Diagnostics diag;
  (void)io::load_thermal_params(DataWith("dpe-labels.yaml", "non_increasing_labels.yaml").dir.path(), diag);
  EXPECT_TRUE(has(diag, "thermal/dpe-labels.yaml", 26, "small_dwellings[12].cep_kwh_per_m2")) << all(diag);
  EXPECT_EQ(diag.size(), 1u) << all(diag);
}

TEST(ThermalData, ListsReportTheElementAndItsPlace) {
  Diagnostics diag;
  (void)io::load_thermal_params(DataWith("climate-zones.yaml", "bad_lists_climate.yaml").dir.path(), diag);
  const std::string messages = all(diag);
  const auto expect = [&](std::string_view where_and_what) {
    EXPECT_NE(messages.find(std::string("thermal/climate-zones.yaml:").append(where_and_what)),
              std::string::npos)
        << where_and_what << "\n"
        << messages;
  };
  expect("6:7: days: expected a list of 12 numbers, got a list of 11\n");
  expect(
      "18:37: zones.h1a.altitudes.below_400m.ilpa_0.dh19.values: expected a list of 12 numbers, got a list "
      "of 13\n");
  expect("84:15: zones.h1c.c1_west[0]: expected a number in 0..5, got 'abc'\n");
  expect("155:14: zones.h2b.c1_east: expected a list of 12 numbers, got a list of 11\n");
  expect("9:3: zones.h2d: missing required key (expected a mapping)\n");  // a zone missing
  expect("231:7: zones.h3.altitudes.above_800m: missing required key (expected a mapping)\n");
  EXPECT_EQ(diag.size(), 6u) << messages;
}

// Five mistakes in the boilers' part-load data, each at its place, all at once: a sizing row of
// two temperatures, a misspelt curve, rows out of order, a row without its 30 % temperature and a
// QP0 of two numbers.
TEST(ThermalData, PartLoadRowsReportEachMistakeAtItsPlace) {
  Diagnostics diag;
  (void)io::load_thermal_params(DataWith("systems.yaml", "bad_part_load_systems.yaml").dir.path(), diag);
  const std::string messages = all(diag);
  const auto expect = [&](std::string_view where_and_what) {
    EXPECT_NE(messages.find(std::string("thermal/systems.yaml:").append(where_and_what)), std::string::npos)
        << where_and_what << "\n"
        << messages;
  };
  expect("43:9: boiler_sizing.base_temperature.h2: expected 3 values of a temperature");
  expect(
      "68:13: heating.gas_boiler_standard.part_load.kind: expected one of 'standard', 'low_temperature', "
      "'condensing', 'solid_fuel', got 'standrad'; did you mean 'standard'?");
  expect(
      "99:18: heating.gas_boiler_condensing.part_load.periods[2].from: expected rows in rising order of "
      "installation year");
  expect("131:11: heating.oil_boiler.part_load.periods[1].temp_fonc_30: missing required key");
  expect(
      "203:74: heating.pellet_boiler.part_load.periods[6].qp0: expected a list of 3 numbers, got a list of "
      "2");
  EXPECT_EQ(diag.size(), 5u) << messages;
}

TEST(ThermalData, HeatPumpScopRowsAreCheckedAndAllReported) {
  Diagnostics diag;
  (void)io::load_thermal_params(DataWith("systems.yaml", "bad_scop_systems.yaml").dir.path(), diag);
  const std::string messages = all(diag);
  const auto expect = [&](std::string_view where_and_what) {
    EXPECT_NE(messages.find(std::string("thermal/systems.yaml:").append(where_and_what)), std::string::npos)
        << where_and_what << "\n"
        << messages;
  };
  expect("91:11: heating.gas_boiler_condensing.scop: a boiler's part_load or a heat pump's scop, not both");
  expect(
      "161:18: heating.heat_pump_air_water.scop.periods[2].from: expected rows in strictly rising order of "
      "installation year");
  expect("162:40: heating.heat_pump_air_water.scop.periods[3].h3: expected a number in 1..10, got '32'");
  EXPECT_EQ(diag.size(), 3u) << messages;
}

TEST(ThermalData, MissingFolderIsReported) {
  Diagnostics diag;
  (void)io::load_thermal_params(fs::path(CORON_TEST_DATA_DIR) / "no_such_folder", diag);
  EXPECT_GE(diag.size(), 5u) << all(diag);
}

}  // namespace
}  // namespace coron::test
