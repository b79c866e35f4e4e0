#pragma once
#include "engine/allocation.hpp"
#include "policy/cite_facts.hpp"

#include "coron/state.hpp"
#include "coron/stock.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// A year's dwelling candidates taken cité by cité (renovation.allocation.candidates:
// cites; docs/model-allocation.md): the 2017 mission's integrated operations renovate a
// cité's due dwellings together, all with one kind of package, or leave them all for a
// later year. A cité's facts are those of its candidate dwellings (cite_facts.hpp, the
// label their mean); its package k costs and gives the sum of its dwellings' package k.

namespace coron::engine {

/// The year's cités and their facts; working memory reused from year to year.
struct CiteGrouping {
  /// Candidates of cité group g: members[first[g], first[g + 1]), in candidate order.
  std::vector<std::size_t> first;
  std::vector<std::size_t> members;
  // Per group: the columns CandidateFacts and CandidatePackages point to.
  std::vector<double> dwellings, households, floor_area_m2, poor_share, fuel_poor_share, qpv_share,
      label_mean, label_worst, primary_energy_kwh_m2, heritage_share, unfit_share, cost_eur, outcome,
      package_cost_eur, package_outcome;
  // Per candidate: its dwelling's columns, cité ids turned to group numbers.
  std::vector<std::int32_t> group_of;
  std::vector<std::uint8_t> occupied, qpv, label, heritage_unesco, structurally_unfit;
  std::vector<double> income_per_cu_eur, primary_energy_kwh_m2_of, floor_area_m2_of;
  std::vector<std::int32_t> group_of_cite;    ///< per cité of the stock: its group, -1 for none
  std::vector<std::size_t> group_first_free;  ///< number_groups: next free slot of each group

  [[nodiscard]] std::size_t groups() const noexcept { return first.empty() ? 0 : first.size() - 1; }
};

/// Groups the candidate dwellings `candidates` (stock rows) by cité, in the order of each
/// cité's first candidate, and sums their packages (`dwelling_packages`, one row of
/// packages per candidate). Returns the groups' facts; `group_packages` receives theirs.
/// A dwelling is poor when occupied below `poverty_line_per_cu_eur` (EUR/yr per CU);
/// `fuel_poor` (one flag per candidate) says whose household is fuel poor.
CandidateFacts group_by_cite(const DwellingState& state, const Stock& stock,
                             std::span<const std::size_t> candidates, std::span<const std::uint8_t> fuel_poor,
                             const CandidatePackages& dwelling_packages, double poverty_line_per_cu_eur,
                             CiteGrouping& grouping, CandidatePackages& group_packages);

}  // namespace coron::engine
