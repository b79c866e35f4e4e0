#include "reference_funding.hpp"

#include <cmath>

namespace coron::reference {
namespace {

// The step in force in `year`: the last one starting at or before it, else the first.
double step_value(const std::vector<YearStep>& steps, int year) {
  if (steps.empty()) return 0.0;
  double v = steps[0].value;
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i].from_year <= year) v = steps[i].value;
  return v;
}

template <class T>
bool listed(const std::vector<T>& list, T value) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i] == value) return true;
  return false;
}

}  // namespace

bool funder_eligible(const Funder& funder, const WorksToFund& works) {
  if (funder.cite_categories.size() > 0 && !listed(funder.cite_categories, works.cite_category)) return false;
  if (funder.cite_ids.size() > 0 && !listed(funder.cite_ids, works.cite_id)) return false;
  if (funder.qpv_only && !works.qpv) return false;
  if (funder.owners.size() > 0 && !listed(funder.owners, works.owner)) return false;
  if (works.label_before < funder.label_before_min) return false;
  if (works.primary_before_kwh_m2 < funder.primary_energy_before_min_kwh_m2) return false;
  double saving = 0.0;
  if (works.primary_before_kwh_m2 > 0.0)
    saving = (works.primary_before_kwh_m2 - works.primary_after_kwh_m2) / works.primary_before_kwh_m2;
  if (saving < funder.primary_saving_min) return false;
  if (works.label_after > funder.label_after_max) return false;
  return true;
}

Ledger::Ledger(const FundingParams& p) : params(&p), money(p.funders.size(), 0.0) {}

void Ledger::begin_year(int year) {
  const bool consecutive = opened && opened_year + 1 == year;
  for (std::size_t f = 0; f < money.size(); ++f) {
    const Funder& funder = params->funders[f];
    double fresh = 0.0;
    if (year >= funder.first_year && year <= funder.last_year) {
      fresh = step_value(funder.envelope_eur_per_yr, year);
      if (fresh < 0.0) fresh = 0.0;
    }
    double kept = 0.0;
    if (funder.carry_over && consecutive && year >= funder.first_year && year <= funder.last_year)
      kept = money[f];
    money[f] = fresh + kept;
  }
  opened = true;
  opened_year = year;
}

Split Ledger::fund(const WorksToFund& works) {
  const std::size_t n = money.size();
  Split split;
  split.grant_eur.assign(n, 0.0);
  split.loan_eur.assign(n, 0.0);
  double paid = 0.0;
  for (std::size_t f = 0; f < n; ++f) {
    const Funder& funder = params->funders[f];
    if (!funder_eligible(funder, works)) continue;
    double amount = funder.max_share * works.cost_eur;
    if (funder.max_eur_per_dwelling < amount) amount = funder.max_eur_per_dwelling;
    if (funder.eur_per_kwh_saved > 0.0 && funder.eur_per_kwh_saved * works.final_saving_kwh < amount)
      amount = funder.eur_per_kwh_saved * works.final_saving_kwh;
    if (money[f] < amount) amount = money[f];
    if (works.cost_eur - paid < amount) amount = works.cost_eur - paid;
    amount = std::floor(amount);  // whole euros
    if (amount < 0.0) amount = 0.0;
    money[f] = money[f] - amount;
    paid = paid + amount;
    if (funder.kind == FunderKind::grant)
      split.grant_eur[f] = amount;
    else
      split.loan_eur[f] = amount;
  }
  split.landlord_eur = works.cost_eur - paid;
  return split;
}

}  // namespace coron::reference
