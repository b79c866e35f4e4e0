#include "policy/ranking.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>

// Every comparator below ends on the candidate index, so it is a strict total order: the
// unstable std::sort (which, unlike std::stable_sort, never allocates) then gives one
// order only, whatever the library's algorithm.
//
// Min-max rather than rank normalisation: a cité where 80 % of the households are poor
// stands further ahead of one at 30 % than that one does of one at 28 %, and ranks would
// erase that; min-max also costs one pass per criterion where ranks need a sort. Its
// weakness, one outlier squeezing the others towards 0, is the caller's to weigh
// (docs/model-rankings.md).

namespace coron {

std::span<const double> CandidateFacts::criterion(Criterion c) const noexcept {
  switch (c) {
    case Criterion::poverty:
      return poor_share;
    case Criterion::fuel_poverty:
      return fuel_poor_share;
    case Criterion::qpv:
      return qpv_share;
    case Criterion::label:
      return label;
    case Criterion::primary_energy:
      return primary_energy_kwh_m2;
    case Criterion::heritage:
      return heritage_share;
    case Criterion::condition:
      return unfit_share;
  }
  return {};
}

namespace {

void assert_finite_column(std::span<const double> column, std::size_t n) {
  CORON_ASSERT(column.size() == n);
  for (const double x : column) CORON_ASSERT(std::isfinite(x));
}

void identity(std::span<std::int32_t> order) {
  CORON_ASSERT(order.size() <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()));
  std::iota(order.begin(), order.end(), std::int32_t{0});
}

void rank_worst_first(const CandidateFacts& facts, std::span<std::int32_t> order) {
  const std::span<const double> label = facts.label, primary = facts.primary_energy_kwh_m2;
  assert_finite_column(label, order.size());
  assert_finite_column(primary, order.size());
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    const auto ia = static_cast<std::size_t>(a), ib = static_cast<std::size_t>(b);
    if (label[ia] != label[ib]) return label[ia] > label[ib];
    if (primary[ia] != primary[ib]) return primary[ia] > primary[ib];
    return a < b;
  });
}

void rank_weighted(const CandidateFacts& facts, const CriterionWeights& weights,
                   std::span<std::int32_t> order, std::span<double> scratch) {
  CORON_ASSERT(scratch.size() == order.size());
  weighted_scores(facts, weights, scratch);
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    const double sa = scratch[static_cast<std::size_t>(a)], sb = scratch[static_cast<std::size_t>(b)];
    if (sa != sb) return sa > sb;
    return a < b;
  });
}

// A free candidate with a gain has an infinite ratio: it goes ahead of every priced one,
// the larger gain first. A free one with a loss goes behind them all. Free with no
// outcome is a ratio of 0, among the priced ones.
enum class CostTier : std::uint8_t { free_loss = 0, priced = 1, free_gain = 2 };

struct CostKey {
  CostTier tier;
  double value;  ///< outcome per euro when priced, the outcome when free
};

CostKey cost_key(double outcome, double cost_eur) noexcept {
  if (cost_eur > 0.0) return {CostTier::priced, outcome / cost_eur};
  if (outcome > 0.0) return {CostTier::free_gain, outcome};
  if (outcome < 0.0) return {CostTier::free_loss, outcome};
  return {CostTier::priced, 0.0};
}

void rank_cost_effectiveness(const CandidateFacts& facts, std::span<std::int32_t> order) {
  const std::span<const double> outcome = facts.outcome, cost = facts.cost_eur;
  assert_finite_column(outcome, order.size());
  assert_finite_column(cost, order.size());
  for (const double c : cost) CORON_ASSERT(c >= 0.0);
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    const auto ia = static_cast<std::size_t>(a), ib = static_cast<std::size_t>(b);
    const CostKey ka = cost_key(outcome[ia], cost[ia]), kb = cost_key(outcome[ib], cost[ib]);
    if (ka.tier != kb.tier) return ka.tier > kb.tier;
    if (ka.value != kb.value) return ka.value > kb.value;
    return a < b;
  });
}

}  // namespace

void weighted_scores(const CandidateFacts& facts, const CriterionWeights& weights, std::span<double> scores) {
  std::fill(scores.begin(), scores.end(), 0.0);
  for (std::size_t k = 0; k < criterion_count; ++k) {
    const auto c = static_cast<Criterion>(k);
    const double w = weights[c];
    CORON_ASSERT(std::isfinite(w));
    if (w == 0.0) continue;
    const std::span<const double> column = facts.criterion(c);
    assert_finite_column(column, scores.size());
    if (column.empty()) continue;
    const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
    const double min = *lo, range = *hi - *lo;
    if (!(range > 0.0)) continue;  // all equal: the criterion tells no candidate apart
    for (std::size_t i = 0; i < scores.size(); ++i) scores[i] += w * ((column[i] - min) / range);
  }
}

void rank(RankingRule rule, const CandidateFacts& facts, const CriterionWeights& weights,
          std::span<std::int32_t> order, std::span<double> scratch) {
  identity(order);
  switch (rule) {
    case RankingRule::worst_first:
      rank_worst_first(facts, order);
      return;
    case RankingRule::weighted:
      rank_weighted(facts, weights, order, scratch);
      return;
    case RankingRule::cost_effectiveness:
      rank_cost_effectiveness(facts, order);
      return;
  }
  CORON_ASSERT(false && "unknown ranking rule");
}

}  // namespace coron
