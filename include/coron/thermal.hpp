#pragma once
#include "coron/columns.hpp"
#include "coron/vocabulary.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

// The conventional monthly method of the DPE 2021 (3CL-DPE), per dwelling:
// heat loss GV, gains and their utilisation, intermittence, system efficiencies,
// hot water, lighting and auxiliaries, then final and primary energy, GHG and the
// DPE label. Pure functions over columns: no files, no threads, no allocation.
// Equations and tables: shared/reference/thermal-reference.md §3.2, §4; numbers
// come from data/thermal/*.yaml (loaded by sim/io).

namespace coron {

inline constexpr std::size_t months = 12;

/// The two climate variants of 3CL: ordinary (ilpa = 0) and heavy-inertia buildings with
/// walls of old materials (ilpa = 1, 3CL §18.3), whose heating season is shorter.
inline constexpr std::size_t climate_variant_count = 2;

/// The heating-season tables of one climate variant, per month.
struct ClimateVariant {
  std::array<double, months> dh19_kh{};           ///< degree-hours base 19 degC over heating hours
  std::array<double, months> nref19_h{};          ///< heating hours N_ref19
  std::array<double, months> sun_south_kwh_m2{};  ///< irradiation on vertical planes, heating hours
  std::array<double, months> sun_east_kwh_m2{};   ///< E_j . C1_east,j
  std::array<double, months> sun_west_kwh_m2{};   ///< E_j . C1_west,j
  std::array<double, months> sun_north_kwh_m2{};
};

/// 3CL climate of one zone and altitude class, per month.
struct ClimateTable {
  std::array<ClimateVariant, climate_variant_count> variant{};  ///< indexed by ilpa
  std::array<double, months> cold_water_c{};                    ///< T_efs
  std::array<double, months> days{};                            ///< days in the month
  double lighting_kwh_per_m2 = 1.89;  ///< final electricity C . P_ecl . N_h (N_h by zone)
};

/// The climates of the method: one per (zone, altitude class).
inline constexpr std::size_t climate_count = climate_zone_count * altitude_class_count;

/// Index into ThermalParams::climate of a zone and an altitude class (both as column values).
[[nodiscard]] constexpr std::size_t climate_index(std::size_t zone, std::size_t altitude) noexcept {
  return zone * altitude_class_count + altitude;
}

/// Which 3CL loss curve QP(x) a boiler follows (3CL §13.2.1, Open3CL
/// 13.2_generateur_combustion_ch.js QPx): standard (a = 0.1, b = 50, two segments),
/// low temperature (0.1, 40) and condensing (0.2, 33) with three, solid fuel (wood, coal)
/// through QP50.
enum class BoilerKind : std::uint8_t { standard = 0, low_temperature = 1, condensing = 2, solid_fuel = 3 };
inline constexpr std::size_t boiler_kind_count = 4;
inline constexpr std::array<std::string_view, boiler_kind_count> boiler_kind_names = {
    "standard", "low_temperature", "condensing", "solid_fuel"};

/// One row of the 3CL table generateur_combustion: a boiler installed from `from_year` on (up to
/// the next row's year), of nominal power up to `max_pn_kw`. Pn in kW, efficiencies in % (PCI):
///   R_pn = rpn_a + rpn_b log10(Pn), R_pint = rpint_a + rpint_b log10(Pn),
///   QP0 = Pn (qp0_a + qp0_b log10(Pn)) / 100 . Pn^qp0_exponent  (kW).
struct BoilerPeriod {
  int from_year = 0;
  double max_pn_kw = 1e9;
  double rpn_a = 0.0, rpn_b = 0.0, rpint_a = 0.0, rpint_b = 0.0;
  double qp0_a = 0.0, qp0_b = 0.0, qp0_exponent = 0.0;
  double temp_fonc_30_c = 0.0;  ///< operating temperature at 30 % load (tv.js temp_fonc_30)
};
inline constexpr std::size_t boiler_period_capacity = 24;

/// A boiler class's part-load generation efficiency by the method (3CL §13.2.1), used for a
/// dwelling whose generator's installation year is known; `enabled` false: the class's fixed R_g.
struct BoilerPartLoad {
  bool enabled = false;
  BoilerKind kind = BoilerKind::standard;
  double pcs_over_pci = 1.0;      ///< K: higher over lower heating value of the fuel
  double temp_fonc_100_c = 80.0;  ///< operating temperature at full load (tv.js temp_fonc_100)
  /// With combustion control the 30 % point runs at temp_fonc_30, without at temp_fonc_100.
  bool combustion_regulation = false;
  std::size_t period_count = 0;
  std::array<BoilerPeriod, boiler_period_capacity> periods{};  ///< by rising from_year, then max_pn_kw
};

/// One row of the 3CL table scop for a heat pump installed from `from_year` on (up to the next
/// row's year): its seasonal performance (SCOP; a plain COP before 2008) in zones H1 and H2
/// and in zone H3, with emitters other than floors or ceilings.
struct HeatPumpPeriod {
  int from_year = 0;
  double scop_h1_h2 = 1.0;
  double scop_h3 = 1.0;
};
inline constexpr std::size_t heat_pump_period_capacity = 8;

/// A heat-pump class's SCOP by installation period and zone (3CL §12.4), used for a dwelling
/// whose generator's installation year is known; none (period_count 0): the class's fixed R_g.
struct HeatPumpScop {
  std::size_t period_count = 0;
  std::array<HeatPumpPeriod, heat_pump_period_capacity> periods{};  ///< by rising from_year
};

struct HeatingSystemParams {
  Carrier carrier = Carrier::natural_gas;
  double generation_efficiency = 1.0;    ///< R_g (COP for heat pumps)
  double emission_efficiency = 1.0;      ///< R_e
  double distribution_efficiency = 1.0;  ///< R_d
  double regulation_efficiency = 1.0;    ///< R_r
  /// I0 of the intermittence factor by inertia class (3CL rows differ for heavy inertia).
  std::array<double, inertia_count> intermittence_i0{1.0, 1.0, 1.0};
  double auxiliary_kwh_per_m2 = 0.0;  ///< pumps, fans of the generator (electricity)
  /// Generation auxiliaries in proportion to the heating need: 3CL (G + H.Pn)/Pn, kWh per kWh.
  double auxiliary_kwh_per_kwh_need = 0.0;
  /// Whether it heats through a water network moved by a circulator (boilers, heat pumps on
  /// water, heat networks), whose electricity is P_circ . sum_j N_ref19,j / 1000 kWh a year.
  bool water_network = false;
  BoilerPartLoad part_load;  ///< the method's part-load R_g, for a known generator year
  HeatPumpScop scop;         ///< the method's SCOP, for a heat pump's known generator year
};

/// How a hot-water generator's efficiency follows the dwelling's hot-water need B_ecs
/// (3CL §14, Open3CL 14_generateur_ecs.js), B in Wh:
///   boiler         R_g = 1/(1/R_pn + (1790 QP0 + Q_gw)/B + 6970 . 0.5 P_veil/B)  (rgrs_chaudiere),
///                  Q_gw = 67662 V_s^0.55 with a tank, 0 for instantaneous production;
///   electric_tank  R_s = 1/(1 + Q_gw R_d/B), Q_gw = 8592 . 45/24 . V_s . C_r;
///   heat_pump      the COP.
/// Final energy = B_ecs / (R . R_d).
enum class DhwGenerator : std::uint8_t { boiler = 0, electric_tank = 1, heat_pump = 2 };
inline constexpr std::size_t dhw_generator_count = 3;
inline constexpr std::array<std::string_view, dhw_generator_count> dhw_generator_names = {
    "boiler", "electric_tank", "heat_pump"};

struct DhwSystemParams {
  Carrier carrier = Carrier::natural_gas;
  DhwGenerator generator = DhwGenerator::heat_pump;
  double nominal_efficiency = 1.0;       ///< R_pn of a boiler, COP of a heat pump (unused for a tank)
  double standby_loss_w = 0.0;           ///< QP0 of a boiler, W
  double pilot_w = 0.0;                  ///< P_veil of a boiler's pilot light, W (0: none)
  double storage_l = 0.0;                ///< V_s, litres (0: instantaneous)
  double storage_loss_cr = 0.0;          ///< C_r of an electric tank (tv.js pertes_stockage)
  double distribution_efficiency = 1.0;  ///< R_d
};

/// The yearly storage loss Q_gw of a hot-water tank of `volume_l` litres, Wh (3CL §14, Open3CL
/// 14_generateur_ecs.js calc_Qgw): an electric tank's 8592 x 45/24 x V x C_r, C_r by its
/// category and volume (tv.js pertes_stockage); a combustion generator's tank 67662 V^0.55.
[[nodiscard]] inline double electric_tank_loss_wh(double volume_l, double cr) noexcept {
  return 8592.0 * 45.0 / 24.0 * volume_l * cr;
}
[[nodiscard]] inline double combustion_tank_loss_wh(double volume_l) noexcept {
  return 67662.0 * std::pow(volume_l, 0.55);
}

struct VentilationParams {
  double q_varep_m3_per_h_m2 = 1.2;         ///< conventional renewal air flow per m2 of floor
  double auxiliary_kwh_per_m2 = 0.0;        ///< fan electricity
  double auxiliary_kwh_per_dwelling = 0.0;  ///< fan electricity of a house, 3CL 8.76.Pvent_moy
  double q_vasouf_m3_per_h_m2 = 0.0;        ///< conventional supply air flow (H_perm)
  double s_mea_m3_per_h_m2 = 0.0;           ///< conventional air-inlet area term S_mea (H_perm)
  double flat_auxiliary_kwh_per_m2 = 0.0;   ///< fan electricity of a flat, 3CL 8.76.Pvent.Q_varep
};

/// The heating circulator's power (3CL §15.2.1, Open3CL 15_conso_aux.js getPuissanceCirculateur):
///   P_circ = max(minimum, 6.44 (dP_nom Q_nom / f)^0.676 f) W, f = max(1, S_h / 400),
///   Q_nom = GV (20 - T_base) / 1000 / (1.163 dT_dim) m3/h, dP_nom = 0.15 L_em + dP_em kPa,
///   L_em = 5 F_cot (N_niv + sqrt(S_h / N_niv)) m.
/// A dwelling whose stock row gives its own network (heating_network_pressure_drop_kpa,
/// heating_design_temperature_drop_k) takes it; the others take this default network.
struct CirculatorParams {
  double minimum_w = 30.0;
  double emitter_pressure_drop_kpa = 35.0;  ///< dP_em of "other" emitters
  double length_factor = 0.802;             ///< F_cot of "other" emitters
  double levels = 1.0;                      ///< N_niv, heated levels the network serves
  double design_temperature_drop_k = 15.0;  ///< dT_dim of a high-temperature network
};

/// Every parameter of the method that does not vary by dwelling or year.
struct ThermalParams {
  /// By climate_index(zone, altitude class), read through each dwelling's two columns.
  std::array<ClimateTable, climate_count> climate{};
  std::array<HeatingSystemParams, heating_system_count> heating{};
  std::array<DhwSystemParams, dhw_system_count> dhw{};
  std::array<VentilationParams, ventilation_count> ventilation{};
  std::array<double, inertia_count> gain_exponent_alpha{};  ///< 2.5 light, 2.9 medium, 3.6 heavy
  /// The climate variant (ilpa, 0 or 1) of a dwelling by inertia class.
  std::array<std::uint8_t, inertia_count> ilpa_by_inertia{};
  double internal_gain_w_per_m2 = 3.18 + 0.34;     ///< 3CL A_i first term
  double occupant_gain_wh = 132.0 / 168.0 * 90.0;  ///< per adequate occupant and heating hour
  double dhw_litres_per_occupant_day = 56.0;
  double dhw_hot_water_c = 40.0;
  /// T_base by climate (climate_index), sizing a boiler whose Pn is unknown (3CL §13.2.1).
  std::array<double, climate_count> base_temperature_c{};
  CirculatorParams circulator;
  double window_shading_factor = 1.0;  ///< F_e1.F_e2 masks on glazing
  /// GHG factors, kgCO2e per kWh final, by carrier (heating use) ...
  std::array<double, carrier_count> ghg_heating_kg_per_kwh{};
  /// ... and by carrier for hot water.
  std::array<double, carrier_count> ghg_dhw_kg_per_kwh{};
  double ghg_electricity_lighting_kg_per_kwh = 0.069;
  double ghg_electricity_auxiliary_kg_per_kwh = 0.064;
  /// Label limits (upper bounds of A..F, strict "<") for S_ref >= 40 m2 ...
  std::array<double, 6> cep_limits_kwh_m2{};
  std::array<double, 6> eges_limits_kg_m2{};
  /// ... and for small dwellings, one row per integer m2 from 8 to 39 (S <= 8 uses row 8).
  std::array<std::array<double, 6>, 32> small_cep_limits_kwh_m2{};
  std::array<std::array<double, 6>, 32> small_eges_limits_kg_m2{};
};

/// What changes from one year to the next: conversion factors set by the scenario.
struct YearFactors {
  /// Primary energy factor by carrier (electricity 2.3 until 2025, 1.9 from 2026).
  std::array<double, carrier_count> primary_energy_factor{};
};

/// The columns the kernel reads, one entry per dwelling (spans of equal length): the
/// thermal columns of the registry (coron/columns.hpp), by the same names.
struct ThermalInputs {
#define CORON_SPAN_MEMBER(T, name, unit, spec, text) std::span<const T> name;
  CORON_THERMAL_COLUMNS(CORON_SPAN_MEMBER)
#undef CORON_SPAN_MEMBER

  [[nodiscard]] std::size_t size() const noexcept { return floor_area_m2.size(); }
};

/// The columns the kernel writes (spans of the same length as the inputs).
struct ThermalOutputs {
  std::span<double> heating_need_kwh;          ///< conventional heating need B_ch
  std::span<double> final_energy_kwh;          ///< five uses, all carriers
  std::span<double> heating_final_kwh;         ///< heating, both generators
  std::span<double> heating_backup_final_kwh;  ///< the second generator's part, its carrier
  std::span<double> dhw_final_kwh;             ///< hot water, carrier of the hot-water system
  std::span<double> electricity_other_kwh;     ///< lighting and auxiliaries (electricity)
  std::span<double> primary_energy_kwh_m2;     ///< Cep
  std::span<double> ghg_kg_m2;                 ///< EGES
  std::span<std::uint8_t> label;               ///< 0 = A ... 6 = G
};

/// Evaluates dwellings [begin, end). Writes only those rows of `out`, so disjoint
/// ranges may run concurrently. No allocation, no virtual call.
void evaluate_thermal(const ThermalInputs& in, const ThermalParams& params, const YearFactors& year,
                      const ThermalOutputs& out, std::size_t begin, std::size_t end) noexcept;

/// DPE energy class (0..6) of a primary energy use, kWh/(m2.yr), for a reference area.
[[nodiscard]] std::uint8_t energy_class(const ThermalParams& params, double cep_kwh_m2,
                                        double reference_area_m2) noexcept;
/// DPE climate class (0..6) of an emission, kgCO2e/(m2.yr), for a reference area.
[[nodiscard]] std::uint8_t climate_class(const ThermalParams& params, double eges_kg_m2,
                                         double reference_area_m2) noexcept;
/// The DPE label: the worse of the energy and climate classes.
[[nodiscard]] std::uint8_t dpe_label(const ThermalParams& params, double cep_kwh_m2, double eges_kg_m2,
                                     double reference_area_m2) noexcept;

}  // namespace coron
