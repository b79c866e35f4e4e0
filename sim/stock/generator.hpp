#pragma once
#include "coron/error.hpp"
#include "coron/stock.hpp"
#include "coron/vocabulary.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// The synthetic stock of the Nord-Pas-de-Calais mining basin: 543 cités and
// 70,000 dwellings calibrated to the facts of the 2017 mission report
// (shared/reference/bassin-minier-facts.md). Every number comes from
// data/stock/ (generator.yaml, communes.csv, cites-named-2017.csv), where each
// one names its source or the fact it is calibrated against.
//
// Every random draw is keyed by (seed, cité or dwelling id, stream, k), never by
// the order in which the stock is built: the same seed gives a bitwise identical
// stock, and the exact totals (cités, dwellings, owners) hold for any seed.

namespace coron::stock {

/// A closed interval a value is drawn from, uniformly.
struct Range {
  double min = 0.0;
  double max = 0.0;
};

/// A commune of the basin and its intercommunal authority (communes.csv).
struct Commune {
  std::string name;
  std::string epci;
};

/// A cité the 2017 report names (cites-named-2017.csv).
struct NamedCite {
  std::string name;
  std::string communes;  ///< ';'-separated
  CiteCategory category = CiteCategory::unnamed;
};

/// One of the miners' housing forms: its period, geometry and original envelope.
struct ArchetypeParameters {
  double cite_share = 0.0;  ///< probability that a cité is of this form
  std::int32_t year_built_min = 1900;
  std::int32_t year_built_max = 1900;
  Range floor_area_m2;
  Range ceiling_height_m;
  double wall_area_per_floor_m2 = 0.0;  ///< opaque wall per m2 of floor (TABULA ratios)
  double roof_area_per_floor_m2 = 0.0;
  double ground_floor_area_per_floor_m2 = 0.0;
  double window_area_per_floor_m2 = 0.0;
  double door_area_m2 = 0.0;
  double window_front_back_share = 1.0;   ///< glazing on the front and back facades, the rest on the sides
  double orientation_jitter_deg = 0.0;    ///< spread of each house's azimuth around its cité's
  double thermal_bridge_w_per_m2k = 0.0;  ///< TABULA Delta U_TB, per m2 of envelope
  Range u_wall_w_per_m2k, u_roof_w_per_m2k, u_floor_w_per_m2k, u_window_w_per_m2k, u_door_w_per_m2k;
  double b_roof = 1.0;
  double b_floor = 1.0;
  double g_window = 0.0;
  Inertia inertia = Inertia::heavy;
  double unfit_relative_risk = 1.0;
  std::array<double, 3> prior_works_share{};  ///< none, partial, thorough
};

/// Earlier programmes' works on one element: how likely, and the U it left.
struct PriorMeasure {
  double probability = 0.0;
  Range u_w_per_m2k;
};

enum class PriorWorks : std::uint8_t { none = 0, partial = 1, thorough = 2 };
inline constexpr std::array<std::string_view, 3> prior_works_names = {"none", "partial", "thorough"};

/// A level of prior renovation (1970s-2000s rehabilitations) and the systems found with it.
struct PriorWorksParameters {
  PriorMeasure walls, roof, floor, windows, doors;
  Range g_window;  ///< solar factor of replaced glazing
  Inertia inertia_if_walls_lined = Inertia::medium;
  std::array<double, heating_system_count> heating_share{};
  std::array<double, ventilation_count> ventilation_share{};
};

/// A discrete distribution over 1..N persons (index 0 = 1 person).
using SizeShares = std::vector<double>;

struct HouseholdParameters {
  std::int32_t stock_year = 2018;  ///< the stock describes 1 January of this year
  double vacancy_share = 0.02;
  /// Spouse age = head age -/+ gap (the man older): uniform gap of this mean and sd, years.
  double spouse_age_gap_mean = 2.0;
  double spouse_age_gap_sd = 4.0;
  double rights_holder_share = 0.30;  ///< of occupied dwellings
  // rights holders ("ayants droit"): truncated normal head age, mostly widows
  double rights_holder_age_mean = 79.0;
  double rights_holder_age_sd = 6.5;
  std::int32_t rights_holder_age_min = 60;
  std::int32_t rights_holder_age_max = 100;
  SizeShares rights_holder_size_share;
  double rights_holder_single_woman_share = 0.9;  ///< head of a one-person household
  double rights_holder_couple_woman_share = 0.1;  ///< head of a two-person household
  double rights_holder_income_median_eur = 15000.0;
  double rights_holder_income_sigma = 0.25;
  std::vector<double> rights_holder_spouse_share_by_size;  ///< index 0 = 1 person
  std::int32_t rights_holder_entered_before = 1990;        ///< last year of entry
  std::int32_t rights_holder_entry_age_min = 20;           ///< entered at this age or later
  // other tenants: age by bands, sizes, lognormal income per consumption unit
  std::vector<std::int32_t> tenant_age_band_lower;  ///< first age of each band
  std::vector<std::int32_t> tenant_age_band_upper;  ///< last age of each band
  std::vector<double> tenant_age_band_share;
  SizeShares tenant_size_share;
  double tenant_woman_share = 0.5;
  double tenant_income_median_eur = 16800.0;
  double tenant_poverty_threshold_eur = 14600.0;
  double tenant_poor_share = 0.34;
  double tenant_income_sigma = 0.0;                 ///< derived: ln(median / threshold) / -Phi^-1(poor share)
  std::vector<double> tenant_spouse_share_by_size;  ///< index 0 = 1 person
  /// Completed years in the dwelling on 1 January, by bands (uniform within a band).
  std::vector<std::int32_t> tenant_tenure_lower;
  std::vector<std::int32_t> tenant_tenure_upper;
  std::vector<double> tenant_tenure_share;
};

struct StockParameters {
  std::int32_t cite_count = 543;
  std::int32_t dwelling_count = 70000;
  std::int32_t priority_dwellings = 12000;    ///< in the 25 priority cités
  std::int32_t other_named_dwellings = 9000;  ///< in the other named cités
  std::int32_t priority_min_dwellings = 150;
  std::int32_t other_named_min_dwellings = 60;
  std::int32_t unnamed_min_dwellings = 12;
  double cite_size_sigma = 0.5;  ///< lognormal spread of cité sizes within a group

  std::int32_t sia_habitat_dwellings = 7300;
  std::int32_t other_landlord_dwellings = 700;
  std::vector<std::string> sia_habitat_epcis;  ///< where SIA Habitat's cités are looked for first

  double unesco_share = 0.38;  ///< of Maisons et Cités dwellings
  std::array<double, 5> unesco_category_weight{};
  double qpv_share = 0.40;
  std::array<double, 5> qpv_category_weight{};
  double unfit_share = 4000.0 / 62000.0;  ///< mean probability, before the archetypes' relative risks

  std::array<ArchetypeParameters, archetype_names.size()> archetypes{};
  std::array<PriorWorksParameters, prior_works_names.size()> prior_works{};
  /// 3CL Q4Pa,conv by period and state (thermal-reference.md §4.3).
  double q4pa_pre1948_original = 3.3;
  double q4pa_pre1948_joinery = 2.5;
  double q4pa_pre1948_insulated = 2.0;
  double q4pa_1948_1974 = 2.2;
  std::array<std::array<double, dhw_system_count>, heating_system_count> dhw_share_given_heating{};

  HouseholdParameters households;
  std::vector<Commune> communes;
  std::vector<NamedCite> named_cites;
};

/// Reads data_dir/stock/{generator.yaml, communes.csv, cites-named-2017.csv}. Every
/// problem goes into `diag` (the caller throws); the result is only usable if none.
StockParameters load_stock_parameters(const std::filesystem::path& data_dir, Diagnostics& diag);

/// Builds the stock for `seed`. Pure function of its arguments; about 20 ms for 70,000 dwellings.
[[nodiscard]] Stock generate_stock(const StockParameters& params, std::uint64_t seed);

/// The prior works level drawn for every dwelling of generate_stock(params, seed) (for checks and
/// reports; the stock itself records only the resulting envelope and systems).
[[nodiscard]] std::vector<std::uint8_t> prior_works_levels(const StockParameters& params, std::uint64_t seed);

}  // namespace coron::stock
