#include "reference_economics.hpp"

#include <cmath>
#include <set>

namespace coron::reference {
namespace {

double at(const std::vector<YearStep>& steps, double trend, int year) {
  if (steps.empty()) return 0.0;
  double v = steps[0].value;
  int last = steps[0].from_year;
  for (const YearStep& s : steps) {
    if (year >= s.from_year) v = s.value;
    last = s.from_year;
  }
  if (year > last) v = v * std::pow(1.0 + trend, static_cast<double>(year - last));
  return v;
}

double price(const EconomicsParams& p, Carrier c, int year) {
  const CarrierPrices& cp = p.prices[static_cast<std::size_t>(c)];
  return at(cp.eur_per_kwh, cp.trend_per_yr, year);
}

double subscription(const EconomicsParams& p, Carrier c, int year) {
  const CarrierPrices& cp = p.prices[static_cast<std::size_t>(c)];
  return at(cp.subscription_eur_per_yr, cp.trend_per_yr, year);
}

double n_adeq(double s) {
  double n_max = 0.025 * s;
  if (s < 30.0)
    n_max = 1.0;
  else if (s < 70.0)
    n_max = 1.75 - 0.01875 * (70.0 - s);
  if (n_max >= 1.75) return 1.75 + 0.3 * (n_max - 1.75);
  return n_max;
}

}  // namespace

Economics household_year(const Household& h, const EconomicsParams& p, const ThermalParams& t, int year) {
  Economics e;
  if (!h.occupied) return e;
  const Carrier heat_carrier = t.heating[static_cast<std::size_t>(h.heating_system)].carrier;
  const Carrier dhw_carrier = t.dhw[static_cast<std::size_t>(h.dhw_system)].carrier;
  const double index = std::pow(1.0 + p.income_growth_per_yr, static_cast<double>(year - p.income_base_year));
  const double cu = p.cu_first_person + p.cu_other_person * (h.persons - 1);
  const double income = h.income_per_cu_eur * cu;  // the state's income is already this year's

  const Carrier backup_carrier = t.heating[static_cast<std::size_t>(h.backup_system)].carrier;
  // The conventional heating bill, each generator's kWh at its carrier's price.
  const double heating_eur = (h.heating_kwh - h.backup_kwh) * price(p, heat_carrier, year) +
                             h.backup_kwh * price(p, backup_carrier, year);
  const double s = heating_eur / income;
  const double intensity = p.intensity_coefficient * std::pow(s, p.intensity_exponent);
  e.actual_heating_kwh = h.heating_kwh > 0.0 ? h.heating_kwh * intensity : 0.0;
  const double litres_ratio = p.dhw_litres_per_person_day / t.dhw_litres_per_occupant_day;
  const double dhw = h.dhw_kwh / n_adeq(h.floor_area_m2) * h.persons * litres_ratio;
  e.actual_kwh = e.actual_heating_kwh + dhw + h.other_kwh;

  std::set<Carrier> used = {heat_carrier, dhw_carrier, Carrier::electricity};
  if (h.backup_kwh > 0.0) used.insert(backup_carrier);
  double subscriptions = 0.0;
  for (const Carrier c : used) subscriptions += subscription(p, c, year);
  const double heating_price = h.heating_kwh > 0.0 ? heating_eur / h.heating_kwh : 0.0;
  e.bill_eur = e.actual_heating_kwh * heating_price + dhw * price(p, dhw_carrier, year) +
               h.other_kwh * price(p, Carrier::electricity, year) + subscriptions;

  if (!h.rights_holder) {
    double rent_month = p.rent_eur_per_m2_month.empty() ? 0.0 : p.rent_eur_per_m2_month[0].value;
    for (const YearStep& r : p.rent_eur_per_m2_month)
      if (year >= r.from_year) rent_month = r.value;
    e.rent_eur = rent_month * 12.0 * h.floor_area_m2;
  }
  e.effort = e.bill_eur / income;
  e.fuel_poor =
      e.effort > p.effort_rate_threshold && h.income_per_cu_eur < p.decile3_income_per_cu_eur * index;
  e.lihc = (income - e.rent_eur) / cu < p.poverty_line_per_cu_eur * index &&
           e.bill_eur / h.floor_area_m2 > p.median_energy_spending_eur_per_m2 * index;
  return e;
}

}  // namespace coron::reference
