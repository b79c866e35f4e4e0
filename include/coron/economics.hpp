#pragma once
#include "coron/scenario.hpp"
#include "coron/thermal.hpp"
#include "coron/vocabulary.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// Actual energy use, bills, rent and fuel poverty of each household, per year
// (docs/model-economics.md). Conventional 3CL energy by use (the thermal outputs)
// becomes actual use through the Res-IRF heating intensity and the household's own
// size; bills price it per carrier with the subscriptions; the effort rate and the
// ONPE indicators follow. Pure functions over columns: no files, no threads, no
// allocation, no randomness. Numbers come from data/economics/*.yaml (loaded by sim/io).

namespace coron {

/// Price of one energy carrier, euros incl. taxes of the year quoted.
struct CarrierPrices {
  std::vector<YearStep> eur_per_kwh;              ///< variable price, step function of the year
  std::vector<YearStep> subscription_eur_per_yr;  ///< fixed part, paid once by a dwelling using the carrier
  double trend_per_yr = 0.0;  ///< growth of both after the last step's year (fraction per year)
};

/// Every parameter of the economics model (data/economics/*.yaml, each with its source).
struct EconomicsParams {
  std::array<CarrierPrices, carrier_count> prices{};
  /// Heating intensity HI = coefficient . s^exponent, s = conventional heating bill /
  /// household income (Res-IRF 4 `heat_intensity`, method 'v4').
  double intensity_coefficient = 0.3564;
  double intensity_exponent = -0.244;
  /// Actual hot water per person, litres at 40 degC a day (3CL uses 56 per adequate occupant).
  double dhw_litres_per_person_day = 56.0;
  /// Rent of an ordinary tenant, EUR per m2 of living area and month; rights holders pay none.
  std::vector<YearStep> rent_eur_per_m2_month;
  /// OECD-modified consumption units: the first person, and each other person.
  double cu_first_person = 1.0;
  double cu_other_person = 0.5;
  /// Incomes and the national thresholds below are in euros of income_base_year and grow
  /// by income_growth_per_yr from then on (before it, they shrink the same way).
  int income_base_year = 2022;
  double income_growth_per_yr = 0.0;
  /// TEE_3D: effort rate above this, with income per CU below the national 3rd decile.
  double effort_rate_threshold = 0.08;
  double decile3_income_per_cu_eur = 0.0;
  /// BRDE per m2 (ONPE "bas revenus, dépenses élevées"): income per CU after rent below the
  /// poverty line, and energy spending per m2 above the national median.
  double poverty_line_per_cu_eur = 0.0;
  double median_energy_spending_eur_per_m2 = 0.0;
};

/// The value of a step function in `year`: the last step whose from_year <= year (the
/// first step's value before it; 0 when empty).
[[nodiscard]] double year_step_value(const std::vector<YearStep>& steps, int year) noexcept;

/// What does not vary by dwelling in one year, folded once: prices by system, the
/// subscriptions of each (heating, hot-water) pair, the indexed thresholds.
struct EconomicsYear {
  std::array<double, heating_system_count> heating_eur_per_kwh{};
  std::array<double, dhw_system_count> dhw_eur_per_kwh{};
  double electricity_eur_per_kwh = 0.0;
  /// Sum of the subscriptions of {heating carrier, hot-water carrier, electricity}, each once.
  std::array<std::array<double, dhw_system_count>, heating_system_count> subscriptions_eur{};
  /// A second heating generator's subscription, by (backup, main heating, hot water): its
  /// carrier's when none of those three carriers is it, else 0.
  std::array<std::array<std::array<double, dhw_system_count>, heating_system_count>, heating_system_count>
      backup_subscription_eur{};
  double intensity_coefficient = 0.0, intensity_exponent = 0.0;
  /// Actual over conventional hot water per person (per adequate occupant in 3CL).
  double dhw_use_ratio = 1.0;
  double rent_eur_per_m2_yr = 0.0;
  double income_index = 1.0;  ///< (1 + growth)^(year - base year)
  double cu_first_person = 1.0, cu_other_person = 0.5;
  double effort_rate_threshold = 0.08;
  double decile3_income_per_cu_eur = 0.0;          ///< indexed
  double poverty_line_per_cu_eur = 0.0;            ///< indexed
  double median_energy_spending_eur_per_m2 = 0.0;  ///< indexed
};

/// The year's constants from the parameters (carriers of each system from `thermal`).
[[nodiscard]] EconomicsYear economics_year(const EconomicsParams& params, const ThermalParams& thermal,
                                           int year) noexcept;

/// The columns the model reads (spans of equal length).
struct EconomicsInputs {
  std::span<const double> floor_area_m2;
  std::span<const std::uint8_t> heating_system, dhw_system;
  std::span<const std::uint8_t> occupied, rights_holder, household_size;
  std::span<const double> income_per_cu_eur;
  std::span<const double> heating_final_kwh, dhw_final_kwh, electricity_other_kwh;  ///< conventional, by use
  /// The second heating generator's part of heating_final_kwh, and its system.
  std::span<const double> heating_backup_final_kwh;
  std::span<const std::uint8_t> heating_backup_system;

  [[nodiscard]] std::size_t size() const noexcept { return floor_area_m2.size(); }
};

/// The columns the model writes.
struct EconomicsOutputs {
  std::span<double> actual_final_energy_kwh;
  std::span<double> energy_bill_eur;
  std::span<double> rent_eur;
  std::span<double> energy_effort_rate;
  std::span<std::uint8_t> fuel_poor;
  std::span<std::uint8_t> fuel_poor_lihc;
};

/// One occupied dwelling's row of what prices its household's energy: a row of
/// EconomicsInputs, or the same dwelling as a package of works would leave it.
struct HouseholdEnergy {
  double floor_area_m2 = 0.0;
  std::uint8_t heating_system = 0, dhw_system = 0, household_size = 0;
  double income_per_cu_eur = 0.0;
  double heating_final_kwh = 0.0, dhw_final_kwh = 0.0, electricity_other_kwh = 0.0;  ///< conventional, by use
  /// The second heating generator's part of heating_final_kwh, priced in its own carrier.
  std::uint8_t heating_backup_system = 0;
  double heating_backup_final_kwh = 0.0;
};

/// What that household uses and pays in one year, and what it earns.
struct HouseholdBill {
  double consumption_units = 1.0;
  double income_eur = 0.0;               ///< income per CU x consumption units
  double actual_final_energy_kwh = 0.0;  ///< heating with its intensity, hot water for its size, the rest
  double bill_eur = 0.0;                 ///< priced per carrier, with the subscriptions
  double effort_rate = 0.0;              ///< bill / income
};

/// The bill of one occupied dwelling (docs/model-economics.md): the one formula both
/// evaluate_economics and whoever asks "what if the dwelling were renovated" use.
[[nodiscard]] HouseholdBill household_bill(const HouseholdEnergy& household,
                                           const EconomicsYear& year) noexcept;

/// TEE_3D, the fuel-poverty flag of the state: effort rate above the threshold, income per
/// CU below the indexed national 3rd decile.
[[nodiscard]] inline bool fuel_poor_tee_3d(const HouseholdBill& bill, double income_per_cu_eur,
                                           const EconomicsYear& year) noexcept {
  return bill.effort_rate > year.effort_rate_threshold && income_per_cu_eur < year.decile3_income_per_cu_eur;
}

/// Household-years of dwellings [begin, end). Writes only those rows, so disjoint ranges
/// may run concurrently. No allocation.
void evaluate_economics(const EconomicsInputs& in, const EconomicsYear& year, const EconomicsOutputs& out,
                        std::size_t begin, std::size_t end) noexcept;

}  // namespace coron
