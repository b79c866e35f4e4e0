#include "coron/economics.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>

// One household-year: conventional energy by use -> actual use -> bill, rent, effort rate and
// the two fuel-poverty flags. Equations and sources: docs/model-economics.md.

namespace coron {
namespace {

/// 3CL adequate occupants of a house (thermal-reference.md §4.3): the number of persons the
/// conventional hot-water need assumes, which actual use replaces by the household's size.
double adequate_occupants(double floor_area_m2) noexcept {
  const double n_max = floor_area_m2 < 30.0   ? 1.0
                       : floor_area_m2 < 70.0 ? 1.75 - 0.01875 * (70.0 - floor_area_m2)
                                              : 0.025 * floor_area_m2;
  return n_max < 1.75 ? n_max : 1.75 + 0.3 * (n_max - 1.75);
}

/// The price or subscription of `prices` in `year`, grown by its trend after the last step.
double trended(const std::vector<YearStep>& steps, double trend, int year) noexcept {
  const double value = year_step_value(steps, year);
  if (steps.empty() || year <= steps.back().from_year) return value;
  return value * std::pow(1.0 + trend, year - steps.back().from_year);
}

}  // namespace

double year_step_value(const std::vector<YearStep>& steps, int year) noexcept {
  double value = steps.empty() ? 0.0 : steps.front().value;
  for (const YearStep& s : steps)
    if (s.from_year <= year) value = s.value;
  return value;
}

EconomicsYear economics_year(const EconomicsParams& p, const ThermalParams& thermal, int year) noexcept {
  EconomicsYear y;
  std::array<double, carrier_count> price{}, subscription{};
  for (std::size_t c = 0; c < carrier_count; ++c) {
    price[c] = trended(p.prices[c].eur_per_kwh, p.prices[c].trend_per_yr, year);
    subscription[c] = trended(p.prices[c].subscription_eur_per_yr, p.prices[c].trend_per_yr, year);
  }
  const auto electricity = static_cast<std::size_t>(Carrier::electricity);
  y.electricity_eur_per_kwh = price[electricity];
  for (std::size_t h = 0; h < heating_system_count; ++h)
    y.heating_eur_per_kwh[h] = price[static_cast<std::size_t>(thermal.heating[h].carrier)];
  for (std::size_t w = 0; w < dhw_system_count; ++w)
    y.dhw_eur_per_kwh[w] = price[static_cast<std::size_t>(thermal.dhw[w].carrier)];
  for (std::size_t h = 0; h < heating_system_count; ++h)
    for (std::size_t w = 0; w < dhw_system_count; ++w) {
      const auto ch = static_cast<std::size_t>(thermal.heating[h].carrier);
      const auto cw = static_cast<std::size_t>(thermal.dhw[w].carrier);
      double sum = subscription[electricity];  // lighting: every dwelling has electricity
      if (ch != electricity) sum += subscription[ch];
      if (cw != electricity && cw != ch) sum += subscription[cw];
      y.subscriptions_eur[h][w] = sum;
      for (std::size_t b = 0; b < heating_system_count; ++b) {
        const auto cb = static_cast<std::size_t>(thermal.heating[b].carrier);
        y.backup_subscription_eur[b][h][w] =
            cb != electricity && cb != ch && cb != cw ? subscription[cb] : 0.0;
      }
    }
  y.intensity_coefficient = p.intensity_coefficient;
  y.intensity_exponent = p.intensity_exponent;
  y.dhw_use_ratio = p.dhw_litres_per_person_day / thermal.dhw_litres_per_occupant_day;
  y.rent_eur_per_m2_yr = 12.0 * year_step_value(p.rent_eur_per_m2_month, year);
  y.income_index = std::pow(1.0 + p.income_growth_per_yr, year - p.income_base_year);
  y.cu_first_person = p.cu_first_person;
  y.cu_other_person = p.cu_other_person;
  y.effort_rate_threshold = p.effort_rate_threshold;
  y.decile3_income_per_cu_eur = p.decile3_income_per_cu_eur * y.income_index;
  y.poverty_line_per_cu_eur = p.poverty_line_per_cu_eur * y.income_index;
  y.median_energy_spending_eur_per_m2 = p.median_energy_spending_eur_per_m2 * y.income_index;
  return y;
}

HouseholdBill household_bill(const HouseholdEnergy& in, const EconomicsYear& y) noexcept {
  HouseholdBill out;
  const double s_h = in.floor_area_m2;
  const std::size_t h = in.heating_system, w = in.dhw_system;
  const double persons = in.household_size > 0 ? static_cast<double>(in.household_size) : 1.0;
  out.consumption_units = y.cu_first_person + y.cu_other_person * (persons - 1.0);
  // The state's income is this year's: the demography step indexes it (and draws
  // entrants at this year's level). Indexing it again here would count growth twice.
  out.income_eur = in.income_per_cu_eur * out.consumption_units;

  // Heating: HI(s) with s the share of income the conventional heating bill would take, each
  // generator's part priced in its carrier; the second carrier's subscription is added below
  // when no other use already pays one.
  const double conventional_heating = in.heating_final_kwh;
  const double backup = in.heating_backup_final_kwh;
  const double conventional_heating_eur = backup > 0.0
                                              ? (conventional_heating - backup) * y.heating_eur_per_kwh[h] +
                                                    backup * y.heating_eur_per_kwh[in.heating_backup_system]
                                              : conventional_heating * y.heating_eur_per_kwh[h];
  const double heating_price =
      backup > 0.0 ? conventional_heating_eur / conventional_heating : y.heating_eur_per_kwh[h];
  const double share = conventional_heating_eur / out.income_eur;
  const double heating = conventional_heating > 0.0 ? conventional_heating * y.intensity_coefficient *
                                                          std::pow(share, y.intensity_exponent)
                                                    : 0.0;
  // Hot water: the conventional use scaled from N_adeq occupants to the household's persons.
  const double dhw = in.dhw_final_kwh * persons * y.dhw_use_ratio / adequate_occupants(s_h);
  const double other = in.electricity_other_kwh;

  out.actual_final_energy_kwh = heating + dhw + other;
  out.bill_eur = heating * heating_price + dhw * y.dhw_eur_per_kwh[w] + other * y.electricity_eur_per_kwh +
                 y.subscriptions_eur[h][w];
  if (backup > 0.0) out.bill_eur += y.backup_subscription_eur[in.heating_backup_system][h][w];
  out.effort_rate = out.bill_eur / out.income_eur;
  return out;
}

void evaluate_economics(const EconomicsInputs& in, const EconomicsYear& y, const EconomicsOutputs& out,
                        std::size_t begin, std::size_t end) noexcept {
  for (std::size_t i = begin; i < end; ++i) {
    if (in.occupied[i] == 0) {  // vacant: no use, no bill, no rent
      out.actual_final_energy_kwh[i] = 0.0;
      out.energy_bill_eur[i] = 0.0;
      out.rent_eur[i] = 0.0;
      out.energy_effort_rate[i] = 0.0;
      out.fuel_poor[i] = 0;
      out.fuel_poor_lihc[i] = 0;
      continue;
    }
    const HouseholdEnergy household{
        in.floor_area_m2[i],           in.heating_system[i],        in.dhw_system[i],
        in.household_size[i],          in.income_per_cu_eur[i],     in.heating_final_kwh[i],
        in.dhw_final_kwh[i],           in.electricity_other_kwh[i], in.heating_backup_system[i],
        in.heating_backup_final_kwh[i]};
    const HouseholdBill b = household_bill(household, y);
    const double s_h = household.floor_area_m2;
    const double rent = in.rights_holder[i] != 0 ? 0.0 : y.rent_eur_per_m2_yr * s_h;

    out.actual_final_energy_kwh[i] = b.actual_final_energy_kwh;
    out.energy_bill_eur[i] = b.bill_eur;
    out.rent_eur[i] = rent;
    out.energy_effort_rate[i] = b.effort_rate;
    out.fuel_poor[i] = static_cast<std::uint8_t>(fuel_poor_tee_3d(b, household.income_per_cu_eur, y));
    out.fuel_poor_lihc[i] =
        static_cast<std::uint8_t>((b.income_eur - rent) / b.consumption_units < y.poverty_line_per_cu_eur &&
                                  b.bill_eur / s_h > y.median_energy_spending_eur_per_m2);
  }
}

}  // namespace coron
