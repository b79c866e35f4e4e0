#include "coron/funding.hpp"

#include "coron/economics.hpp"
#include "coron/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>

// Who pays for one dwelling's works: funders in their listed order, each within its
// eligibility, its caps and what is left of its yearly envelope; the landlord pays the rest.
// Rules and sources: docs/model-funding.md.
//
// Whole euros. Every amount is rounded down to a whole euro. In binary floating point the
// landlord's part cost - covered, added back to covered, does not always give cost again
// (a halfway case rounds to even: of random pairs covered <= cost, 2.5 % missed by one unit
// in the last place). With whole-euro amounts every partial sum is an exact integer and cost - covered
// is exact (covered <= cost, both below 2^53), so grants + loans + landlord == cost to the
// last bit whatever the order of addition, and a funder's spending never exceeds its
// envelope by a rounding error. Sums of amounts over dwellings are exact too, so yearly
// totals do not depend on the order of blocks.

namespace coron {
namespace {

bool active(const Funder& funder, int year) noexcept {
  return funder.first_year <= year && year <= funder.last_year;
}

template <class T>
bool contains(const std::vector<T>& values, T value) noexcept {
  return std::find(values.begin(), values.end(), value) != values.end();
}

/// Relative primary energy saving, 0 when there was nothing to save (primary before <= 0).
double relative_primary_saving(const WorksToFund& works) noexcept {
  if (works.primary_before_kwh_m2 <= 0.0) return 0.0;
  return (works.primary_before_kwh_m2 - works.primary_after_kwh_m2) / works.primary_before_kwh_m2;
}

bool eligible(const Funder& funder, const WorksToFund& works) noexcept {
  if (!funder.cite_categories.empty() && !contains(funder.cite_categories, works.cite_category)) return false;
  if (!funder.cite_ids.empty() &&
      !std::binary_search(funder.cite_ids.begin(), funder.cite_ids.end(), works.cite_id))
    return false;
  if (funder.qpv_only && !works.qpv) return false;
  if (!funder.owners.empty() && !contains(funder.owners, works.owner)) return false;
  return works.label_before >= funder.label_before_min &&
         works.primary_before_kwh_m2 >= funder.primary_energy_before_min_kwh_m2 &&
         relative_primary_saving(works) >= funder.primary_saving_min &&
         works.label_after <= funder.label_after_max;
}

/// What an eligible funder gives, before rounding: the least of its caps, of its envelope
/// left and of the cost not yet covered.
double uncapped_amount(const Funder& funder, const WorksToFund& works, double left,
                       double not_covered) noexcept {
  double amount =
      std::min({funder.max_share * works.cost_eur, funder.max_eur_per_dwelling, left, not_covered});
  if (funder.eur_per_kwh_saved > 0.0)
    amount = std::min(amount, funder.eur_per_kwh_saved * works.final_saving_kwh);
  return amount;
}

}  // namespace

FundingLedger::FundingLedger(const FundingParams& params)
    : params_(&params), left_(params.funders.size(), 0.0) {}

// Before the first call, left_ is all zeros: a carry into the ledger's first year adds nothing.
void FundingLedger::begin_year(int year) {
  const bool follows = year_ == year - 1;
  for (std::size_t f = 0; f < left_.size(); ++f) {
    const Funder& funder = params_->funders[f];
    const double carried = funder.carry_over && follows ? left_[f] : 0.0;
    left_[f] = active(funder, year)
                   ? std::max(0.0, year_step_value(funder.envelope_eur_per_yr, year)) + carried
                   : 0.0;
  }
  year_ = year;
}

double FundingLedger::fund(const WorksToFund& works, std::span<double> grant_eur,
                           std::span<double> loan_eur) {
  const std::size_t n = left_.size();
  CORON_ASSERT(grant_eur.size() == n && loan_eur.size() == n);
  CORON_ASSERT(std::isfinite(works.cost_eur) && works.cost_eur >= 0.0);
  double covered = 0.0;  // whole euros, exact
  for (std::size_t f = 0; f < n; ++f) {
    const Funder& funder = params_->funders[f];
    double amount = 0.0;
    if (eligible(funder, works))
      amount = std::max(0.0, std::floor(uncapped_amount(funder, works, left_[f], works.cost_eur - covered)));
    left_[f] -= amount;
    covered += amount;
    grant_eur[f] = funder.kind == FunderKind::grant ? amount : 0.0;
    loan_eur[f] = funder.kind == FunderKind::loan ? amount : 0.0;
  }
  return works.cost_eur - covered;
}

double tenant_contribution_eur_per_yr(const TenantContribution& contribution, double bill_before_eur,
                                      double bill_after_eur) noexcept {
  if (!contribution.enabled) return 0.0;
  return std::max(0.0, contribution.saving_share * (bill_before_eur - bill_after_eur));
}

double loan_annuity_eur(double principal, double rate, int years) noexcept {
  if (years <= 0) return 0.0;
  if (rate == 0.0) return principal / years;
  return principal * rate / (1.0 - std::pow(1.0 + rate, -years));
}

}  // namespace coron
