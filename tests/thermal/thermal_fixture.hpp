#pragma once
#include "coron/thermal.hpp"
#include "coron/vocabulary.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

// Shared by the thermal tests: the H1a parameters written out (same numbers as
// data/thermal, so kernel tests do not depend on the loader; only the climate of H1a below
// 400 m is filled) and owned columns.

namespace coron::test {

inline ThermalParams h1a_params() {
  ThermalParams p;
  ClimateTable& h1a = p.climate[climate_index(0, 0)];
  h1a.variant[0].dh19_kh = {11712.4, 9966.8, 7922.7, 5877.4, 2762.0, 0, 0, 0, 2264.1, 3645.4, 6861.0, 9573.3};
  h1a.variant[0].nref19_h = {744, 672, 738, 695, 438, 0, 0, 0, 402, 644, 715, 744};
  const std::array<double, months> e = {38.36, 37.47, 77.61, 86.79, 53.63, 0,
                                        0,     0,     54.18, 61.45, 43.04, 34.26};
  const std::array<double, months> c1e = {0.40, 0.51, 0.63, 0.84, 1.01, 1.16,
                                          1.14, 0.86, 0.66, 0.47, 0.51, 0.35};
  const std::array<double, months> c1w = {0.43, 0.47, 0.58, 0.79, 1.05, 1.25,
                                          1.13, 0.86, 0.76, 0.58, 0.42, 0.38};
  const std::array<double, months> c1n = {0.31, 0.32, 0.37, 0.50, 0.65, 0.75,
                                          0.70, 0.53, 0.41, 0.32, 0.36, 0.25};
  // ilpa = 1 (heavy inertia, old walls): shorter May and September (tv.js dh19/nref19/e [1]).
  ClimateVariant& h = h1a.variant[1];
  h.dh19_kh = {11712.4, 9966.8, 7922.7, 5877.4, 1069.9, 0, 0, 0, 740.6, 3645.4, 6861.0, 9573.3};
  h.nref19_h = {744, 672, 738, 695, 172, 0, 0, 0, 119, 644, 715, 744};
  const std::array<double, months> e1 = {38.36, 37.47, 77.61, 86.79, 19.19, 0,
                                         0,     0,     16.11, 61.45, 43.04, 34.26};
  for (std::size_t j = 0; j < months; ++j) {
    for (std::size_t v = 0; v < climate_variant_count; ++v) {
      ClimateVariant& cv = h1a.variant[v];
      const double ej = v == 0 ? e[j] : e1[j];
      cv.sun_south_kwh_m2[j] = ej;
      cv.sun_east_kwh_m2[j] = ej * c1e[j];
      cv.sun_west_kwh_m2[j] = ej * c1w[j];
      cv.sun_north_kwh_m2[j] = ej * c1n[j];
    }
  }
  h1a.cold_water_c = {7.8, 5.5, 6.9, 9.1, 11.4, 15.1, 16.1, 17.8, 15.9, 14.7, 12.5, 9.2};
  h1a.days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 24};

  auto& gas = p.heating[static_cast<std::size_t>(HeatingSystem::gas_boiler_standard)];
  gas = {Carrier::natural_gas, 0.84, 0.95, 0.88, 0.90, {0.91, 0.91, 0.93}, 0.0, 0.002433, true, {}, {}};
  auto& cond = p.heating[static_cast<std::size_t>(HeatingSystem::gas_boiler_condensing)];
  cond = {Carrier::natural_gas, 0.95, 0.95, 0.91, 0.95, {0.87, 0.87, 0.89}, 0.0, 0.002433, true, {}, {}};
  auto& coal = p.heating[static_cast<std::size_t>(HeatingSystem::coal_stove)];
  coal = {Carrier::coal, 0.72, 0.95, 1.0, 0.80, {0.84, 0.84, 0.86}, 0.0, 0.0, false, {}, {}};
  auto& elec = p.heating[static_cast<std::size_t>(HeatingSystem::electric_direct)];
  elec = {Carrier::electricity, 1.0, 0.95, 1.0, 0.99, {0.84, 0.84, 0.86}, 0.0, 0.0, false, {}, {}};
  auto& hp = p.heating[static_cast<std::size_t>(HeatingSystem::heat_pump_air_water)];
  hp = {Carrier::electricity, 2.8, 0.95, 0.91, 0.95, {0.87, 0.87, 0.89}, 0.0, 0.0, true, {}, {}};
  auto& pellet = p.heating[static_cast<std::size_t>(HeatingSystem::pellet_boiler)];
  pellet = {Carrier::wood, 0.918, 0.95, 0.88, 0.95, {0.87, 0.87, 0.89}, 0.0, 0.013554, true, {}, {}};

  p.dhw[static_cast<std::size_t>(DhwSystem::gas_boiler)] = {
      Carrier::natural_gas, DhwGenerator::boiler, 0.8676, 288.0, 120.0, 0.0, 0.0, 0.93};
  p.dhw[static_cast<std::size_t>(DhwSystem::electric_storage)] = {
      Carrier::electricity, DhwGenerator::electric_tank, 1.0, 0.0, 0.0, 150.0, 0.23, 0.93};
  p.dhw[static_cast<std::size_t>(DhwSystem::thermodynamic)] = {
      Carrier::electricity, DhwGenerator::heat_pump, 2.5, 0.0, 0.0, 0.0, 0.0, 0.93};

  p.ventilation[static_cast<std::size_t>(Ventilation::window_opening)] = {1.2, 0.0, 0.0, 1.2, 0.0, 0.0};
  p.ventilation[static_cast<std::size_t>(Ventilation::natural_vents)] = {2.23, 0.0, 0.0, 0.0, 4.0, 0.0};
  p.ventilation[static_cast<std::size_t>(Ventilation::mechanical_pre1982)] = {1.97, 0.0, 569.4,
                                                                              0.0,  2.0, 7.93831};
  p.ventilation[static_cast<std::size_t>(Ventilation::mechanical_hygro)] = {1.09, 0.0, 131.4,
                                                                            0.0,  1.5, 2.3871};
  p.ventilation[static_cast<std::size_t>(Ventilation::mechanical_double_flow)] = {0.26, 0.0, 306.6,
                                                                                  0.26, 0.0, 1.36656};

  p.gain_exponent_alpha = {2.5, 2.9, 3.6};
  p.ilpa_by_inertia = {0, 0, 1};
  p.internal_gain_w_per_m2 = 3.52;
  p.occupant_gain_wh = 132.0 / 168.0 * 90.0;
  p.dhw_litres_per_occupant_day = 56.0;
  p.dhw_hot_water_c = 40.0;
  h1a.lighting_kwh_per_m2 = 0.9 * 1.4 * 1500.0 / 1000.0;
  p.window_shading_factor = 1.0;
  p.ghg_heating_kg_per_kwh = {0.227, 0.079, 0.385, 0.324, 0.030, 0.385, 0.272};
  p.ghg_dhw_kg_per_kwh = {0.227, 0.065, 0.385, 0.324, 0.030, 0.385, 0.272};
  p.ghg_electricity_lighting_kg_per_kwh = 0.069;
  p.ghg_electricity_auxiliary_kg_per_kwh = 0.064;
  p.cep_limits_kwh_m2 = {70, 110, 180, 250, 330, 420};
  p.eges_limits_kg_m2 = {6, 11, 30, 50, 70, 100};
  // Rows 8..39 m2 of the 2024 table (data/thermal/dpe-labels.yaml): the rows the tests use,
  // the others interpolated monotonically so the table stays valid.
  const std::array<double, 6> cep8 = {146, 186, 386, 505, 622, 739}, cep20 = {88, 128, 230, 300, 385, 476};
  const std::array<double, 6> ges8 = {11, 16, 44, 68, 90, 122}, ges20 = {8, 13, 34, 54, 74, 104};
  for (std::size_t r = 0; r < 32; ++r) {
    const double w = r <= 12 ? static_cast<double>(r) / 12.0 : static_cast<double>(r - 12) / 20.0;
    for (std::size_t k = 0; k < 6; ++k) {
      const double c_lo = r <= 12 ? cep8[k] : cep20[k],
                   c_hi = r <= 12 ? cep20[k] : p.cep_limits_kwh_m2[k] + 1;
      const double g_lo = r <= 12 ? ges8[k] : ges20[k],
                   g_hi = r <= 12 ? ges20[k] : p.eges_limits_kg_m2[k] + 1;
      p.small_cep_limits_kwh_m2[r][k] = c_lo + w * (c_hi - c_lo);
      p.small_eges_limits_kg_m2[r][k] = g_lo + w * (g_hi - g_lo);
    }
  }
  p.small_cep_limits_kwh_m2[12] = cep20;
  p.small_eges_limits_kg_m2[12] = ges20;
  return p;
}

inline YearFactors factors_2025() {
  YearFactors y;
  y.primary_energy_factor = {1.0, 2.3, 1.0, 1.0, 1.0, 1.0, 1.0};
  return y;
}
inline YearFactors factors_2026() {
  YearFactors y;
  y.primary_energy_factor = {1.0, 1.9, 1.0, 1.0, 1.0, 1.0, 1.0};
  return y;
}

/// One dwelling's description (a row of the stock's thermal columns).
struct Dwelling {
  double floor_area_m2 = 70.0, ceiling_height_m = 2.5;
  double wall_area_m2 = 60.0, u_wall_w_per_m2k = 2.5;
  double roof_area_m2 = 40.0, u_roof_w_per_m2k = 2.5, b_roof = 0.9;
  double ground_floor_area_m2 = 40.0, u_floor_w_per_m2k = 2.0, b_floor = 0.8;
  double window_south_m2 = 6.0, window_east_m2 = 0.0, window_west_m2 = 0.0, window_north_m2 = 5.0;
  double u_window_w_per_m2k = 4.9, g_window = 0.85;
  /// Each facade's sun factor: 1 for unshaded vertical glazing.
  double window_south_sun_factor = 1.0, window_east_sun_factor = 1.0, window_west_sun_factor = 1.0,
         window_north_sun_factor = 1.0;
  double door_area_m2 = 2.0, u_door_w_per_m2k = 3.5;
  double thermal_bridges_w_per_k = 10.0, q4pa_conv_m3_per_h_m2 = 3.3;
  std::uint8_t multiple_exposed_facades = 1;
  DwellingType dwelling_type = DwellingType::house;
  Ventilation ventilation = Ventilation::natural_vents;
  Inertia inertia = Inertia::heavy;
  HeatingSystem heating = HeatingSystem::gas_boiler_standard;
  DhwSystem dhw = DhwSystem::gas_boiler;
  std::uint8_t dhw_collective = 0;                ///< 1: a collective installation (Tau 0.212)
  std::uint8_t dhw_storage_in_heated_volume = 1;  ///< 1: the tank's losses are recovered
  ClimateZone zone = ClimateZone::h1a;
  AltitudeClass altitude = AltitudeClass::below_400m;
  std::int16_t heating_generator_year = 0;     ///< 0: the class's fixed R_g
  double heating_nominal_power_kw = 0.0;       ///< 0: sized by the method
  double heating_i0 = 0.0;                     ///< 0: the heating class's I0
  double heating_emitter_efficiency = 0.0;     ///< 0: the heating class's R_e R_d R_r
  double heating_generation_efficiency = 0.0;  ///< 0: the heating class's R_g (or its period's)
  HeatingSystem heating_backup = HeatingSystem::gas_boiler_standard;  ///< read when its share > 0
  double heating_backup_share = 0.0;                                  ///< 0: one generator
  double heating_backup_generation_efficiency = 0.0;                  ///< 0: its class's R_g
  double heating_backup_i0 = 0.0;                                     ///< 0: the main generator's I0
  double heating_backup_emitter_efficiency = 0.0;                     ///< 0: the main's R_e R_d R_r
  double heating_network_pressure_drop_kpa = 0.0;                     ///< 0: the default network's
  double heating_design_temperature_drop_k = 0.0;                     ///< 0: the default network's
  double dhw_efficiency = 0.0;                                        ///< 0: the hot-water class's generator
  double dhw_standing_loss_kwh = 0.0;                                 ///< read with dhw_efficiency
  double dhw_distribution_efficiency = 0.0;                           ///< 0: the hot-water class's R_d
  double dhw_storage_loss_kwh = 0.0;                                  ///< read with dhw_efficiency
  double heating_ghg_factor = 0.0;  ///< kg/kWh, 0: the heating carrier's (a heat network's own)
  double dhw_ghg_factor = 0.0;      ///< kg/kWh, 0: the hot-water carrier's
};

/// Owned input and output columns for a few dwellings.
struct Columns {
  std::vector<double> floor_area_m2, ceiling_height_m, wall_area_m2, u_wall_w_per_m2k, roof_area_m2,
      u_roof_w_per_m2k, b_roof, ground_floor_area_m2, u_floor_w_per_m2k, b_floor, window_south_m2,
      window_east_m2, window_west_m2, window_north_m2, u_window_w_per_m2k, g_window, window_south_sun_factor,
      window_east_sun_factor, window_west_sun_factor, window_north_sun_factor, door_area_m2, u_door_w_per_m2k,
      thermal_bridges_w_per_k, q4pa_conv_m3_per_h_m2;
  std::vector<std::uint8_t> multiple_exposed_facades, dwelling_type, ventilation, inertia, heating_system,
      dhw_system, dhw_collective, dhw_storage_in_heated_volume, climate_zone, altitude_class,
      heating_backup_system;
  std::vector<std::int16_t> heating_generator_year;
  std::vector<double> heating_nominal_power_kw, heating_i0, heating_emitter_efficiency,
      heating_generation_efficiency, heating_backup_share, heating_backup_generation_efficiency,
      heating_backup_i0, heating_backup_emitter_efficiency, heating_network_pressure_drop_kpa,
      heating_design_temperature_drop_k, dhw_efficiency, dhw_standing_loss_kwh, dhw_distribution_efficiency,
      dhw_storage_loss_kwh, heating_ghg_factor, dhw_ghg_factor;
  std::vector<double> need, final_energy, heating_final, heating_backup_final, dhw_final, electricity_other,
      cep, eges;
  std::vector<std::uint8_t> label;

  void add(const Dwelling& d) {
    floor_area_m2.push_back(d.floor_area_m2);
    ceiling_height_m.push_back(d.ceiling_height_m);
    wall_area_m2.push_back(d.wall_area_m2);
    u_wall_w_per_m2k.push_back(d.u_wall_w_per_m2k);
    roof_area_m2.push_back(d.roof_area_m2);
    u_roof_w_per_m2k.push_back(d.u_roof_w_per_m2k);
    b_roof.push_back(d.b_roof);
    ground_floor_area_m2.push_back(d.ground_floor_area_m2);
    u_floor_w_per_m2k.push_back(d.u_floor_w_per_m2k);
    b_floor.push_back(d.b_floor);
    window_south_m2.push_back(d.window_south_m2);
    window_east_m2.push_back(d.window_east_m2);
    window_west_m2.push_back(d.window_west_m2);
    window_north_m2.push_back(d.window_north_m2);
    u_window_w_per_m2k.push_back(d.u_window_w_per_m2k);
    g_window.push_back(d.g_window);
    window_south_sun_factor.push_back(d.window_south_sun_factor);
    window_east_sun_factor.push_back(d.window_east_sun_factor);
    window_west_sun_factor.push_back(d.window_west_sun_factor);
    window_north_sun_factor.push_back(d.window_north_sun_factor);
    door_area_m2.push_back(d.door_area_m2);
    u_door_w_per_m2k.push_back(d.u_door_w_per_m2k);
    thermal_bridges_w_per_k.push_back(d.thermal_bridges_w_per_k);
    q4pa_conv_m3_per_h_m2.push_back(d.q4pa_conv_m3_per_h_m2);
    multiple_exposed_facades.push_back(d.multiple_exposed_facades);
    dwelling_type.push_back(static_cast<std::uint8_t>(d.dwelling_type));
    ventilation.push_back(static_cast<std::uint8_t>(d.ventilation));
    inertia.push_back(static_cast<std::uint8_t>(d.inertia));
    heating_system.push_back(static_cast<std::uint8_t>(d.heating));
    dhw_system.push_back(static_cast<std::uint8_t>(d.dhw));
    dhw_collective.push_back(d.dhw_collective);
    dhw_storage_in_heated_volume.push_back(d.dhw_storage_in_heated_volume);
    climate_zone.push_back(static_cast<std::uint8_t>(d.zone));
    altitude_class.push_back(static_cast<std::uint8_t>(d.altitude));
    heating_generator_year.push_back(d.heating_generator_year);
    heating_nominal_power_kw.push_back(d.heating_nominal_power_kw);
    heating_i0.push_back(d.heating_i0);
    heating_emitter_efficiency.push_back(d.heating_emitter_efficiency);
    heating_generation_efficiency.push_back(d.heating_generation_efficiency);
    heating_backup_system.push_back(static_cast<std::uint8_t>(d.heating_backup));
    heating_backup_share.push_back(d.heating_backup_share);
    heating_backup_generation_efficiency.push_back(d.heating_backup_generation_efficiency);
    heating_backup_i0.push_back(d.heating_backup_i0);
    heating_backup_emitter_efficiency.push_back(d.heating_backup_emitter_efficiency);
    heating_network_pressure_drop_kpa.push_back(d.heating_network_pressure_drop_kpa);
    heating_design_temperature_drop_k.push_back(d.heating_design_temperature_drop_k);
    dhw_efficiency.push_back(d.dhw_efficiency);
    dhw_standing_loss_kwh.push_back(d.dhw_standing_loss_kwh);
    dhw_distribution_efficiency.push_back(d.dhw_distribution_efficiency);
    dhw_storage_loss_kwh.push_back(d.dhw_storage_loss_kwh);
    heating_ghg_factor.push_back(d.heating_ghg_factor);
    dhw_ghg_factor.push_back(d.dhw_ghg_factor);
    need.push_back(-1.0);
    final_energy.push_back(-1.0);
    heating_final.push_back(-1.0);
    heating_backup_final.push_back(-1.0);
    dhw_final.push_back(-1.0);
    electricity_other.push_back(-1.0);
    cep.push_back(-1.0);
    eges.push_back(-1.0);
    label.push_back(255);
  }

  [[nodiscard]] ThermalInputs inputs() const {
    return {floor_area_m2,
            ceiling_height_m,
            wall_area_m2,
            u_wall_w_per_m2k,
            roof_area_m2,
            u_roof_w_per_m2k,
            b_roof,
            ground_floor_area_m2,
            u_floor_w_per_m2k,
            b_floor,
            window_south_m2,
            window_east_m2,
            window_west_m2,
            window_north_m2,
            u_window_w_per_m2k,
            g_window,
            window_south_sun_factor,
            window_east_sun_factor,
            window_west_sun_factor,
            window_north_sun_factor,
            door_area_m2,
            u_door_w_per_m2k,
            thermal_bridges_w_per_k,
            q4pa_conv_m3_per_h_m2,
            multiple_exposed_facades,
            dwelling_type,
            ventilation,
            inertia,
            heating_system,
            dhw_system,
            dhw_collective,
            dhw_storage_in_heated_volume,
            climate_zone,
            altitude_class,
            heating_generator_year,
            heating_nominal_power_kw,
            heating_i0,
            heating_emitter_efficiency,
            heating_generation_efficiency,
            heating_backup_system,
            heating_backup_share,
            heating_backup_generation_efficiency,
            heating_backup_i0,
            heating_backup_emitter_efficiency,
            heating_network_pressure_drop_kpa,
            heating_design_temperature_drop_k,
            dhw_efficiency,
            dhw_standing_loss_kwh,
            dhw_distribution_efficiency,
            dhw_storage_loss_kwh,
            heating_ghg_factor,
            dhw_ghg_factor};
  }
  [[nodiscard]] ThermalOutputs outputs() {
    return {need, final_energy, heating_final, heating_backup_final, dhw_final, electricity_other,
            cep,  eges,         label};
  }
  [[nodiscard]] std::size_t size() const { return floor_area_m2.size(); }

  void evaluate(const ThermalParams& p, const YearFactors& y) {
    evaluate_thermal(inputs(), p, y, outputs(), 0, size());
  }
};

/// Evaluates one dwelling alone and returns its columns.
inline Columns evaluate_one(const Dwelling& d, const ThermalParams& p, const YearFactors& y) {
  Columns c;
  c.add(d);
  c.evaluate(p, y);
  return c;
}

/// A varied, deterministic population for comparing kernels: every heating, hot-water and
/// ventilation system, every inertia class (both climate variants), houses and flats, the
/// three occupancy branches of each and the damped one, single and several facades, airtight houses,
/// dwellings under 40 m2 (and under 8 m2), windows missing on some sides. test_reference counts each branch.
/// With `every_climate`, the dwellings also take every zone and altitude class in turn (the 21
/// that exist), several climates in each chunk of the kernel (the parameters must then hold all
/// 24 climates, as data/thermal does); without it, all are in H1a below 400 m.
/// `known_generators`: two dwellings in three also get a generator year (every period of the
/// boiler tables) and one in two of those a nominal power (4 to 500 kW, every power row).
/// Hot water comes from a collective installation in one dwelling in four, and an own tank
/// stands outside the heated volume in one in three.
inline Columns varied_population(std::size_t n, bool every_climate = false, bool known_generators = false) {
  std::mt19937_64 rng(2024);
  auto u = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  Columns c;
  for (std::size_t i = 0; i < n; ++i) {
    Dwelling d;
    switch (i % 8) {
      case 0:
        d.floor_area_m2 = u(4.0, 30.0);
        break;  // N_max = 1, small-dwelling limits (row 8 below 8.5)
      case 1:
        d.floor_area_m2 = u(30.0, 40.0);
        break;  // 30-70 branch, small limits up to 39.5
      case 2:
        d.floor_area_m2 = u(40.0, 70.0);
        break;
      default:
        d.floor_area_m2 = u(70.0, 160.0);
        break;  // 0.025 S_h, damped above 70
    }
    d.ceiling_height_m = u(2.2, 3.0);
    d.wall_area_m2 = d.floor_area_m2 * u(0.3, 1.8);
    d.u_wall_w_per_m2k = u(0.15, 3.0);
    d.roof_area_m2 = d.floor_area_m2 * u(0.4, 0.8);
    d.u_roof_w_per_m2k = u(0.1, 3.0);
    d.b_roof = i % 11 == 0 ? 0.0 : u(0.5, 1.0);
    d.ground_floor_area_m2 = d.floor_area_m2 * u(0.4, 0.7);
    d.u_floor_w_per_m2k = u(0.2, 2.5);
    d.b_floor = u(0.5, 1.0);
    d.window_south_m2 = i % 13 == 0 ? 0.0 : d.floor_area_m2 * u(0.0, 0.3);
    d.window_east_m2 = i % 5 == 0 ? 0.0 : d.floor_area_m2 * u(0.0, 0.12);
    d.window_west_m2 = i % 7 == 0 ? 0.0 : d.floor_area_m2 * u(0.0, 0.12);
    d.window_north_m2 = d.floor_area_m2 * u(0.0, 0.1);
    d.u_window_w_per_m2k = u(0.8, 5.5);
    d.g_window = u(0.3, 0.9);
    // Masks, roof windows and verandas on some facades (the import's sun factors).
    if (i % 3 == 1) d.window_south_sun_factor = u(0.2, 1.8);
    if (i % 4 == 2) d.window_east_sun_factor = u(0.3, 1.2);
    if (i % 5 == 3) d.window_west_sun_factor = u(0.3, 1.2);
    if (i % 6 == 4) d.window_north_sun_factor = u(0.0, 1.5);
    d.door_area_m2 = u(1.5, 4.0);
    d.u_door_w_per_m2k = u(1.0, 4.0);
    d.thermal_bridges_w_per_k = u(0.0, 20.0);
    d.q4pa_conv_m3_per_h_m2 = i % 19 == 0 ? 0.0 : u(0.3, 4.0);
    d.multiple_exposed_facades = static_cast<std::uint8_t>((i / 8) % 2);
    d.dwelling_type = static_cast<DwellingType>((i / 11) % dwelling_type_count);
    d.ventilation = static_cast<Ventilation>((i / 3) % ventilation_count);
    d.inertia = static_cast<Inertia>((i / 5) % inertia_count);
    d.heating = static_cast<HeatingSystem>((i / 2) % heating_system_count);
    d.dhw = static_cast<DhwSystem>((i / 7) % dhw_system_count);
    d.dhw_collective = static_cast<std::uint8_t>((i / 17) % 4 == 0);
    d.dhw_storage_in_heated_volume = static_cast<std::uint8_t>((i / 13) % 3 != 0);
    // Airtight with no inlet term: Q4Pa = 0 when S_mea is 0 too (window opening).
    if (i % 19 == 0) d.ventilation = Ventilation::window_opening;
    if (every_climate) {
      d.zone = static_cast<ClimateZone>((i / 3) % climate_zone_count);
      // H1a, H2a and H2b have no climate above 800 m (tv.js: all zeros; no commune there).
      const bool no_high =
          d.zone == ClimateZone::h1a || d.zone == ClimateZone::h2a || d.zone == ClimateZone::h2b;
      d.altitude = static_cast<AltitudeClass>((i / 29) % (no_high ? 2 : altitude_class_count));
    }
    if (known_generators && i % 3 != 0) {
      d.heating_generator_year = static_cast<std::int16_t>(1950 + (i * 7) % 75);
      if (i % 2 == 0) d.heating_nominal_power_kw = std::exp(u(std::log(4.0), std::log(500.0)));
    }
    if (known_generators && i % 4 == 1) d.heating_i0 = u(0.80, 0.97);                // a certificate's own I0
    if (known_generators && i % 5 == 2) d.heating_emitter_efficiency = u(0.6, 1.0);  // and its R_e R_d R_r
    // A certificate's own R_g: on rows with and without a generator year, with and without R_e R_d R_r.
    if (known_generators && i % 8 == 5) d.heating_generation_efficiency = u(0.5, 4.5);
    if (known_generators && i % 6 == 3) {  // a certificate's own hot-water generation, tank and network
      d.dhw_efficiency = u(0.3, 3.5);
      d.dhw_storage_loss_kwh = i % 12 == 3 ? u(100.0, 1500.0) : 0.0;
      d.dhw_standing_loss_kwh = i % 18 == 3 ? u(80.0, 1200.0) : 0.0;  // an electric tank's
    }
    if (known_generators && i % 7 == 4) d.dhw_distribution_efficiency = u(0.6, 0.95);
    if (known_generators && i % 9 == 7) {  // a second generator of every class, with or without its own R_g
      d.heating_backup = static_cast<HeatingSystem>((i / 9) % heating_system_count);
      d.heating_backup_share = u(0.1, 0.5);
      if (i % 18 == 7) d.heating_backup_generation_efficiency = u(0.5, 4.0);
      // Its own emitters, on rows where the main has its own or its class's.
      if (i % 4 == 3) d.heating_backup_i0 = u(0.7, 1.05);
      if (i % 4 != 1) d.heating_backup_emitter_efficiency = u(0.6, 1.0);
    }
    // A certificate's own water network (its emitters, levels and distribution temperature),
    // alone or with its design temperature drop, on any class.
    if (known_generators && i % 5 == 2) d.heating_network_pressure_drop_kpa = u(12.0, 80.0);
    if (known_generators && i % 10 == 2) d.heating_design_temperature_drop_k = i % 20 == 2 ? 7.5 : 15.0;
    if (known_generators && i % 11 == 9) d.heating_design_temperature_drop_k = u(5.0, 20.0);
    // A heat network's own GHG content, for heating or hot water, on any class (the import
    // writes it for district heat; the kernel reads it whatever the class).
    if (known_generators && i % 10 == 6) d.heating_ghg_factor = u(0.01, 0.4);
    if (known_generators && i % 15 == 11) d.dhw_ghg_factor = u(0.01, 0.4);
    c.add(d);
  }
  return c;
}

}  // namespace coron::test
