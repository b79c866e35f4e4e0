#include "policy/cite_facts.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

// Two passes: sums and counts go straight into the output columns in dwelling order, then
// each cité's sums become shares and means (primary energy goes in as kWh/yr). The output columns are the
// only memory, and the order of every floating-point sum is fixed by the dwellings' order.

namespace coron {
namespace {

void assert_sizes(const DwellingFactColumns& d) {
  const std::size_t n = d.cite_id.size();
  CORON_ASSERT(d.occupied.size() == n && d.income_per_cu_eur.size() == n && d.fuel_poor.size() == n);
  CORON_ASSERT(d.qpv.size() == n && d.label.size() == n && d.primary_energy_kwh_m2.size() == n);
  CORON_ASSERT(d.floor_area_m2.size() == n && d.heritage_unesco.size() == n);
  CORON_ASSERT(d.structurally_unfit.size() == n);
}

void assert_sizes(const CiteFactColumns& c) {
  const std::size_t n = c.dwellings.size();
  CORON_ASSERT(c.households.size() == n && c.floor_area_m2.size() == n);
  CORON_ASSERT(c.poor_share.size() == n && c.fuel_poor_share.size() == n);
  CORON_ASSERT(c.qpv_share.size() == n && c.label_mean.size() == n && c.label_worst.size() == n);
  CORON_ASSERT(c.primary_energy_kwh_m2.size() == n && c.heritage_share.size() == n);
  CORON_ASSERT(c.unfit_share.size() == n);
}

double ratio_or_zero(double count, double total) noexcept { return total > 0.0 ? count / total : 0.0; }

}  // namespace

void aggregate_cite_facts(const DwellingFactColumns& d, double poverty_line_per_cu_eur,
                          const CiteFactColumns& c) {
  assert_sizes(d);
  assert_sizes(c);
  CORON_ASSERT(std::isfinite(poverty_line_per_cu_eur));
  for (const std::span<double> column :
       {c.dwellings, c.households, c.floor_area_m2, c.poor_share, c.fuel_poor_share, c.qpv_share,
        c.label_mean, c.label_worst, c.primary_energy_kwh_m2, c.heritage_share, c.unfit_share})
    std::fill(column.begin(), column.end(), 0.0);

  const std::size_t cite_count = c.dwellings.size();
  for (std::size_t i = 0; i < d.cite_id.size(); ++i) {
    CORON_ASSERT(d.cite_id[i] >= 0 && static_cast<std::size_t>(d.cite_id[i]) < cite_count);
    CORON_ASSERT(std::isfinite(d.income_per_cu_eur[i]) && std::isfinite(d.primary_energy_kwh_m2[i]) &&
                 std::isfinite(d.floor_area_m2[i]));
    const auto k = static_cast<std::size_t>(d.cite_id[i]);
    const bool occupied = d.occupied[i] != 0;
    c.dwellings[k] += 1.0;
    c.households[k] += occupied ? 1.0 : 0.0;
    c.poor_share[k] += occupied && d.income_per_cu_eur[i] < poverty_line_per_cu_eur ? 1.0 : 0.0;
    c.fuel_poor_share[k] += occupied && d.fuel_poor[i] != 0 ? 1.0 : 0.0;
    c.qpv_share[k] += d.qpv[i] != 0 ? 1.0 : 0.0;
    c.label_mean[k] += static_cast<double>(d.label[i]);
    c.label_worst[k] = std::max(c.label_worst[k], static_cast<double>(d.label[i]));
    c.primary_energy_kwh_m2[k] += d.primary_energy_kwh_m2[i] * d.floor_area_m2[i];
    c.floor_area_m2[k] += d.floor_area_m2[i];
    c.heritage_share[k] += d.heritage_unesco[i] != 0 ? 1.0 : 0.0;
    c.unfit_share[k] += d.structurally_unfit[i] != 0 ? 1.0 : 0.0;
  }
  for (std::size_t k = 0; k < cite_count; ++k) {
    const double dwellings = c.dwellings[k], households = c.households[k];
    c.poor_share[k] = ratio_or_zero(c.poor_share[k], households);
    c.fuel_poor_share[k] = ratio_or_zero(c.fuel_poor_share[k], households);
    c.qpv_share[k] = ratio_or_zero(c.qpv_share[k], dwellings);
    c.label_mean[k] = ratio_or_zero(c.label_mean[k], dwellings);
    c.heritage_share[k] = ratio_or_zero(c.heritage_share[k], dwellings);
    c.unfit_share[k] = ratio_or_zero(c.unfit_share[k], dwellings);
    // Summed as kWh/yr, then over the cité's floor area: the cité's own kWh/(m2.yr), not a
    // mean of its dwellings' ratios in which a small flat would count as much as a house.
    c.primary_energy_kwh_m2[k] = ratio_or_zero(c.primary_energy_kwh_m2[k], c.floor_area_m2[k]);
  }
}

CandidateFacts cite_candidates(const CiteFactColumns& cites, CiteLabel label) noexcept {
  CandidateFacts f;
  f.poor_share = cites.poor_share;
  f.fuel_poor_share = cites.fuel_poor_share;
  f.qpv_share = cites.qpv_share;
  f.label = label == CiteLabel::worst ? cites.label_worst : cites.label_mean;
  f.primary_energy_kwh_m2 = cites.primary_energy_kwh_m2;
  f.heritage_share = cites.heritage_share;
  f.unfit_share = cites.unfit_share;
  return f;
}

}  // namespace coron
