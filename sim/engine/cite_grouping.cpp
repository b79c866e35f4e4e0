#include "engine/cite_grouping.hpp"

#include "coron/error.hpp"

#include <algorithm>

namespace coron::engine {

namespace {

/// Numbers the candidates' cités in order of first appearance and lists each cité's
/// candidates (a counting sort: candidate order kept within a cité).
void number_groups(const Stock& stock, std::span<const std::size_t> candidates, CiteGrouping& g) {
  g.group_of_cite.assign(stock.cites.size(), -1);
  g.group_of.resize(candidates.size());
  std::int32_t groups = 0;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    std::int32_t& group = g.group_of_cite[static_cast<std::size_t>(stock.cite_id[candidates[c]])];
    if (group < 0) group = groups++;
    g.group_of[c] = group;
  }
  g.first.assign(static_cast<std::size_t>(groups) + 1, 0);
  for (const std::int32_t group : g.group_of) ++g.first[static_cast<std::size_t>(group) + 1];
  for (std::size_t k = 1; k < g.first.size(); ++k) g.first[k] += g.first[k - 1];
  g.members.resize(candidates.size());
  std::vector<std::size_t>& next = g.group_first_free;
  next.assign(g.first.begin(), g.first.end() - 1);
  for (std::size_t c = 0; c < candidates.size(); ++c)
    g.members[next[static_cast<std::size_t>(g.group_of[c])]++] = c;
}

}  // namespace

CandidateFacts group_by_cite(const DwellingState& state, const Stock& stock,
                             std::span<const std::size_t> candidates, std::span<const std::uint8_t> fuel_poor,
                             const CandidatePackages& dwelling_packages, double poverty_line_per_cu_eur,
                             CiteGrouping& g, CandidatePackages& group_packages) {
  const std::size_t n = candidates.size();
  const std::size_t per = dwelling_packages.per_candidate;
  CORON_ASSERT(dwelling_packages.cost_eur.size() == n * per && dwelling_packages.outcome.size() == n * per);
  CORON_ASSERT(fuel_poor.size() == n);
  number_groups(stock, candidates, g);
  const std::size_t groups = g.groups();

  // The candidates' own columns, their cités renumbered, for aggregate_cite_facts.
  g.occupied.resize(n);
  g.qpv.resize(n);
  g.label.resize(n);
  g.heritage_unesco.resize(n);
  g.structurally_unfit.resize(n);
  g.income_per_cu_eur.resize(n);
  g.primary_energy_kwh_m2_of.resize(n);
  g.floor_area_m2_of.resize(n);
  for (std::size_t c = 0; c < n; ++c) {
    const std::size_t i = candidates[c];
    g.occupied[c] = state.occupied[i];
    g.qpv[c] = stock.qpv[i];
    g.label[c] = state.label[i];
    g.heritage_unesco[c] = stock.heritage_unesco[i];
    g.structurally_unfit[c] = stock.structurally_unfit[i];
    g.income_per_cu_eur[c] = state.income_per_cu_eur[i];
    g.primary_energy_kwh_m2_of[c] = state.primary_energy_kwh_m2[i];
    g.floor_area_m2_of[c] = state.floor_area_m2[i];
  }
  for (std::vector<double>* column :
       {&g.dwellings, &g.households, &g.floor_area_m2, &g.poor_share, &g.fuel_poor_share, &g.qpv_share,
        &g.label_mean, &g.label_worst, &g.primary_energy_kwh_m2, &g.heritage_share, &g.unfit_share})
    column->resize(groups);
  DwellingFactColumns dwellings;
  dwellings.cite_id = g.group_of;
  dwellings.occupied = g.occupied;
  dwellings.income_per_cu_eur = g.income_per_cu_eur;
  dwellings.fuel_poor = fuel_poor;
  dwellings.qpv = g.qpv;
  dwellings.label = g.label;
  dwellings.primary_energy_kwh_m2 = g.primary_energy_kwh_m2_of;
  dwellings.floor_area_m2 = g.floor_area_m2_of;
  dwellings.heritage_unesco = g.heritage_unesco;
  dwellings.structurally_unfit = g.structurally_unfit;
  const CiteFactColumns cites{
      g.dwellings,  g.households,  g.floor_area_m2,         g.poor_share,     g.fuel_poor_share, g.qpv_share,
      g.label_mean, g.label_worst, g.primary_energy_kwh_m2, g.heritage_share, g.unfit_share};
  aggregate_cite_facts(dwellings, poverty_line_per_cu_eur, cites);

  // Each cité's package k: its candidates' package k, summed in candidate order.
  g.package_cost_eur.assign(groups * per, 0.0);
  g.package_outcome.assign(groups * per, 0.0);
  for (std::size_t group = 0; group < groups; ++group)
    for (std::size_t m = g.first[group]; m < g.first[group + 1]; ++m) {
      const std::size_t c = g.members[m];
      for (std::size_t k = 0; k < per; ++k) {
        g.package_cost_eur[group * per + k] += dwelling_packages.cost_eur[c * per + k];
        g.package_outcome[group * per + k] += dwelling_packages.outcome[c * per + k];
      }
    }
  g.cost_eur.resize(groups);
  g.outcome.resize(groups);
  for (std::size_t group = 0; group < groups; ++group) {
    g.cost_eur[group] = g.package_cost_eur[group * per];
    g.outcome[group] = g.package_outcome[group * per];
  }
  group_packages.per_candidate = per;
  group_packages.cost_eur = g.package_cost_eur;
  group_packages.outcome = g.package_outcome;

  CandidateFacts facts = cite_candidates(cites, CiteLabel::mean);
  facts.cost_eur = g.cost_eur;
  facts.outcome = g.outcome;
  return facts;
}

}  // namespace coron::engine
