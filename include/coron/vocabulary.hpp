#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

// The fixed vocabularies of the stock: each enum is stored as a uint8 column and
// written by name in CSV and YAML. The numbers that go with each value
// (efficiencies, air flows, ...) live in data/, never here.

namespace coron {

enum class Owner : std::uint8_t { maisons_et_cites = 0, sia_habitat = 1, other_landlord = 2 };
inline constexpr std::array<std::string_view, 3> owner_names = {"maisons_et_cites", "sia_habitat",
                                                                "other_landlord"};

/// The miners' housing forms (thermal-reference.md §5.2).
enum class Archetype : std::uint8_t {
  coron = 0,             ///< terraced rows 1825-1890 (TABULA TH.01)
  pavillon = 1,          ///< detached houses of the cités pavillonnaires 1867-1939 (SFH.01/02)
  maisons_jumelles = 2,  ///< semi-detached pairs 1867-1939 (SFH.02 B_N1)
  cite_jardin = 3,       ///< garden cities 1904-1939 (SFH.02/TH.02)
  cite_moderne = 4,      ///< post-war HBNPC houses 1946-1970 (TH.03/04)
};
inline constexpr std::array<std::string_view, 5> archetype_names = {"coron", "pavillon", "maisons_jumelles",
                                                                    "cite_jardin", "cite_moderne"};

enum class CiteCategory : std::uint8_t { priority = 0, anru = 1, feder = 2, signalled = 3, unnamed = 4 };
inline constexpr std::array<std::string_view, 5> cite_category_names = {"priority", "anru", "feder",
                                                                        "signalled", "unnamed"};

/// Energy carriers of the DPE (conversion and emission factors in data/thermal).
enum class Carrier : std::uint8_t {
  natural_gas = 0,
  electricity = 1,
  coal = 2,
  fuel_oil = 3,
  wood = 4,
  district_heat = 5,
  lpg = 6,
};
inline constexpr std::size_t carrier_count = 7;
inline constexpr std::array<std::string_view, carrier_count> carrier_names = {
    "natural_gas", "electricity", "coal", "fuel_oil", "wood", "district_heat", "lpg"};

enum class HeatingSystem : std::uint8_t {
  gas_boiler_standard = 0,
  gas_boiler_condensing = 1,
  coal_stove = 2,
  oil_boiler = 3,
  electric_direct = 4,
  heat_pump_air_water = 5,
  wood_stove = 6,
  district_heat = 7,
  pellet_boiler = 8,  ///< wood pellet boiler (what renovations install)
  coal_boiler = 9,    ///< coal-fired central heating: a boiler, its water network and radiators
};
inline constexpr std::size_t heating_system_count = 10;
inline constexpr std::array<std::string_view, heating_system_count> heating_system_names = {
    "gas_boiler_standard", "gas_boiler_condensing", "coal_stove",
    "oil_boiler",          "electric_direct",       "heat_pump_air_water",
    "wood_stove",          "district_heat",         "pellet_boiler",
    "coal_boiler"};

enum class DhwSystem : std::uint8_t { gas_boiler = 0, electric_storage = 1, thermodynamic = 2 };
inline constexpr std::size_t dhw_system_count = 3;
inline constexpr std::array<std::string_view, dhw_system_count> dhw_system_names = {
    "gas_boiler", "electric_storage", "thermodynamic"};

/// One value per distinct row of the 3CL conventional air-flow table (Open3CL tv.js
/// debits_ventilation, enum_type_ventilation_id in the comments); the first five keep their
/// numbers so that stocks, measures and results written before the others came still read.
enum class Ventilation : std::uint8_t {
  window_opening = 0,                      ///< 1: no vents, by opening windows (3CL Q_varep 1.2)
  natural_vents = 1,                       ///< 2 and 25: high and low air inlets, natural duct (2.23)
  mechanical_pre1982 = 2,                  ///< 3: single-flow self-regulating, before 1982 (1.97)
  mechanical_hygro = 3,                    ///< 15: single-flow humidity-controlled B after 2012
  mechanical_double_flow = 4,              ///< 20: individual double flow with exchanger from 2013
  mechanical_1982_2000 = 5,                ///< 4: single-flow self-regulating 1982-2000
  mechanical_2001_2012 = 6,                ///< 5
  mechanical_post2012 = 7,                 ///< 6
  hygro_a_pre2001 = 8,                     ///< 7: single-flow humidity-controlled A
  hygro_a_2001_2012 = 9,                   ///< 8
  hygro_a_post2012 = 10,                   ///< 9
  gas_extract_pre2001 = 11,                ///< 10: single-flow gas extract
  gas_extract_2001_2012 = 12,              ///< 11
  gas_extract_post2012 = 13,               ///< 12
  hygro_b_pre2001 = 14,                    ///< 13: single-flow humidity-controlled B
  hygro_b_2001_2012 = 15,                  ///< 14
  low_pressure_self_regulating = 16,       ///< 16: low-pressure extract
  low_pressure_hygro_a = 17,               ///< 17
  low_pressure_hygro_b = 18,               ///< 18
  double_flow_pre2013 = 19,                ///< 19: individual double flow with exchanger
  double_flow_collective_pre2013 = 20,     ///< 21: collective double flow with exchanger
  double_flow_collective_post2012 = 21,    ///< 22
  double_flow_no_exchanger_pre2013 = 22,   ///< 23
  double_flow_no_exchanger_post2012 = 23,  ///< 24
  hybrid_pre2001 = 24,                     ///< 26: hybrid (natural with a fan when needed)
  hybrid_2001_2012 = 25,                   ///< 27
  hybrid_post2012 = 26,                    ///< 28
  hybrid_hygro_pre2001 = 27,               ///< 29: hybrid with humidity-controlled inlets
  hybrid_hygro_2001_2012 = 28,             ///< 30
  hybrid_hygro_post2012 = 29,              ///< 31
  existing_duct_extract_pre2013 = 30,      ///< 32: mechanical extract on an existing duct
  existing_duct_extract_post2012 = 31,     ///< 33
  natural_duct_hygro = 32,                 ///< 34: natural duct with humidity-controlled inlets
  earth_tube_pre2013 = 33,                 ///< 35: earth-air tube without exchanger
  earth_tube_post2012 = 34,                ///< 36
  earth_tube_exchanger_pre2013 = 35,       ///< 37: earth-air tube with exchanger
  earth_tube_exchanger_post2012 = 36,      ///< 38
};
inline constexpr std::size_t ventilation_count = 37;
inline constexpr std::array<std::string_view, ventilation_count> ventilation_names = {
    "window_opening",
    "natural_vents",
    "mechanical_pre1982",
    "mechanical_hygro",
    "mechanical_double_flow",
    "mechanical_1982_2000",
    "mechanical_2001_2012",
    "mechanical_post2012",
    "hygro_a_pre2001",
    "hygro_a_2001_2012",
    "hygro_a_post2012",
    "gas_extract_pre2001",
    "gas_extract_2001_2012",
    "gas_extract_post2012",
    "hygro_b_pre2001",
    "hygro_b_2001_2012",
    "low_pressure_self_regulating",
    "low_pressure_hygro_a",
    "low_pressure_hygro_b",
    "double_flow_pre2013",
    "double_flow_collective_pre2013",
    "double_flow_collective_post2012",
    "double_flow_no_exchanger_pre2013",
    "double_flow_no_exchanger_post2012",
    "hybrid_pre2001",
    "hybrid_2001_2012",
    "hybrid_post2012",
    "hybrid_hygro_pre2001",
    "hybrid_hygro_2001_2012",
    "hybrid_hygro_post2012",
    "existing_duct_extract_pre2013",
    "existing_duct_extract_post2012",
    "natural_duct_hygro",
    "earth_tube_pre2013",
    "earth_tube_post2012",
    "earth_tube_exchanger_pre2013",
    "earth_tube_exchanger_post2012"};

/// A house or a flat: 3CL counts their occupants (§11) and fan power (§5) differently.
enum class DwellingType : std::uint8_t { house = 0, flat = 1 };
inline constexpr std::size_t dwelling_type_count = 2;
inline constexpr std::array<std::string_view, dwelling_type_count> dwelling_type_names = {"house", "flat"};

enum class Inertia : std::uint8_t { light = 0, medium = 1, heavy = 2 };
inline constexpr std::size_t inertia_count = 3;
inline constexpr std::array<std::string_view, inertia_count> inertia_names = {"light", "medium", "heavy"};

/// The 8 climate zones of the 3CL-DPE method (arrêté du 31 mars 2021, annex 1; Open3CL
/// src/enums.js `zone_climatique`, ids 1..8 in this order).
enum class ClimateZone : std::uint8_t {
  h1a = 0,
  h1b = 1,
  h1c = 2,
  h2a = 3,
  h2b = 4,
  h2c = 5,
  h2d = 6,
  h3 = 7
};
inline constexpr std::size_t climate_zone_count = 8;
inline constexpr std::array<std::string_view, climate_zone_count> climate_zone_names = {
    "h1a", "h1b", "h1c", "h2a", "h2b", "h2c", "h2d", "h3"};

/// The altitude classes of the 3CL climate tables (Open3CL src/enums.js `classe_altitude`,
/// ids 1..3 in this order: below 400 m, 400 to 800 m, above 800 m).
enum class AltitudeClass : std::uint8_t { below_400m = 0, from_400_to_800m = 1, above_800m = 2 };
inline constexpr std::size_t altitude_class_count = 3;
inline constexpr std::array<std::string_view, altitude_class_count> altitude_class_names = {
    "below_400m", "400_800m", "above_800m"};

/// Whether the 3CL tables hold a climate for a zone and altitude class. They hold none above
/// 800 m in zones H1a, H2a and H2b (no commune of those zones is that high: the tables of
/// Open3CL src/tv.js are zero there), so a dwelling placed there is refused, not evaluated
/// without heating hours.
[[nodiscard]] constexpr bool climate_is_tabulated(std::size_t zone, std::size_t altitude) noexcept {
  const bool empty_zone_above_800m = zone == 0 || zone == 3 || zone == 4;  // h1a, h2a, h2b
  return !(altitude == 2 && empty_zone_above_800m);
}

/// DPE classes: 0 = A ... 6 = G.
inline constexpr std::size_t label_count = 7;
inline constexpr std::array<char, label_count> label_letters = {'A', 'B', 'C', 'D', 'E', 'F', 'G'};
inline constexpr std::array<std::string_view, label_count> label_names = {"A", "B", "C", "D", "E", "F", "G"};

/// Index of `name` in `names`, or nothing. For reading enums from text.
template <std::size_t N>
[[nodiscard]] constexpr std::optional<std::uint8_t> index_of(const std::array<std::string_view, N>& names,
                                                             std::string_view name) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<std::uint8_t>(i);
  return std::nullopt;
}

}  // namespace coron
