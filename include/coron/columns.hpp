#pragma once
#include "coron/column.hpp"
#include "coron/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

// The column registry: every per-dwelling column of the stock, of the state and of
// the results, written once here. Each list entry is
//     X(C++ type, name, unit, ColumnSpec, description)
// and expands into a member of Stock (coron/stock.hpp) or DwellingState
// (coron/state.hpp) and into one ColumnInfo of stock_columns() / state_columns().
// The stock CSV reader and writer, the HDF5 writer and reader, the state hash and
// the tests iterate over these lists (for_each_column), so a column is added here
// and nowhere else. The stock's list order is the CSV's column order.
//
// Adding a column to the stock CSV raises stock_csv_format and gives the column a
// `.since(format, ...)` rule, so that older files still load (docs/stock-csv.md).

namespace coron {

/// The stock CSV format this build writes. 1: until window_east_west_m2 was split;
/// 2: window_east_m2 and window_west_m2; 3: spouse_age, entry_year, vacant_years;
/// 4: climate_zone, altitude_class; 5: heating_generator_year, heating_nominal_power_kw;
/// 6: dwelling_type; 7: dhw_collective, dhw_storage_in_heated_volume; 8: heating_i0,
/// heating_emitter_efficiency; 9: heating_generation_efficiency, dhw_efficiency,
/// dhw_standing_loss_kwh, dhw_distribution_efficiency, dhw_storage_loss_kwh; 10:
/// heating_backup_system, heating_backup_share, heating_backup_generation_efficiency; 11:
/// heating_ghg_factor, dhw_ghg_factor; 12: heating_backup_i0, heating_backup_emitter_efficiency;
/// 13: window_south_sun_factor, window_east_sun_factor, window_west_sun_factor,
/// window_north_sun_factor; 14: heating_network_pressure_drop_kpa, heating_design_temperature_drop_k.
inline constexpr int stock_csv_format = 14;

// clang-format off
#define CORON_IDENTITY_COLUMNS(X)                                                                       \
  X(std::int64_t, dwelling_id, "1", ColumnSpec::integer(0, 9007199254740992.0, "a non-negative integer id below 2^53"), \
    "Stable dwelling identifier: random-number keys, output rows and tie-breaks use it.")               \
  X(std::int32_t, cite_id, "1", ColumnSpec::integer(0, 2147483647.0, "a cité row").not_in_csv(),        \
    "Row in /cites of the cité the dwelling belongs to (the CSV names the cité instead).")             \
  X(std::uint8_t, owner, "1", ColumnSpec::enumeration(owner_names),                                    \
    "Landlord owning the dwelling, as an index into the names attribute.")                             \
  X(std::uint8_t, archetype, "1", ColumnSpec::enumeration(archetype_names),                            \
    "Building form of the dwelling, as an index into the names attribute.")                            \
  X(std::int32_t, year_built, "year", ColumnSpec::integer(1700, 2100, "a year within [1700, 2100]"),     \
    "Year the dwelling was built.")                                                                     \
  X(std::uint8_t, heritage_unesco, "1", ColumnSpec::flag(),                                            \
    "1 if the dwelling lies inside the 2012 UNESCO World Heritage listing, else 0.")                    \
  X(std::uint8_t, qpv, "1", ColumnSpec::flag(),                                                        \
    "1 if the dwelling lies in a priority urban area (QPV), else 0.")                                  \
  X(std::uint8_t, structurally_unfit, "1", ColumnSpec::flag(),                                         \
    "1 if the dwelling is flagged structurally unfit, else 0.")

// What the 3CL kernel reads: the stock gives the state before any works.
#define CORON_THERMAL_COLUMNS(X)                                                                        \
  X(double, floor_area_m2, "m2", ColumnSpec::real(0, 10000, "a positive area in m2", true),             \
    "Living area S_h, also the reference area of the energy label.")                                   \
  X(double, ceiling_height_m, "m", ColumnSpec::real(1.5, 10, "a height in m within [1.5, 10]"),         \
    "Mean height under ceiling H_sp.")                                                                  \
  X(double, wall_area_m2, "m2", ColumnSpec::real(0, 10000, "a non-negative area in m2"),                \
    "Opaque walls to the outside, net of openings.")                                                    \
  X(double, u_wall_w_per_m2k, "W/(m2.K)", ColumnSpec::real(0, 10, "a U-value in W/m2K within (0, 10]", true), \
    "Thermal transmittance of the walls.")                                                              \
  X(double, roof_area_m2, "m2", ColumnSpec::real(0, 10000, "a non-negative area in m2"),                \
    "Top floor or roof area.")                                                                          \
  X(double, u_roof_w_per_m2k, "W/(m2.K)", ColumnSpec::real(0, 10, "a U-value in W/m2K within (0, 10]", true), \
    "Thermal transmittance of the top floor or roof.")                                                  \
  X(double, b_roof, "1", ColumnSpec::real(0, 1, "a reduction factor within [0, 1]"),                    \
    "3CL reduction factor of the roof (below 1 under an unheated attic).")                             \
  X(double, ground_floor_area_m2, "m2", ColumnSpec::real(0, 10000, "a non-negative area in m2"),        \
    "Lowest floor area.")                                                                               \
  X(double, u_floor_w_per_m2k, "W/(m2.K)", ColumnSpec::real(0, 10, "a U-value in W/m2K within (0, 10]", true), \
    "Thermal transmittance of the lowest floor.")                                                       \
  X(double, b_floor, "1", ColumnSpec::real(0, 1, "a reduction factor within [0, 1]"),                   \
    "3CL reduction factor of the lowest floor (cellar, crawl space, ground).")                         \
  X(double, window_south_m2, "m2", ColumnSpec::real(0, 10000, "a non-negative area in m2"),             \
    "Glazed openings facing south (azimuth 135-225 degrees).")                                                                    \
  X(double, window_east_m2, "m2", ColumnSpec::real(0, 10000, "a non-negative area in m2").since(2, "window_east_west_m2", 0.5), \
    "Glazed openings facing east (azimuth 45-135 degrees).")                                             \
  X(double, window_west_m2, "m2", ColumnSpec::real(0, 10000, "a non-negative area in m2").since(2, "window_east_west_m2", 0.5), \
    "Glazed openings facing west (azimuth 225-315 degrees).")                                            \
  X(double, window_north_m2, "m2", ColumnSpec::real(0, 10000, "a non-negative area in m2"),             \
    "Glazed openings facing north (azimuth 315-45 degrees).")                                                                    \
  X(double, u_window_w_per_m2k, "W/(m2.K)", ColumnSpec::real(0, 10, "a U-value in W/m2K within (0, 10]", true), \
    "Thermal transmittance of the windows.")                                                            \
  X(double, g_window, "1", ColumnSpec::real(0, 1, "a solar factor within [0, 1]"),                      \
    "Solar factor S_w of the glazing.")                                                                 \
  X(double, window_south_sun_factor, "1",                                                                 \
    ColumnSpec::real(0, 100, "a factor in [0, 100] (1: unshaded vertical glazing)").since(13, 1.0),       \
    "What the south glazing collects relative to unshaded vertical glazing of its area and g_window over the heating season: 3CL masks F_e, roof windows' C1, a veranda's gains (sections 6.2-6.3).") \
  X(double, window_east_sun_factor, "1",                                                                 \
    ColumnSpec::real(0, 100, "a factor in [0, 100] (1: unshaded vertical glazing)").since(13, 1.0),       \
    "What the east glazing collects relative to unshaded vertical glazing of its area and g_window over the heating season: 3CL masks F_e, roof windows' C1, a veranda's gains (sections 6.2-6.3).") \
  X(double, window_west_sun_factor, "1",                                                                 \
    ColumnSpec::real(0, 100, "a factor in [0, 100] (1: unshaded vertical glazing)").since(13, 1.0),       \
    "What the west glazing collects relative to unshaded vertical glazing of its area and g_window over the heating season: 3CL masks F_e, roof windows' C1, a veranda's gains (sections 6.2-6.3).") \
  X(double, window_north_sun_factor, "1",                                                                 \
    ColumnSpec::real(0, 100, "a factor in [0, 100] (1: unshaded vertical glazing)").since(13, 1.0),       \
    "What the north glazing collects relative to unshaded vertical glazing of its area and g_window over the heating season: 3CL masks F_e, roof windows' C1, a veranda's gains (sections 6.2-6.3).") \
  X(double, door_area_m2, "m2", ColumnSpec::real(0, 1000, "a non-negative area in m2"),                 \
    "Door area.")                                                                                       \
  X(double, u_door_w_per_m2k, "W/(m2.K)", ColumnSpec::real(0, 10, "a U-value in W/m2K within (0, 10]", true), \
    "Thermal transmittance of the doors.")                                                              \
  X(double, thermal_bridges_w_per_k, "W/K", ColumnSpec::real(0, 100000, "a non-negative heat loss in W/K"), \
    "Sum of psi.l over the thermal bridges.")                                                           \
  X(double, q4pa_conv_m3_per_h_m2, "m3/(h.m2)",                                                        \
    ColumnSpec::real(0, 50, "an air leakage in m3/(h.m2) within (0, 50]", true),                        \
    "3CL conventional air leakage at 4 Pa per m2 of envelope.")                                         \
  X(std::uint8_t, multiple_exposed_facades, "1", ColumnSpec::flag(),                                   \
    "1 if more than one facade is exposed, else 0.")                                                    \
  X(std::uint8_t, dwelling_type, "1", ColumnSpec::enumeration(dwelling_type_names).since(6, 0.0),      \
    "House or flat (3CL counts their occupants and fans differently), as an index into the names attribute.") \
  X(std::uint8_t, ventilation, "1", ColumnSpec::enumeration(ventilation_names),                        \
    "Ventilation system, as an index into the names attribute.")                                       \
  X(std::uint8_t, inertia, "1", ColumnSpec::enumeration(inertia_names),                                \
    "Thermal inertia class, as an index into the names attribute.")                                    \
  X(std::uint8_t, heating_system, "1", ColumnSpec::enumeration(heating_system_names),                  \
    "Heating system, as an index into the names attribute.")                                           \
  X(std::uint8_t, dhw_system, "1", ColumnSpec::enumeration(dhw_system_names),                          \
    "Hot-water system, as an index into the names attribute.")                                         \
  X(std::uint8_t, dhw_collective, "1", ColumnSpec::flag().since(7, 0.0),                               \
    "1 if the hot water comes from a collective installation (its loop loses more into the dwelling, 3CL Tau 0.212), else 0.") \
  X(std::uint8_t, dhw_storage_in_heated_volume, "1", ColumnSpec::flag().since(7, 1.0),                 \
    "1 if the hot-water generator and its tank stand inside the heated volume (their losses then warm the dwelling), else 0.") \
  X(std::uint8_t, climate_zone, "1", ColumnSpec::enumeration(climate_zone_names).since(4, 0.0),        \
    "3CL climate zone (h1a .. h3), as an index into the names attribute.")                             \
  X(std::uint8_t, altitude_class, "1", ColumnSpec::enumeration(altitude_class_names).since(4, 0.0),    \
    "3CL altitude class (below 400 m, 400-800 m, above 800 m), as an index into the names attribute.") \
  X(std::int16_t, heating_generator_year, "year",                                                       \
    ColumnSpec::integer(0, 2100, "a year within [0, 2100] (0: unknown)").since(5, 0.0),                 \
    "Year the heating generator was installed; a boiler's efficiency then follows the 3CL part-load method. 0: unknown, the class's fixed efficiency.") \
  X(double, heating_nominal_power_kw, "kW",                                                             \
    ColumnSpec::real(0, 10000, "a non-negative power in kW (0: sized by the method)").since(5, 0.0),    \
    "Nominal power Pn of the heating generator; 0: sized as the 3CL method does, 1.2 GV (19 - T_base) / 0.95^3.") \
  X(double, heating_i0, "1",                                                                            \
    ColumnSpec::real(0, 2, "a factor in [0, 2] (0: the heating system's)").since(8, 0.0),               \
    "I0 of the heating's intermittence (3CL section 8), from its emitters, control and programmer; 0: the heating system's, by inertia class.") \
  X(double, heating_emitter_efficiency, "1",                                                            \
    ColumnSpec::real(0, 1, "a factor in [0, 1] (0: the heating system's)").since(8, 0.0),               \
    "R_e R_d R_r of the heating's emitters, network and control (3CL section 9.1 tables); 0: the heating system's.") \
  X(double, heating_generation_efficiency, "1",                                                         \
    ColumnSpec::real(0, 10, "a factor in [0, 10] (0: the heating system's)").since(9, 0.0),             \
    "R_g of the heating generator as its certificate computed it at the dwelling's load (a boiler's part-load R_g, a heat pump's SCOP, 3CL sections 12-13); 0: the heating system's, or the method's from the generator year.") \
  X(std::uint8_t, heating_backup_system, "1",                                                           \
    ColumnSpec::enumeration(heating_system_names).since(10, 0.0),                                       \
    "Second heating generator (a backup or a relief generator, 3CL section 9.1.4), as an index into the names attribute; read only when heating_backup_share > 0.") \
  X(double, heating_backup_share, "1",                                                                  \
    ColumnSpec::real(0, 1, "a share in [0, 1] (0: no second generator)").since(10, 0.0),                \
    "Share of the heating need the second generator covers (3CL: 0.25 for a wood stove as backup, 0.2 for a boiler relieving a heat pump); the main generator covers the rest. 0: none.") \
  X(double, heating_backup_generation_efficiency, "1",                                                  \
    ColumnSpec::real(0, 10, "a factor in [0, 10] (0: the second generator's system's)").since(10, 0.0), \
    "R_g of the second heating generator (a SCOP for a heat pump), as its certificate computed it; 0: its heating system's.") \
  X(double, heating_backup_i0, "1",                                                                     \
    ColumnSpec::real(0, 2, "a factor in [0, 2] (0: the main generator's)").since(12, 0.0),               \
    "I0 of the intermittence of the second heating generator's own emitters (3CL sections 8 and 9.1.4: each generator heats its share through its emitters); 0: the main generator's.") \
  X(double, heating_backup_emitter_efficiency, "1",                                                     \
    ColumnSpec::real(0, 1, "a factor in [0, 1] (0: the main generator's)").since(12, 0.0),               \
    "R_e R_d R_r of the second heating generator's own emitters, network and control (3CL section 9.1 tables); 0: the main generator's.") \
  X(double, heating_network_pressure_drop_kpa, "kPa",                                                  \
    ColumnSpec::real(0, 1000, "a pressure drop in [0, 1000] kPa (0: the default network)").since(14, 0.0), \
    "Nominal pressure drop dP_nom = 0.15 L_em + dP_em of the heating's water network (3CL section 15.2.1: its emitters and its longest run over the heated levels), which with the flow at design load sizes the circulator; 0: the default network of data/thermal/systems.yaml for the dwelling's floor area.") \
  X(double, heating_design_temperature_drop_k, "K",                                                    \
    ColumnSpec::real(0, 50, "a temperature drop in [0, 50] K (0: the default network's)").since(14, 0.0), \
    "Design temperature drop dT_dim of the heating's water network (3CL section 15.2.1: 15 K for a high-temperature network, 7.5 K otherwise), which sets the flow the circulator moves at design load; 0: the default network's of data/thermal/systems.yaml.") \
  X(double, dhw_efficiency, "1",                                                                        \
    ColumnSpec::real(0, 20, "a factor in [0, 20] (0: the hot-water system's)").since(9, 0.0),           \
    "Hot-water generation and storage efficiency R_g R_s at the dwelling's need (a COP for a heat pump; a solar fraction F divides it by 1 - F), as a certificate computes it (3CL sections 11-14); 0: the hot-water system's generator.") \
  X(double, dhw_standing_loss_kwh, "kWh/yr",                                                            \
    ColumnSpec::real(0, 1e6, "a non-negative yearly loss in kWh").since(9, 0.0),                        \
    "Yearly loss the hot-water generation adds whatever the need, outside dhw_efficiency: an electric tank's Q_gw R_d (3CL section 14); read with dhw_efficiency only.") \
  X(double, dhw_distribution_efficiency, "1",                                                           \
    ColumnSpec::real(0, 1, "a factor in [0, 1] (0: the hot-water system's)").since(9, 0.0),             \
    "R_d of the hot-water distribution (3CL section 13); 0: the hot-water system's.")                   \
  X(double, dhw_storage_loss_kwh, "kWh/yr",                                                             \
    ColumnSpec::real(0, 1e6, "a non-negative yearly loss in kWh").since(9, 0.0),                        \
    "Yearly loss Q_gw of the dwelling's own hot-water tanks, part of which warms the dwelling (3CL section 9.1.1); read with dhw_efficiency only, the hot-water system's otherwise.") \
  X(double, heating_ghg_factor, "kg/kWh",                                                               \
    ColumnSpec::real(0, 2, "a factor in [0, 2] kg CO2e/kWh (0: the heating carrier's)").since(11, 0.0), \
    "GHG content of the main heating generator's final energy when it is the dwelling's own: a heat network's contenu CO2 ACV (DPE arrete, yearly list of networks), or the carrier a certificate's generator burns where the heating system burns another (an LPG boiler as a gas boiler); 0: its heating system's carrier's.") \
  X(double, dhw_ghg_factor, "kg/kWh",                                                                   \
    ColumnSpec::real(0, 2, "a factor in [0, 2] kg CO2e/kWh (0: the hot-water carrier's)").since(11, 0.0), \
    "GHG content of the hot water's final energy when it is the dwelling's own: a heat network's contenu CO2 ACV (DPE arrete, yearly list of networks), or the carrier a certificate's generator burns where the hot-water system burns another (an oil water heater as the gas boiler); 0: its hot-water system's carrier's.")

// Who lives there: the stock gives the household on 1 January of the first year.
#define CORON_HOUSEHOLD_COLUMNS(X)                                                                      \
  X(std::uint8_t, occupied, "1", ColumnSpec::flag(), "1 if a household lives in the dwelling, else 0.") \
  X(std::uint8_t, rights_holder, "1", ColumnSpec::flag(),                                              \
    "1 if the household holds the miners' free, non-transferable housing right, else 0.")              \
  X(std::int16_t, head_age, "year",                                                                     \
    ColumnSpec::integer(0, 120, "an age in years within [0, 120] (0 when vacant)"),                     \
    "Age of the head of household; 0 when vacant.")                                                     \
  X(std::uint8_t, head_sex, "1", ColumnSpec::integer(0, 1, "0 (man) or 1 (woman)"),                      \
    "Sex of the head of household: 0 man, 1 woman.")                                                    \
  X(std::uint8_t, household_size, "1",                                                                  \
    ColumnSpec::integer(0, 20, "a number of persons within [0, 20] (0 when vacant)"),                   \
    "Persons in the household; 0 when vacant.")                                                         \
  X(double, income_per_cu_eur, "EUR/yr", ColumnSpec::real(0, 1e7, "a non-negative income in EUR per consumption unit"), \
    "Yearly disposable income per OECD consumption unit.")                                            \
  X(std::int16_t, spouse_age, "year",                                                                   \
    ColumnSpec::integer(0, 120, "an age in years within [0, 120] (0: no spouse)").since(3, 0.0),        \
    "Age of the head's spouse or partner (of the other sex); 0 when there is none or when vacant.")    \
  X(std::int32_t, entry_year, "year",                                                                   \
    ColumnSpec::integer(0, 2100, "a year within [0, 2100] (0: unknown or vacant)").since(3, 0.0), \
    "Year the household moved in; 0 when vacant or unknown (then taken as a long tenure).")            \
  X(std::int16_t, vacant_years, "year",                                                                 \
    ColumnSpec::integer(0, 1000, "a number of years within [0, 1000] (0 when occupied)").since(3, 0.0), \
    "Year-ends the dwelling has stood vacant in a row; 0 when occupied.")

// What works did to the dwelling: the year of each component's last works (the
// component's state is its thermal columns), and the works of the current year,
// their cost and who paid. State only: a stock starts with none of them.
#define CORON_WORKS_COLUMNS(X)                                                                          \
  X(std::int16_t, wall_works_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),                \
    "Year the walls were last insulated; 0 when untouched since the stock's picture.")                 \
  X(std::int16_t, roof_works_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),                \
    "Year the roof or attic was last insulated; 0 when untouched.")                                    \
  X(std::int16_t, floor_works_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),               \
    "Year the lowest floor was last insulated; 0 when untouched.")                                     \
  X(std::int16_t, windows_works_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),             \
    "Year the windows were last replaced; 0 when untouched.")                                          \
  X(std::int16_t, ventilation_works_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),         \
    "Year the ventilation was last replaced; 0 when untouched.")                                       \
  X(std::int16_t, heating_works_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),             \
    "Year the heating system was last replaced; 0 when untouched.")                                    \
  X(std::int16_t, dhw_works_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),                 \
    "Year the hot-water system was last replaced; 0 when untouched.")                                  \
  X(std::int16_t, structure_works_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),           \
    "Year of heavy structural works or of the rebuilding; 0 when none.")                               \
  X(std::int16_t, renovated_year, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),                 \
    "Year the dwelling's last renovation started; 0 when never renovated in the run.")                 \
  X(std::int32_t, package, "1", ColumnSpec::integer(0, 2147483647.0, "").not_in_csv(),                  \
    "Measures of the last renovation, bit k set for measure k of the catalog (/works attribute measures); 0 when none.") \
  X(std::uint8_t, works_started, "1", ColumnSpec::flag().not_in_csv(),                                  \
    "1 if a renovation started in the dwelling this year, else 0.")                                    \
  X(std::uint8_t, in_works, "1", ColumnSpec::flag().not_in_csv(),                                       \
    "1 if the dwelling is under works this year (vacant, or its occupants rehoused), else 0.")         \
  X(std::uint8_t, target_missed, "1", ColumnSpec::flag().not_in_csv(),                                  \
    "1 if this year's works could not reach the package's target with the allowed measures, else 0.") \
  X(double, works_cost_eur, "EUR", ColumnSpec::real(0, 1e12, "").not_in_csv(),                          \
    "Cost of the works started this year, outdoor spaces and rehousing included.")                     \
  X(double, grants_eur, "EUR", ColumnSpec::real(0, 1e12, "").not_in_csv(),                              \
    "Grants received for the works started this year (all funders).")                                 \
  X(double, loans_eur, "EUR", ColumnSpec::real(0, 1e12, "").not_in_csv(),                               \
    "Loans taken by the landlord for the works started this year (all lenders).")                      \
  X(double, landlord_eur, "EUR", ColumnSpec::real(0, 1e12, "").not_in_csv(),                            \
    "The landlord's own money in the works started this year: cost less grants and loans.")            \
  X(double, tenant_contribution_eur, "EUR/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),               \
    "Tenant's contribution after works paid this year (third line of the rent receipt); 0 when none.") \
  X(std::int16_t, contribution_until, "year", ColumnSpec::integer(0, 3000, "").not_in_csv(),            \
    "Last year the tenant's contribution after works is due; 0 when none.")                            \
  X(std::uint8_t, banned_from_letting, "1", ColumnSpec::flag().not_in_csv(),                            \
    "1 if the dwelling's label forbids a new lease this year (rental bans), else 0.")                  \
  X(std::uint8_t, letting_blocked, "1", ColumnSpec::flag().not_in_csv(),                                \
    "1 if the dwelling may not take a new lease this year (a rental ban, or works), else 0.")

// Computed every year by the steps; what /dwelling records.
#define CORON_OUTPUT_COLUMNS(X)                                                                         \
  X(double, heating_need_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),                      \
    "Space-heating need of the dwelling over the year (3CL method).")                                  \
  X(double, final_energy_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),                      \
    "Final energy consumed by the dwelling over the year.")                                            \
  X(double, heating_final_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),                     \
    "Conventional final energy of space heating, in the carrier of the heating system (3CL).")         \
  X(double, heating_backup_final_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),              \
    "Part of heating_final_kwh the second heating generator consumes, in its own carrier; 0 without one.") \
  X(double, dhw_final_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),                         \
    "Conventional final energy of hot water, in the carrier of the hot-water system (3CL).")           \
  X(double, electricity_other_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),                 \
    "Conventional electricity of lighting and auxiliaries (3CL); with heating and hot water, the final energy.") \
  X(double, primary_energy_kwh_m2, "kWh/(m2.yr)", ColumnSpec::real(0, 1e6, "").not_in_csv(),            \
    "Primary energy use per m2 of floor area over the year, as rated by the DPE.")                     \
  X(double, ghg_kg_m2, "kgCO2e/(m2.yr)", ColumnSpec::real(0, 1e6, "").not_in_csv(),                     \
    "Greenhouse-gas emissions per m2 of floor area over the year.")                                    \
  X(std::uint8_t, label, "1", ColumnSpec::enumeration(label_names).not_in_csv(),                       \
    "DPE energy label, 0 = A ... 6 = G (names attribute).")                                            \
  X(std::uint8_t, moved_in, "1", ColumnSpec::flag().not_in_csv(),                                       \
    "1 if a new household moved into the dwelling this year, else 0.")                                 \
  X(std::uint8_t, died, "1", ColumnSpec::flag().not_in_csv(),                                           \
    "1 if the head of household died this year (the spouse, if alive, carries on), else 0.")           \
  X(std::uint8_t, moved_out, "1", ColumnSpec::flag().not_in_csv(),                                      \
    "1 if the household left this year (moved away or into a care home), else 0.") \
  X(double, actual_final_energy_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),               \
    "Final energy the household actually uses: heating by the Res-IRF intensity, hot water by its size; 0 when vacant.") \
  X(double, energy_bill_eur, "EUR/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),                       \
    "Energy bill of the household, subscriptions included; 0 when vacant.")                            \
  X(double, rent_eur, "EUR/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),                              \
    "Rent paid over the year: none for rights holders, 0 when vacant.")                                \
  X(double, energy_effort_rate, "1", ColumnSpec::real(0, 1e9, "").not_in_csv(),                         \
    "Energy bill over the household's disposable income; 0 when vacant.")                              \
  X(std::uint8_t, fuel_poor, "1", ColumnSpec::flag().not_in_csv(),                                     \
    "1 if the effort rate exceeds 8 % and income per CU is in the three lowest national deciles (ONPE TEE_3D).") \
  X(std::uint8_t, fuel_poor_lihc, "1", ColumnSpec::flag().not_in_csv(),                                \
    "1 if low income after rent and energy spending per m2 above the national median (ONPE BRDE per m2).") \
  X(double, heating_need_hourly_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),               \
    "Space-heating need over the weather year by the hourly 5R1C model (scenario thermal.model hourly); 0 otherwise.") \
  X(double, cooling_need_hourly_kwh, "kWh/yr", ColumnSpec::real(0, 1e9, "").not_in_csv(),               \
    "Ideal cooling need to the cooling set-point by the hourly 5R1C model; 0 with the monthly model.") \
  X(double, peak_heating_w, "W", ColumnSpec::real(0, 1e9, "").not_in_csv(),                             \
    "Highest hourly heating power of the year by the hourly 5R1C model; 0 with the monthly model.")   \
  X(std::int16_t, hours_above_28, "h", ColumnSpec::integer(0, 8784, "").not_in_csv(),                    \
    "Hours of the year the air would be above 28 degC without cooling (hourly 5R1C model); 0 with the monthly model.")
// clang-format on

namespace detail {
#define CORON_IDENTITY_INFO(T, name, unit, spec, text) \
  ColumnInfo{#name, column_type_of<T>(), unit, spec, text, ColumnGroup::identity},
#define CORON_THERMAL_INFO(T, name, unit, spec, text) \
  ColumnInfo{#name, column_type_of<T>(), unit, spec, text, ColumnGroup::thermal},
#define CORON_HOUSEHOLD_INFO(T, name, unit, spec, text) \
  ColumnInfo{#name, column_type_of<T>(), unit, spec, text, ColumnGroup::household},
#define CORON_WORKS_INFO(T, name, unit, spec, text) \
  ColumnInfo{#name, column_type_of<T>(), unit, spec, text, ColumnGroup::works},
#define CORON_OUTPUT_INFO(T, name, unit, spec, text) \
  ColumnInfo{#name, column_type_of<T>(), unit, spec, text, ColumnGroup::output},

inline constexpr ColumnInfo stock_column_infos[] = {CORON_IDENTITY_COLUMNS(CORON_IDENTITY_INFO)
                                                        CORON_THERMAL_COLUMNS(CORON_THERMAL_INFO)
                                                            CORON_HOUSEHOLD_COLUMNS(CORON_HOUSEHOLD_INFO)};
inline constexpr ColumnInfo state_column_infos[] = {CORON_THERMAL_COLUMNS(CORON_THERMAL_INFO)
                                                        CORON_HOUSEHOLD_COLUMNS(CORON_HOUSEHOLD_INFO)
                                                            CORON_WORKS_COLUMNS(CORON_WORKS_INFO)
                                                                CORON_OUTPUT_COLUMNS(CORON_OUTPUT_INFO)};
#undef CORON_IDENTITY_INFO
#undef CORON_THERMAL_INFO
#undef CORON_HOUSEHOLD_INFO
#undef CORON_WORKS_INFO
#undef CORON_OUTPUT_INFO
}  // namespace detail

/// Every column of the stock, in the stock CSV's order.
[[nodiscard]] constexpr std::span<const ColumnInfo> stock_columns() noexcept {
  return detail::stock_column_infos;
}
/// Every column of a replicate's state: thermal, household, works, then outputs.
[[nodiscard]] constexpr std::span<const ColumnInfo> state_columns() noexcept {
  return detail::state_column_infos;
}

/// The column of `columns` named `name`, or nullptr.
[[nodiscard]] constexpr const ColumnInfo* find_column(std::span<const ColumnInfo> columns,
                                                      std::string_view name) noexcept {
  for (const ColumnInfo& c : columns)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace coron
