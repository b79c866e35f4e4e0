// A DPE certificate read with libxml2 and mapped to a stock row: one certificate checked by
// hand against its XML, the refusals, malformed XML, and over the whole subset the heat
// losses of the row against a plain recomputation from the certificate's elements.
#include "fixtures/data_params.hpp"
#include "fixtures/temp_dir.hpp"
#include "io/dpe_certificate.hpp"
#include "io/thermal_data.hpp"
#include "stock/dpe_heat_networks.hpp"
#include "stock/dpe_heating.hpp"
#include "stock/dpe_import.hpp"
#include "stock/dpe_mapping.hpp"
#include "stock/dpe_systems.hpp"

#include "coron/error.hpp"
#include "coron/thermal.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace coron::stock {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path dpe_dir = std::filesystem::path(CORON_TEST_DATA_DIR) / "dpe";

DpeMapping mapped(const std::string& name) {
  return map_dpe_certificate(io::read_dpe_certificate((dpe_dir / name).string()));
}

bool has_note(const DpeMapping& m, std::string_view text) {
  for (const std::string& note : m.approximations)
    if (note.find(text) != std::string::npos) return true;
  return false;
}

// 2260E1364581G (a 1977 house in the Oise, zone H1a), read off its XML:
//   surface_habitable_logement 101.94, hsp 2.61, enum_classe_inertie_id 3 (medium)
//   mur: surface_paroi_opaque 91.2230, umur 0.3448, b 1
//   plancher_haut: 101.94, uph 0.185, b 0.9      plancher_bas: 101.94, upb_final 0.258, b 1
//   porte: surface_porte 2.72, uporte 3.5, b 1
//   baie_vitree: 4.80 m2 north (ujn 2.1, sw 0.44, fe2 0.3), 2.65 m2 north (ujn 2.0, sw 0.40,
//     fe2 0.3), 6.40 m2 south (ujn 2.1, sw 0.44, fe2 0.1); fe1 = 1 everywhere
//     U = (4.80 * 2.1 + 2.65 * 2.0 + 6.40 * 2.1) / 13.85 = 28.82 / 13.85 = 2.080866...
//     g = (4.80 * 0.44 + 2.65 * 0.40 + 6.40 * 0.44) / 13.85 = 5.988 / 13.85 = 0.4323465...
//     all vertical onto the outside: each facade's sun factor is its sw . fe over its area . g,
//     north (4.80 * 0.132 + 2.65 * 0.12) / (7.45 g) = 0.9516 / (7.45 g), south 0.2816 / (6.40 g)
//   pont_thermique: l 41.3, k 0.71 -> 29.323 = deperdition_pont_thermique
//   ventilation: enum_type_ventilation_id 4 (self-regulating extract 1982-2000), q4pa_conv 1.9,
//     plusieurs_facade_exposee 1
//   generateur_chauffage: type 7 (air/water heat pump after 2017); generateur_ecs: type 82
//     (other electric thermodynamic system)
TEST(DpeMapping, HandCheckedHouse) {
  const DpeMapping m = mapped("2260E1364581G.xml");
  ASSERT_FALSE(m.refused) << m.refusal.format();
  EXPECT_TRUE(m.is_house);
  EXPECT_EQ(m.envelope_share, 1.0);
  const DpeThermalRow& r = m.row;
  EXPECT_DOUBLE_EQ(r.floor_area_m2, 101.94);
  EXPECT_DOUBLE_EQ(r.ceiling_height_m, 2.61);
  EXPECT_DOUBLE_EQ(r.wall_area_m2, 91.223);
  EXPECT_DOUBLE_EQ(r.u_wall_w_per_m2k, 0.3448);
  EXPECT_DOUBLE_EQ(r.roof_area_m2, 101.94);
  EXPECT_DOUBLE_EQ(r.u_roof_w_per_m2k, 0.185);
  EXPECT_DOUBLE_EQ(r.b_roof, 0.9);
  EXPECT_DOUBLE_EQ(r.ground_floor_area_m2, 101.94);
  EXPECT_DOUBLE_EQ(r.u_floor_w_per_m2k, 0.258);
  EXPECT_DOUBLE_EQ(r.b_floor, 1.0);
  EXPECT_DOUBLE_EQ(r.door_area_m2, 2.72);
  EXPECT_DOUBLE_EQ(r.u_door_w_per_m2k, 3.5);
  EXPECT_DOUBLE_EQ(r.window_north_m2, 7.45);
  EXPECT_DOUBLE_EQ(r.window_south_m2, 6.40);
  EXPECT_EQ(r.window_east_m2, 0.0);
  EXPECT_EQ(r.window_west_m2, 0.0);
  EXPECT_NEAR(r.u_window_w_per_m2k, 28.82 / 13.85, 1e-12);
  EXPECT_NEAR(r.g_window, 5.988 / 13.85, 1e-12);
  EXPECT_NEAR(r.window_north_sun_factor, 0.9516 / (7.45 * 5.988 / 13.85), 1e-12);
  EXPECT_NEAR(r.window_south_sun_factor, 0.2816 / (6.40 * 5.988 / 13.85), 1e-12);
  EXPECT_EQ(r.window_east_sun_factor, 1.0);
  EXPECT_EQ(r.window_west_sun_factor, 1.0);
  EXPECT_NEAR(r.thermal_bridges_w_per_k, 29.323, 1e-12);
  EXPECT_DOUBLE_EQ(r.q4pa_conv_m3_per_h_m2, 1.9);
  EXPECT_EQ(r.multiple_exposed_facades, 1);
  EXPECT_EQ(r.ventilation, static_cast<std::uint8_t>(Ventilation::mechanical_1982_2000));
  EXPECT_EQ(r.dwelling_type, static_cast<std::uint8_t>(DwellingType::house));
  EXPECT_EQ(r.inertia, static_cast<std::uint8_t>(Inertia::medium));
  EXPECT_EQ(r.heating_system, static_cast<std::uint8_t>(HeatingSystem::heat_pump_air_water));
  EXPECT_EQ(r.dhw_system, static_cast<std::uint8_t>(DhwSystem::thermodynamic));
  // meteo: enum_zone_climatique_id 1, enum_classe_altitude_id 1.
  EXPECT_EQ(r.climate_zone, static_cast<std::uint8_t>(ClimateZone::h1a));
  EXPECT_EQ(r.altitude_class, static_cast<std::uint8_t>(AltitudeClass::below_400m));
  // Hot water is the closest value, and says so; the ventilation is its own; the zone needs no note.
  EXPECT_EQ(m.approximations.size(), 1U);
  EXPECT_FALSE(has_note(m, "after 1982 as before 1982"));
  EXPECT_TRUE(has_note(m, "other thermodynamic system"));
  EXPECT_FALSE(has_note(m, "climate zone"));
}

// The line of `needle`'s first occurrence in `file`, 1-based.
int line_of(const std::filesystem::path& file, std::string_view needle) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find(needle) != std::string::npos) return n;
  return 0;
}

// The boiler's period (from enum_type_generateur_ch_id) and the house's own Pn (donnee_intermediaire/pn,
// W) reach the row; a heat pump keeps both at 0, and a flat keeps its period but not the
// building's Pn.
TEST(DpeMapping, BoilerPeriodAndNominalPowerReachTheRow) {
  const DpeMapping house = mapped("2378E2995004O.xml");  // gas condensing 2001-2015 (id 96), pn 25000
  ASSERT_FALSE(house.refused) << house.refusal.format();
  EXPECT_TRUE(house.is_house);
  EXPECT_EQ(house.row.heating_system, static_cast<std::uint8_t>(HeatingSystem::gas_boiler_condensing));
  EXPECT_EQ(house.row.heating_generator_year, 2001);
  EXPECT_DOUBLE_EQ(house.row.heating_nominal_power_kw, 25.0);
  EXPECT_DOUBLE_EQ(house.row.heating_generation_efficiency, 0.89);  // the R_g the certificate computed

  const DpeMapping classic = mapped("2418E2787827Y.xml");  // gas condensing 1986-2000 (id 95), pn 24000
  ASSERT_FALSE(classic.refused) << classic.refusal.format();
  EXPECT_EQ(classic.row.heating_generator_year, 1986);
  EXPECT_DOUBLE_EQ(classic.row.heating_nominal_power_kw, 24.0);

  const DpeMapping pump = mapped("2260E1364581G.xml");  // air/water heat pump from 2017 (id 7): its SCOP row
  EXPECT_EQ(pump.row.heating_generator_year, 2017);
  EXPECT_DOUBLE_EQ(pump.row.heating_generation_efficiency, 3.0);  // its certificate's scop

  const DpeMapping flat =
      mapped("2144E0951019J.xml");  // the building's LPG condensing boilers, 70 and 100 kW
  ASSERT_FALSE(flat.refused);
  EXPECT_FALSE(flat.is_house);
  EXPECT_GT(flat.row.heating_generator_year, 0);
  EXPECT_EQ(flat.row.heating_nominal_power_kw, 0.0);
}

// The hot-water installation decides which losses the heating recovers (3CL §9.1.1): an
// individual one inside the heated volume, an individual one whose generator stands outside it
// (position_volume_chauffe 0), and collective ones (enum_type_installation_id 2 and 3).
TEST(DpeMapping, HotWaterInstallationAndPositionReachTheRow) {
  const DpeMapping inside = mapped("2378E2995004O.xml");  // individual, position 1
  ASSERT_FALSE(inside.refused) << inside.refusal.format();
  EXPECT_EQ(inside.row.dhw_collective, 0);
  EXPECT_EQ(inside.row.dhw_storage_in_heated_volume, 1);

  const DpeMapping outside = mapped("2225E1557374A.xml");  // individual, position 0
  ASSERT_FALSE(outside.refused) << outside.refusal.format();
  EXPECT_EQ(outside.row.dhw_collective, 0);
  EXPECT_EQ(outside.row.dhw_storage_in_heated_volume, 0);

  const DpeMapping collective = mapped("2363E3204327W.xml");  // collective (2), position 1
  ASSERT_FALSE(collective.refused) << collective.refusal.format();
  EXPECT_EQ(collective.row.dhw_collective, 1);
  EXPECT_EQ(collective.row.dhw_storage_in_heated_volume, 1);

  const DpeMapping multi = mapped("2342E2213002E.xml");  // collective over several buildings (3)
  ASSERT_FALSE(multi.refused) << multi.refusal.format();
  EXPECT_EQ(multi.row.dhw_collective, 1);
  EXPECT_EQ(multi.row.dhw_storage_in_heated_volume, 0);
}

// Coal boilers (enum_type_generateur_ch_id 120-126) are their own class, a coal stove (20 in
// the stoves' ids, 47 with oil and LPG ones) another: a boiler heats through a water network.
TEST(DpeSystems, CoalBoilersAreNotCoalStoves) {
  for (int id = 120; id <= 126; ++id) {
    const auto h = heating_system_of(id);
    ASSERT_TRUE(h.has_value()) << id;
    EXPECT_EQ(h->value, HeatingSystem::coal_boiler) << id;
    EXPECT_TRUE(h->exact) << id;
  }
  EXPECT_EQ(heating_system_of(47)->value, HeatingSystem::coal_stove);
  EXPECT_EQ(heating_system_of(119)->value, HeatingSystem::oil_boiler);
  EXPECT_EQ(heating_system_of(127)->value, HeatingSystem::gas_boiler_standard);
}

TEST(DpeSystems, GeneratorYearIsTheFirstOfItsPeriodForGeneratorsWithTableRows) {
  EXPECT_EQ(generator_year_of(87), 1986);   // gas classic 1986-1990
  EXPECT_EQ(generator_year_of(90), 2016);   // gas standard after 2015
  EXPECT_EQ(generator_year_of(97), 2016);   // gas condensing after 2015
  EXPECT_EQ(generator_year_of(76), 1970);   // oil classic 1970-1975
  EXPECT_EQ(generator_year_of(74), 2020);   // pellets after 2019
  EXPECT_EQ(generator_year_of(136), 1981);  // LPG condensing 1981-1985
  EXPECT_EQ(generator_year_of(120), 1970);  // coal boiler before 1978: a year inside it
  EXPECT_EQ(generator_year_of(121), 1978);  // coal boiler 1978-1994
  EXPECT_EQ(generator_year_of(125), 2018);  // coal boiler 2018-2019
  EXPECT_EQ(generator_year_of(126), 2020);  // coal boiler after 2019
  EXPECT_EQ(generator_year_of(91), 0);      // gas low temperature: no row of its class's curve
  EXPECT_EQ(generator_year_of(4), 2000);    // air/water heat pump before 2008: a year inside it
  EXPECT_EQ(generator_year_of(7), 2017);    // air/water heat pump from 2017
  EXPECT_EQ(generator_year_of(3), 2015);    // air/air heat pump from 2015
  EXPECT_EQ(generator_year_of(17), 2008);   // ground heat pump 2008-2014
  EXPECT_EQ(generator_year_of(146), 2015);  // hybrid's air/water heat pump 2015-2016
  EXPECT_EQ(generator_year_of(170), 2017);  // hybrid's ground heat pump from 2017
  EXPECT_EQ(generator_year_of(60), 0);      // log boiler (its class is the pellet boiler)
}

// The heating's I0 is the method's table for its emitters, programmer and control (3CL §8,
// sim/stock/dpe_intermittence.hpp), and its R_e R_d R_r the tables for its emitters and network
// (§9.1, sim/stock/dpe_emitters.hpp): on every shipped certificate both equal what the
// certificate computed for its main generator's emitter.
TEST(DpeMapping, TheHeatingsIntermittenceAndEmitterEfficienciesAreTheTablesForItsEmitter) {
  std::size_t compared = 0, with_own_rg = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dpe_dir)) {
    if (entry.path().extension() != ".xml") continue;
    const io::DpeCertificate c = io::read_dpe_certificate(entry.path().string());
    const DpeMapping m = map_dpe_certificate(c);
    if (m.refused || c.heating.empty()) continue;
    // The main generator gives most heat: conso_ch times its own R_g (rendement_generation, or SCOP).
    const auto rg = [](const io::DpeGenerator& g) {
      return g.generation_efficiency > 0.0 ? g.generation_efficiency : g.cop;
    };
    const auto main = std::max_element(c.heating.begin(), c.heating.end(), [&](const auto& a, const auto& b) {
      return a.consumption_kwh * rg(a) < b.consumption_kwh * rg(b);
    });
    ++compared;
    EXPECT_NEAR(m.row.heating_i0, main->declared_i0, 1e-9) << entry.path().filename();
    EXPECT_NEAR(m.row.heating_emitter_efficiency, main->declared_emitter_efficiency, 1e-9)
        << entry.path().filename();
    // Its R_g is the certificate's own for that generator, alone in its class.
    const auto same_class = std::count_if(c.heating.begin(), c.heating.end(), [&](const auto& g) {
      return heating_system_of(g.type_id)->value == heating_system_of(main->type_id)->value;
    });
    if (same_class == 1) {
      EXPECT_DOUBLE_EQ(m.row.heating_generation_efficiency, rg(*main)) << entry.path().filename();
    }
    if (rg(*main) > 0.0) ++with_own_rg;
  }
  EXPECT_EQ(compared, 38u);
  EXPECT_EQ(with_own_rg, 38u);  // every shipped certificate gives it
}

TEST(DpeMapping, RefusesWholeBuildingCertificateWithItsElement) {
  const DpeMapping m = mapped("2335E4490385O.xml");  // method 26: building, mixed systems
  ASSERT_TRUE(m.refused);
  EXPECT_EQ(m.refusal.line, line_of(dpe_dir / "2335E4490385O.xml", "<enum_methode_application_dpe_log_id>"));
  EXPECT_EQ(m.refusal.path, "/dpe/logement/caracteristique_generale/enum_methode_application_dpe_log_id");
  EXPECT_THAT(m.refusal.reason, HasSubstr("whole-building"));
  EXPECT_THAT(m.refusal.format(), HasSubstr("2335E4490385O.xml:57: /dpe/logement/"));
}

TEST(DpeMapping, RefusesACertificateLackingAValueAtItsElement) {
  // 2260E1364581G without its wall's umur: the refusal points at the wall.
  std::ifstream in(dpe_dir / "2260E1364581G.xml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t at = text.find("<umur>");
  ASSERT_NE(at, std::string::npos);
  text.erase(at, text.find("</umur>") + 7 - at);
  const std::filesystem::path file = fixtures::unique_temp_path("dpe_without_umur.xml");
  std::ofstream(file) << text;
  const DpeMapping m = map_dpe_certificate(io::read_dpe_certificate(file.string()));
  std::filesystem::remove(file);
  ASSERT_TRUE(m.refused);
  EXPECT_EQ(m.refusal.path, "/dpe/logement/enveloppe/mur_collection/mur");
  EXPECT_EQ(m.refusal.line, line_of(dpe_dir / "2260E1364581G.xml", "<mur>"));
  EXPECT_EQ(m.refusal.reason, "donnee_intermediaire/umur: missing or not a number");
}

TEST(DpeMapping, KeepsClimateZoneAndProratesBuildingEnvelope) {
  // 2144E0951019J: a 60 m2 flat of a 646 m2 building (method 23, the building's study), zone H2b
  // (enum_zone_climatique_id 5) below 400 m (enum_classe_altitude_id 1).
  const DpeMapping m = mapped("2144E0951019J.xml");
  ASSERT_FALSE(m.refused);
  EXPECT_FALSE(m.is_house);
  EXPECT_EQ(m.row.dwelling_type, static_cast<std::uint8_t>(DwellingType::flat));
  EXPECT_DOUBLE_EQ(m.envelope_share, 60.0 / 646.0);
  EXPECT_EQ(m.row.climate_zone, static_cast<std::uint8_t>(ClimateZone::h2b));
  EXPECT_EQ(m.row.altitude_class, static_cast<std::uint8_t>(AltitudeClass::below_400m));
  EXPECT_FALSE(has_note(m, "climate zone"));
  EXPECT_TRUE(has_note(m, "prorated"));
  // mur: 340.20 and 63.98 m2 outside (b 1), 10.75 m2 on an unheated space (b 0.95), 124.49 m2
  // on a circulation (b 0.45): every one loses heat, 539.42 m2, prorated.
  EXPECT_NEAR(m.row.wall_area_m2, 539.42 * 60.0 / 646.0, 1e-9);
}

TEST(DpeMapping, KeepsAltitudeClassAboveEightHundredMetres) {
  // 2373E0956150X: zone H1c (enum_zone_climatique_id 3), above 800 m (enum_classe_altitude_id 3).
  const DpeMapping m = mapped("2373E0956150X.xml");
  ASSERT_FALSE(m.refused) << m.refusal.format();
  EXPECT_EQ(m.row.climate_zone, static_cast<std::uint8_t>(ClimateZone::h1c));
  EXPECT_EQ(m.row.altitude_class, static_cast<std::uint8_t>(AltitudeClass::above_800m));
}

/// 2260E1364581G with `from` replaced by `to` in its XML, mapped.
DpeMapping mapped_with(std::string_view from, std::string_view to) {
  std::ifstream in(dpe_dir / "2260E1364581G.xml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  const std::filesystem::path file = fixtures::unique_temp_path("dpe_replaced.xml");
  std::ofstream(file) << text;
  const DpeMapping m = map_dpe_certificate(io::read_dpe_certificate(file.string()));
  std::filesystem::remove(file);
  return m;
}

TEST(DpeMapping, RefusesAnUnknownZoneOrAltitudeAtTheMeteoElement) {
  const int meteo_line = line_of(dpe_dir / "2260E1364581G.xml", "<meteo>");
  const DpeMapping zone = mapped_with("<enum_zone_climatique_id>1<", "<enum_zone_climatique_id>9<");
  ASSERT_TRUE(zone.refused);
  EXPECT_EQ(zone.refusal.path, "/dpe/logement/meteo/enum_zone_climatique_id");
  EXPECT_EQ(zone.refusal.line, meteo_line);
  EXPECT_THAT(zone.refusal.reason, HasSubstr("unknown enum_zone_climatique_id 9 (expected 1 to 8)"));
  const DpeMapping altitude = mapped_with("<enum_classe_altitude_id>1<", "<enum_classe_altitude_id>0<");
  ASSERT_TRUE(altitude.refused);
  EXPECT_EQ(altitude.refusal.path, "/dpe/logement/meteo/enum_classe_altitude_id");
  EXPECT_THAT(altitude.refusal.reason, HasSubstr("unknown enum_classe_altitude_id 0 (expected 1 to 3)"));
}

TEST(DpeMapping, RefusesAZoneAndAltitudeTheMethodHasNoClimateFor) {
  // 2260E1364581G lies in zone H1a (enum_zone_climatique_id 1); the 3CL tables have no H1a
  // climate above 800 m (enum_classe_altitude_id 3), so the row would have no heating hours.
  const DpeMapping m = mapped_with("<enum_classe_altitude_id>1<", "<enum_classe_altitude_id>3<");
  ASSERT_TRUE(m.refused);
  EXPECT_EQ(m.refusal.path, "/dpe/logement/meteo/enum_classe_altitude_id");
  EXPECT_EQ(m.refusal.line, line_of(dpe_dir / "2260E1364581G.xml", "<meteo>"));
  EXPECT_THAT(m.refusal.reason, HasSubstr("the method has no climate for zone h1a above 800 m"));
}

// The main generator's water network, read from its installation (3CL §15.2.1):
// 2260E1364581G's single-pipe radiators (emitters 31, 30 kPa) on one level of 101.94 m2 at low
// temperature; 2144E0951019J's collective two-pipe radiators (37, 10 kPa) over three levels of
// the building, for its 60 m2 flat: L_em = 4.01 (3 + sqrt(20)) m.
TEST(DpeMapping, TheHeatingsWaterNetworkIsItsInstallationsEmittersLevelsAndTemperature) {
  const DpeMapping house = mapped("2260E1364581G.xml");
  ASSERT_FALSE(house.refused) << house.refusal.format();
  EXPECT_NEAR(house.row.heating_network_pressure_drop_kpa, 0.15 * 4.01 * (1.0 + std::sqrt(101.94)) + 30.0,
              1e-9);
  EXPECT_EQ(house.row.heating_design_temperature_drop_k, 7.5);
  const DpeMapping flat = mapped("2144E0951019J.xml");
  ASSERT_FALSE(flat.refused) << flat.refusal.format();
  EXPECT_NEAR(flat.row.heating_network_pressure_drop_kpa, 14.494489776932248, 1e-9);
  EXPECT_EQ(flat.row.heating_design_temperature_drop_k, 7.5);
}

// A facade collecting more than the column holds (here the south window's far mask fe2 0.1
// written 100: 0.2816 . 1000 / (6.40 g) = 101.8) is bounded to 100, said; the others keep theirs.
// (A real one reaches 23: 2464E1550878T's 1.06 m2 of north windows onto a 22 m2 veranda.)
TEST(DpeMapping, BoundsASunFactorBeyondTheColumnsRange) {
  const DpeMapping m = mapped_with("<fe2>0.100</fe2>", "<fe2>100</fe2>");
  ASSERT_FALSE(m.refused) << m.refusal.format();
  EXPECT_EQ(m.row.window_south_sun_factor, 100.0);
  EXPECT_NEAR(m.row.window_north_sun_factor, 0.9516 / (7.45 * 5.988 / 13.85), 1e-12);
  EXPECT_TRUE(has_note(m, "a facade's sun factor 102 bounded to [0, 100]"));
}

// 2260E1364581G's heat pump (scop 3.00) with solar heating covering a quarter of the need
// (configuration 2, fch_saisi 0.25 where no fch is computed): R_g per kWh of need 3 / 0.75. The
// same fraction in a plain installation (configuration 1) is not read.
TEST(DpeMapping, SolarHeatingIsReadFromTheInstallationsConfiguration) {
  const DpeMapping solar = mapped_with("<enum_cfg_installation_ch_id>1</enum_cfg_installation_ch_id>",
                                       "<enum_cfg_installation_ch_id>2</enum_cfg_installation_ch_id>"
                                       "<fch_saisi>0.25</fch_saisi>");
  ASSERT_FALSE(solar.refused) << solar.refusal.format();
  EXPECT_NEAR(solar.row.heating_generation_efficiency, 3.0 / 0.75, 1e-12);
  const DpeMapping plain = mapped_with("<enum_cfg_installation_ch_id>1</enum_cfg_installation_ch_id>",
                                       "<enum_cfg_installation_ch_id>1</enum_cfg_installation_ch_id>"
                                       "<fch_saisi>0.25</fch_saisi>");
  EXPECT_DOUBLE_EQ(plain.row.heating_generation_efficiency, 3.0);
}

TEST(DpeXml, MalformedFileIsBadInputWithFileAndLine) {
  const std::string file = std::string(CORON_TEST_DATA_DIR) + "/dpe_bad/malformed.xml";
  try {
    (void)io::read_dpe_certificate(file);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].line, 7);
    EXPECT_THAT(e.what(), HasSubstr("malformed.xml:7:"));
    EXPECT_THAT(e.what(), HasSubstr("caracteristique_generales"));
  }
}

TEST(DpeImport, ListsEveryMalformedFileAtOnce) {
  const std::filesystem::path bad = std::filesystem::path(CORON_TEST_DATA_DIR) / "dpe_bad" / "malformed.xml";
  try {
    (void)import_dpe({bad, dpe_dir / "2260E1364581G.xml", bad}, {}, fixtures::data_thermal_params());
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().size(), 2U);
  }
}

// Plain sums over the certificate's elements, with none of the mapping's code: what each
// element loses is b.U.A (b > 0 only), and the row must lose the same.
struct PlainLosses {
  double walls = 0, roof = 0, floor = 0, windows = 0, doors = 0, window_area = 0;
  double south = 0, north = 0, east = 0, west = 0;  ///< window areas; horizontal ones count as south
};
PlainLosses plain_losses(const io::DpeCertificate& c) {
  PlainLosses p;
  for (const auto& s : c.walls) p.walls += s.b > 0 ? s.b * s.u_w_per_m2k * s.area_m2 : 0.0;
  for (const auto& s : c.roofs) p.roof += s.b > 0 ? s.b * s.u_w_per_m2k * s.area_m2 : 0.0;
  for (const auto& s : c.floors) p.floor += s.b > 0 ? s.b * s.u_w_per_m2k * s.area_m2 : 0.0;
  for (const auto& s : c.doors) p.doors += s.b > 0 ? s.b * s.u_w_per_m2k * s.area_m2 : 0.0;
  for (const auto& s : c.windows) {
    if (s.b <= 0) continue;
    p.windows += s.b * s.u_w_per_m2k * s.area_m2;
    p.window_area += s.area_m2;
    if (s.orientation == 2)
      p.north += s.area_m2;
    else if (s.orientation == 3)
      p.east += s.area_m2;
    else if (s.orientation == 4)
      p.west += s.area_m2;
    else
      p.south += s.area_m2;
  }
  return p;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); }

TEST(DpeImport, RowLossesEqualPlainSumsOverElements) {
  const DpeImport all = import_dpe(dpe_files({dpe_dir}), {}, fixtures::data_thermal_params());
  ASSERT_EQ(all.imported.size(), 38U);
  const Stock& s = all.stock;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const io::DpeCertificate& c = all.imported[i].certificate;
    const double k = all.imported[i].mapping.envelope_share;
    const PlainLosses p = plain_losses(c);
    SCOPED_TRACE(c.number);
    EXPECT_TRUE(close(s.wall_area_m2[i] * s.u_wall_w_per_m2k[i], k * p.walls));
    EXPECT_TRUE(close(s.b_roof[i] * s.u_roof_w_per_m2k[i] * s.roof_area_m2[i], k * p.roof));
    EXPECT_TRUE(close(s.b_floor[i] * s.u_floor_w_per_m2k[i] * s.ground_floor_area_m2[i], k * p.floor));
    EXPECT_TRUE(close(s.door_area_m2[i] * s.u_door_w_per_m2k[i], k * p.doors));
    const double window_area =
        s.window_south_m2[i] + s.window_east_m2[i] + s.window_west_m2[i] + s.window_north_m2[i];
    EXPECT_TRUE(close(window_area, k * p.window_area));
    EXPECT_TRUE(close(window_area * s.u_window_w_per_m2k[i], k * p.windows));
    EXPECT_TRUE(close(s.window_south_m2[i], k * p.south));
    EXPECT_TRUE(close(s.window_north_m2[i], k * p.north));
    EXPECT_TRUE(close(s.window_east_m2[i], k * p.east));
    EXPECT_TRUE(close(s.window_west_m2[i], k * p.west));
  }
}

// The certifier's own totals (logement/sortie/deperdition) are an independent check of the
// elements read: today every wall, roof, floor, window, door and bridge total of the subset is
// within 1 %.
TEST(DpeImport, RowLossesMatchDeclaredTotals) {
  const DpeImport all = import_dpe(dpe_files({dpe_dir}), {}, fixtures::data_thermal_params());
  const Stock& s = all.stock;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const io::DpeDeclared& d = all.imported[i].certificate.declared;
    const double k = all.imported[i].mapping.envelope_share;
    const auto within = [](double row, double declared) {
      return std::abs(row - declared) <= 0.01 * std::max(declared, 0.01);
    };
    SCOPED_TRACE(all.imported[i].certificate.number);
    EXPECT_TRUE(within(s.wall_area_m2[i] * s.u_wall_w_per_m2k[i], k * d.walls_w_per_k));
    EXPECT_TRUE(within(s.b_roof[i] * s.u_roof_w_per_m2k[i] * s.roof_area_m2[i], k * d.roof_w_per_k));
    EXPECT_TRUE(
        within(s.b_floor[i] * s.u_floor_w_per_m2k[i] * s.ground_floor_area_m2[i], k * d.floor_w_per_k));
    EXPECT_TRUE(within(s.door_area_m2[i] * s.u_door_w_per_m2k[i], k * d.doors_w_per_k));
    EXPECT_TRUE(within(s.thermal_bridges_w_per_k[i], k * d.bridges_w_per_k));
    const double window_area =
        s.window_south_m2[i] + s.window_east_m2[i] + s.window_west_m2[i] + s.window_north_m2[i];
    EXPECT_TRUE(within(window_area * s.u_window_w_per_m2k[i], k * d.windows_w_per_k));
  }
}

TEST(DpeImport, CitesByNumberOrAddressElseCatchAll) {
  const io::DpeCertificate house = io::read_dpe_certificate((dpe_dir / "2260E1364581G.xml").string());
  const io::DpeCertificate flat = io::read_dpe_certificate((dpe_dir / "2144E0951019J.xml").string());
  DpeCiteTable cites;
  cites.cite_of_key["2260E1364581G"] = "Cité A";
  cites.cite_of_key[flat.address] = "Cité B";
  const DpeImport r = import_dpe(
      {dpe_dir / "2260E1364581G.xml", dpe_dir / "2144E0951019J.xml", dpe_dir / "2187E0981996L.xml"}, cites,
      fixtures::data_thermal_params());
  ASSERT_EQ(r.stock.size(), 3U);
  const auto cite_name = [&r](std::size_t i) {
    return r.stock.cites.name[static_cast<std::size_t>(r.stock.cite_id[i])];
  };
  EXPECT_EQ(cite_name(0), "Cité A");
  EXPECT_EQ(cite_name(1), "Cité B");
  EXPECT_EQ(cite_name(2), std::string(dpe_catch_all_cite));
  EXPECT_EQ(r.stock.cites.dwellings, (std::vector<std::int32_t>{1, 1, 1}));
  EXPECT_EQ(house.number, "2260E1364581G");
}

TEST(DpeSystems, EveryCertificateIdMapsAndUnknownIdsDoNot) {
  for (int id = 1; id <= 170; ++id) EXPECT_TRUE(heating_system_of(id).has_value()) << id;
  for (int id = 1; id <= 133; ++id) EXPECT_TRUE(dhw_system_of(id).has_value()) << id;
  for (int id = 1; id <= 38; ++id) EXPECT_TRUE(ventilation_of(id).has_value()) << id;
  EXPECT_FALSE(heating_system_of(171).has_value());
  EXPECT_FALSE(dhw_system_of(0).has_value());
  EXPECT_FALSE(ventilation_of(39).has_value());
  // Boundaries of the runs (enums.js): 93 is a low-temperature gas boiler, 94 condensing.
  EXPECT_EQ(heating_system_of(93)->value, HeatingSystem::gas_boiler_standard);
  EXPECT_EQ(heating_system_of(94)->value, HeatingSystem::gas_boiler_condensing);
  EXPECT_TRUE(heating_system_of(97)->exact);
  EXPECT_EQ(heating_system_of(108)->value, HeatingSystem::district_heat);
  EXPECT_EQ(dhw_system_of(71)->value, DhwSystem::electric_storage);
  EXPECT_FALSE(dhw_system_of(72)->exact);
  EXPECT_EQ(ventilation_of(3)->value, Ventilation::mechanical_pre1982);
  EXPECT_TRUE(ventilation_of(3)->exact);
  EXPECT_EQ(ventilation_of(4)->value, Ventilation::mechanical_1982_2000);
}

// Open3CL src/tv.js (commit bb583ee), table debits_ventilation, by enum_type_ventilation_id:
// {Q_varep, Q_vasouf, S_mea}, copied row by row from the table, not from data/.
constexpr double tv_debits_ventilation[38][3] = {
    {1.2, 1.2, 0},   {2.23, 0, 4},    {1.97, 0, 2},    {1.65, 0, 2},    {1.5, 0, 2},     {1.32, 0, 2},
    {1.5, 0, 2},     {1.44, 0, 2},    {1.16, 0, 2},    {1.59, 0, 2},    {1.53, 0, 2},    {1.22, 0, 2},
    {1.36, 0, 1.5},  {1.24, 0, 1.5},  {1.09, 0, 1.5},  {1.97, 0, 2},    {1.3, 0, 2},     {1.24, 0, 1.5},
    {0.6, 0.6, 0},   {0.26, 0.26, 0}, {0.75, 0.75, 0}, {0.46, 0.46, 0}, {1.65, 1.65, 0}, {1.32, 1.32, 0},
    {2.23, 0, 4},    {1.52, 0, 3},    {1.33, 0, 3},    {1.17, 0, 3},    {1.52, 0, 2},    {1.33, 0, 2},
    {1.17, 0, 2},    {2.24, 0, 4},    {1.97, 0, 4},    {2.23, 0, 3},    {0.99, 0.99, 0}, {0.79, 0.79, 0},
    {0.36, 0.36, 0}, {0.16, 0.16, 0}};

// 5_conso_ventilation.js: the fan class of each id, 0 none, 1 self-regulating (and gas,
// existing duct), 2 humidity-controlled (and low pressure), 3 double flow, 4 hybrid; and
// whether the type's name puts it after 2012.
constexpr int fan_class[38] = {0, 0, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3,
                               3, 3, 3, 3, 3, 0, 4, 4, 4, 4, 4, 4, 1, 1, 0, 0, 0, 0, 0};
constexpr bool after_2012[38] = {false, false, false, false, false, true,  false, false, true,  false,
                                 false, true,  false, false, true,  false, false, false, false, true,
                                 false, true,  false, true,  false, false, false, false, false, false,
                                 false, false, true,  false, false, false, false, false};

TEST(DpeSystems, EveryVentilationIdMapsExactlyToATypeWithTheMethodsFlowsAndFans) {
  Diagnostics diag;
  const ThermalParams p = io::load_thermal_params(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  // Pvent_moy of a house (W) and Pvent of a flat (W per m3/h), by class and after 2012.
  constexpr double house_w[4][2] = {{0, 0}, {65, 35}, {50, 15}, {80, 35}};
  constexpr double flat_w[4][2] = {{0, 0}, {0.46, 0.25}, {0.46, 0.25}, {1.1, 0.6}};
  std::array<int, ventilation_count> used{};
  for (int id = 1; id <= 38; ++id) {
    const auto k = static_cast<std::size_t>(id - 1);
    const auto v = ventilation_of(id);
    ASSERT_TRUE(v.has_value()) << id;
    EXPECT_TRUE(v->exact) << id;
    ++used[static_cast<std::size_t>(v->value)];
    const VentilationParams& q = p.ventilation[static_cast<std::size_t>(v->value)];
    EXPECT_DOUBLE_EQ(q.q_varep_m3_per_h_m2, tv_debits_ventilation[k][0]) << id;
    EXPECT_DOUBLE_EQ(q.q_vasouf_m3_per_h_m2, tv_debits_ventilation[k][1]) << id;
    EXPECT_DOUBLE_EQ(q.s_mea_m3_per_h_m2, tv_debits_ventilation[k][2]) << id;
    double house_kwh = 0.0, flat_kwh_m2 = 0.0;
    if (fan_class[k] == 4) {  // hybrid: self-regulating before 2012, 14 h (house) or 28 h (flat) a week
      house_kwh = 8.76 * 65.0 * 14.0 / 168.0;
      flat_kwh_m2 = 8.76 * 0.46 * tv_debits_ventilation[k][0] * 28.0 / 168.0;
    } else {
      const int c = fan_class[k], late = after_2012[k] ? 1 : 0;
      house_kwh = 8.76 * house_w[c][late];
      flat_kwh_m2 = 8.76 * flat_w[c][late] * tv_debits_ventilation[k][0];
    }
    // The data file rounds to 4 (house) and 5 (flat) decimals.
    EXPECT_NEAR(q.auxiliary_kwh_per_dwelling, house_kwh, 1e-4) << id;
    EXPECT_EQ(q.auxiliary_kwh_per_m2, 0.0) << id;
    EXPECT_NEAR(q.flat_auxiliary_kwh_per_m2, flat_kwh_m2, 1e-5) << id;
  }
  // Every type stands for some id; only natural_vents for two (rows 2 and 25 are the same).
  for (std::size_t t = 0; t < ventilation_count; ++t)
    EXPECT_EQ(used[t], t == static_cast<std::size_t>(Ventilation::natural_vents) ? 2 : 1)
        << ventilation_names[t];
}

// Two heating generators of two classes (3CL §9.1.4 configuration 3: a heat pump with a wood
// stove as backup): the main is the one giving most heat, conso_ch x R_g, and the stove's share
// is its need over both, each heat times R_e R_d R_r / I0 of the emitter it heats through
// (enum_lien_generateur_emetteur_id), each with the R_g its certificate computed. Hand figures
// from the XML; the share comes out as the method's 0.25 for a stove as backup.
TEST(DpeMapping, AStoveBesideAHeatPumpIsTheSecondGeneratorWithItsShareOfTheNeed) {
  const DpeMapping m = mapped("2264E2895461K.xml");  // heat pump id 7: 5198.70 kWh, SCOP 2.80;
  ASSERT_FALSE(m.refused) << m.refusal.format();     // wood stove id 26: 8638.43 kWh, R_g 0.60
  EXPECT_EQ(m.row.heating_system, static_cast<std::uint8_t>(HeatingSystem::heat_pump_air_water));
  EXPECT_DOUBLE_EQ(m.row.heating_generation_efficiency, 2.8);
  EXPECT_EQ(m.row.heating_backup_system, static_cast<std::uint8_t>(HeatingSystem::wood_stove));
  // Emitter 1 (id 39, floor heating): I0 0.87, 0.95 x 0.91 x 0.95; emitter 2 (id 21, the stove's
  // own): I0 0.86, 0.95 x 1.00 x 0.80, as the certificate's donnee_intermediaire.
  EXPECT_DOUBLE_EQ(m.row.heating_i0, 0.87);
  EXPECT_NEAR(m.row.heating_emitter_efficiency, 0.95 * 0.91 * 0.95, 1e-12);
  EXPECT_DOUBLE_EQ(m.row.heating_backup_i0, 0.86);
  EXPECT_NEAR(m.row.heating_backup_emitter_efficiency, 0.95 * 1.00 * 0.80, 1e-12);
  const double main_need = 14556.36 * 0.95 * 0.91 * 0.95 / 0.87, stove_need = 5183.058 * 0.76 / 0.86;
  EXPECT_NEAR(m.row.heating_backup_share, stove_need / (main_need + stove_need), 1e-6);
  EXPECT_NEAR(m.row.heating_backup_share, 0.25, 1e-6);
  EXPECT_DOUBLE_EQ(m.row.heating_backup_generation_efficiency, 0.6);
}

// Generators of one class count as one, their R_g their heat over their consumption; a
// certificate of one generator keeps no second one.
TEST(DpeMapping, GeneratorsOfOneClassAreOneAndASingleGeneratorHasNoSecond) {
  // Configuration 5: electric convectors (id 100: 3278.41 kWh, 1.00), a wood stove (id 26:
  // 2386.60 kWh, 0.60) and a bathroom's electric heater (id 98: 495.92 kWh, 1.00).
  const DpeMapping three = mapped("2376E3241961V.xml");
  ASSERT_FALSE(three.refused) << three.refusal.format();
  EXPECT_EQ(three.row.heating_system, static_cast<std::uint8_t>(HeatingSystem::electric_direct));
  EXPECT_DOUBLE_EQ(three.row.heating_generation_efficiency, 1.0);
  EXPECT_EQ(three.row.heating_backup_system, static_cast<std::uint8_t>(HeatingSystem::wood_stove));
  // Each heat times R_e R_d R_r / I0 of its own emitter: the convectors' (id 3) 0.97 x 0.99 / 0.81,
  // the stove's (id 21) 0.76 / 0.84, the bathroom heater's (id 1) 0.95 x 0.99 / 0.81.
  const double electric_need = 3278.41 * 0.97 * 0.99 / 0.81 + 495.92 * 0.95 * 0.99 / 0.81;
  const double stove_need = 1431.96 * 0.76 / 0.84;
  EXPECT_NEAR(three.row.heating_backup_share, stove_need / (electric_need + stove_need), 1e-6);
  EXPECT_DOUBLE_EQ(three.row.heating_backup_i0, 0.84);
  EXPECT_NEAR(three.row.heating_backup_emitter_efficiency, 0.76, 1e-12);
  const DpeMapping one = mapped("2378E2995004O.xml");
  ASSERT_FALSE(one.refused);
  EXPECT_EQ(one.row.heating_backup_share, 0.0);
  EXPECT_EQ(one.row.heating_backup_generation_efficiency, 0.0);
  EXPECT_EQ(one.row.heating_backup_i0, 0.0);
  EXPECT_EQ(one.row.heating_backup_emitter_efficiency, 0.0);
}

// A flat on a heat network its certificate names (identifiant_reseau_chaleur 4206C, arrêté of
// 16 March 2023) takes the network's contenu CO2 ACV in the 2022 list, 0.135 kg/kWh (tv.js
// reseau_chaleur_2022), for its heating and its hot water alike; the certificate's own
// emission_ges_ch / conso_ch is 0.135 too.
TEST(DpeMapping, AHeatNetworkItsCertificateNamesGivesItsOwnGhgContent) {
  const DpeMapping both = mapped("2342E2213002E.xml");
  ASSERT_FALSE(both.refused) << both.refusal.format();
  EXPECT_EQ(both.row.heating_ghg_factor, 0.135);
  EXPECT_EQ(both.row.dhw_ghg_factor, 0.135);
  // 0202C heats this one (2022 list: 0.097); its hot water is electric.
  const DpeMapping heating = mapped("2302E4043473J.xml");
  ASSERT_FALSE(heating.refused) << heating.refusal.format();
  EXPECT_EQ(heating.row.heating_ghg_factor, 0.097);
  EXPECT_EQ(heating.row.dhw_ghg_factor, 0.0);
  // No network: each carrier's own factor.
  const DpeMapping none = mapped("2378E2995004O.xml");
  ASSERT_FALSE(none.refused);
  EXPECT_EQ(none.row.heating_ghg_factor, 0.0);
  EXPECT_EQ(none.row.dhw_ghg_factor, 0.0);
}

// The list is the year before the arrêté's (the certificate's own year when it names none),
// within the lists of 2022 to 2024; a network absent from it takes the nearest list's, an
// earlier one first (tv.js reseau_chaleur_2022/2023/2024).
TEST(DpeHeatNetworks, TheListOfTheYearBeforeTheArreteAndItsNetworksContent) {
  EXPECT_EQ(heat_network_list_year(2023, 2024), 2022);  // arrêté of 16 March 2023
  EXPECT_EQ(heat_network_list_year(2024, 2025), 2023);  // of 5 July 2024
  EXPECT_EQ(heat_network_list_year(2025, 2025), 2024);  // of 11 April 2025
  EXPECT_EQ(heat_network_list_year(0, 2025), 2024);     // none named: the certificate's year
  EXPECT_EQ(heat_network_list_year(2021, 0), 2022);     // before the first list shipped
  EXPECT_EQ(heat_network_list_year(2027, 0), 2024);     // after the last
  EXPECT_EQ(heat_network_ghg("9419C", 2022), 0.101);
  EXPECT_EQ(heat_network_ghg("9419C", 2023), 0.103);
  EXPECT_EQ(heat_network_ghg("9419C", 2024), 0.096);
  EXPECT_EQ(heat_network_ghg("7501C", 2023), 0.171);
  EXPECT_EQ(heat_network_ghg("0202C", 2023), 0.097);  // not in the 2023 list: 2022's before 2024's
  EXPECT_EQ(heat_network_ghg("ZZ99C", 2023), 0.0);
  EXPECT_EQ(heat_network_ghg("", 2023), 0.0);
}

// Three classes: the row keeps two generators, the second of the other kind of carrier than
// the main's when there is one, and the third joins the kept one of its kind, so that every
// part keeps its primary factor (electricity's against the fuels' 1). Figures of
// 2287E1429819L: an LPG boiler (id 129, 23071.25 kWh at R_g 0.796925), a wood stove (id 26,
// 10783.16 kWh at 0.6) and a bathroom's electric heater (id 98, 2323.64 kWh at 1).
TEST(DpeHeating, AThirdClassJoinsTheKeptGeneratorOfItsCarriersKind) {
  std::vector<io::DpeGenerator> g(3);
  g[0].type_id = 129, g[0].energy_id = 13, g[0].consumption_kwh = 23071.25,
  g[0].generation_efficiency = 0.796925;
  g[1].type_id = 26, g[1].energy_id = 4, g[1].consumption_kwh = 10783.16, g[1].generation_efficiency = 0.6;
  g[2].type_id = 98, g[2].energy_id = 1, g[2].consumption_kwh = 2323.64, g[2].generation_efficiency = 1.0;
  const HeatingGenerators h = heating_generators(g);
  EXPECT_EQ(h.main, 0u);
  EXPECT_EQ(h.main_system, HeatingSystem::gas_boiler_standard);
  EXPECT_EQ(h.backup_system, HeatingSystem::electric_direct);  // not the stove, which gives more heat
  const double lpg = 23071.25 * 0.796925, wood = 10783.16 * 0.6, electric = 2323.64;
  EXPECT_NEAR(h.main_efficiency, (lpg + wood) / (23071.25 + 10783.16), 1e-12);  // 0.71422
  EXPECT_NEAR(h.backup_share, electric / (lpg + wood + electric), 1e-12);       // 0.08549
  EXPECT_NEAR(h.backup_efficiency, 1.0, 1e-12);
  ASSERT_EQ(h.notes.size(), 1u);
  // With two fuels beside a heat pump (2225E1557374A: heat pump id 7, SCOP 4.2, 3424.61 kWh; wood
  // boilers id 38 at 0.70 and id 58 at 0.63), both join the second, the one giving more heat.
  std::vector<io::DpeGenerator> pump(3);
  pump[0].type_id = 7, pump[0].energy_id = 1, pump[0].consumption_kwh = 3424.61, pump[0].cop = 4.2;
  pump[1].type_id = 58, pump[1].energy_id = 4, pump[1].consumption_kwh = 5667.83,
  pump[1].generation_efficiency = 0.63;
  pump[2].type_id = 38, pump[2].energy_id = 4, pump[2].consumption_kwh = 9173.14,
  pump[2].generation_efficiency = 0.70;
  const HeatingGenerators p = heating_generators(pump);
  EXPECT_EQ(p.main, 0u);
  EXPECT_NEAR(p.main_efficiency, 4.2, 1e-12);
  EXPECT_EQ(p.backup_system, heating_system_of(38)->value);
  const double fuels = 5667.83 * 0.63 + 9173.14 * 0.70;
  EXPECT_NEAR(p.backup_share, fuels / (3424.61 * 4.2 + fuels), 1e-12);   // 0.40992
  EXPECT_NEAR(p.backup_efficiency, fuels / (5667.83 + 9173.14), 1e-12);  // 0.67327
}

// Solar heating (enum_cfg_installation_ch_id 7: solar with a wood stove as backup) covers F_ch
// of the need; the generators' consumptions are for the rest (3CL §9.1.4: each weighted by
// 1 - F_ch). Figures of 2438E1338967I: a ground heat pump (id 13, SCOP 2.4, 6420.20 kWh) and a
// log stove (id 26, R_g 0.6, 8697.35 kWh), F_ch 0.3: each R_g per kWh of need is R_g / 0.7, and
// the shares, of the need, do not change.
TEST(DpeHeating, SolarHeatingLeavesTheGeneratorsTheRestOfTheNeed) {
  std::vector<io::DpeGenerator> g(2);
  g[0].type_id = 13, g[0].energy_id = 1, g[0].consumption_kwh = 6420.20, g[0].cop = 2.4;
  g[1].type_id = 26, g[1].energy_id = 4, g[1].consumption_kwh = 8697.35, g[1].generation_efficiency = 0.6;
  const HeatingGenerators without = heating_generators(g);
  for (io::DpeGenerator& x : g) x.heating_solar_fraction = 0.3;
  const HeatingGenerators with = heating_generators(g);
  EXPECT_NEAR(with.main_efficiency, 2.4 / 0.7, 1e-12);
  EXPECT_NEAR(with.backup_efficiency, 0.6 / 0.7, 1e-12);
  EXPECT_NEAR(with.backup_share, without.backup_share, 1e-12);
  EXPECT_NEAR(with.backup_share, 8697.35 * 0.6 / (6420.20 * 2.4 + 8697.35 * 0.6), 1e-12);  // 0.25299
}

}  // namespace
}  // namespace coron::stock
