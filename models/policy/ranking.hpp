#pragma once
#include "coron/criterion_weights.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

// Ranking renovation candidates (docs/model-rankings.md): dwellings, or whole cités whose
// facts come from cite_facts.hpp. Three rules: the worst label first; a weighted
// multi-criteria score (the 2017 mission's social stakes, heritage value and condition);
// outcome per euro. The order is a permutation of the candidate indices, ties going to
// the lower index, so the same facts always give the same order. Pure: no files, no
// threads, no allocation (the caller gives the output and the scratch).

namespace coron {

/// How candidates are put in order.
enum class RankingRule : std::uint8_t {
  worst_first,         ///< highest label (G) first, then the higher primary energy per m2
  weighted,            ///< the higher weighted score first (weighted_scores)
  cost_effectiveness,  ///< the higher outcome per euro first
};

/// One value per candidate in each column (structure of arrays). A column a rule does not
/// read may be empty: worst_first reads label and primary_energy_kwh_m2; weighted reads
/// the columns of the criteria with a non-zero weight; cost_effectiveness reads outcome
/// and cost_eur.
struct CandidateFacts {
  /// Share of the occupied dwellings whose household's income per consumption unit is
  /// below the poverty line, in [0, 1] (the mission's social criterion, cite_facts.hpp).
  std::span<const double> poor_share;
  std::span<const double> fuel_poor_share;  ///< share of the occupied dwellings that are fuel-poor, [0, 1]
  std::span<const double> qpv_share;        ///< share of the dwellings in a priority urban area, [0, 1]
  /// DPE label, 0 = A ... 6 = G: a dwelling's own, or a cité's worst or mean.
  std::span<const double> label;
  std::span<const double> primary_energy_kwh_m2;  ///< kWh/(m2.yr), as rated by the DPE
  std::span<const double> heritage_share;         ///< share of the dwellings in the UNESCO listing, [0, 1]
  std::span<const double> unfit_share;            ///< share of the dwellings structurally unfit, [0, 1]
  /// What the works would buy, in the caller's unit (say kWh/yr saved, or households
  /// lifted out of fuel poverty); only its ratio to cost_eur is used.
  std::span<const double> outcome;
  std::span<const double> cost_eur;  ///< EUR, >= 0

  /// The column of criterion c.
  [[nodiscard]] std::span<const double> criterion(Criterion c) const noexcept;
};

/// Each candidate's weighted score into `scores` (one slot per candidate): the sum over
/// the criteria of weight x the criterion min-max normalised over the candidates,
/// (x - min) / (max - min), 0 when all candidates are equal on it. Summed in criterion
/// order. Asserts that the columns read are finite and of scores.size(). Thread-safe.
void weighted_scores(const CandidateFacts& facts, const CriterionWeights& weights, std::span<double> scores);

/// The candidates in `rule`'s order into `order` (a permutation of 0 .. order.size() - 1,
/// the most urgent first; ties to the lower index). `scratch` holds order.size() doubles
/// for the weighted rule (it ends holding the scores) and may be empty otherwise.
/// cost_effectiveness: a candidate that costs nothing comes first if its outcome is
/// positive (the larger outcome first), last if it is negative, with a ratio of 0
/// otherwise. O(n log n), no allocation. Asserts finite facts of the right sizes and
/// non-negative costs. Thread-safe.
void rank(RankingRule rule, const CandidateFacts& facts, const CriterionWeights& weights,
          std::span<std::int32_t> order, std::span<double> scratch);

}  // namespace coron
