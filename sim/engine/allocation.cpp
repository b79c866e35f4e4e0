#include "engine/allocation.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace coron::engine {

namespace {

/// Money in whole cents, as the knapsack counts it: sums are exact integers.
std::int64_t cents(double eur) { return std::llround(eur * 100.0); }

RankingRule ranking_rule(AllocationSpec::Rule rule) {
  switch (rule) {
    case AllocationSpec::Rule::worst_first:
      return RankingRule::worst_first;
    case AllocationSpec::Rule::weighted:
      return RankingRule::weighted;
    case AllocationSpec::Rule::cost_effectiveness:
      return RankingRule::cost_effectiveness;
    case AllocationSpec::Rule::stock_order:
    case AllocationSpec::Rule::optimal:
      break;
  }
  CORON_ASSERT(false);
  return RankingRule::worst_first;
}

/// The knapsack's choice: a package per candidate (its cost and outcome), or none.
AllocationChoice allocate_optimal(const CandidatePackages& packages, double budget_eur,
                                  std::span<std::uint8_t> taken, AllocationScratch& scratch) {
  const std::size_t n = taken.size();
  const std::size_t per = packages.per_candidate;
  std::vector<KnapsackItem>& items = scratch.items;
  std::vector<std::size_t>& offsets = scratch.offsets;
  items.resize(n * per);
  offsets.resize(n + 1);
  offsets[0] = 0;
  for (std::size_t c = 0; c < n; ++c) {
    for (std::size_t k = 0; k < per; ++k)
      items[c * per + k] = {static_cast<std::uint32_t>(c), packages.cost_eur[c * per + k],
                            packages.outcome[c * per + k]};
    offsets[c + 1] = (c + 1) * per;
  }
  const KnapsackProblem problem{items, offsets, budget_eur};
  // The exact optimum when its table is small enough (few candidates, costs in round
  // sums); otherwise the greedy, within `bound - value` of it.
  std::optional<KnapsackResult> result = knapsack_exact(problem);
  if (!result) result = knapsack_greedy(problem);
  AllocationChoice choice;
  choice.bound = result->bound;
  std::int64_t spent = 0;
  for (std::size_t c = 0; c < n; ++c) {
    std::int32_t k = result->package[c];
    // A candidate left out whose first package costs nothing (it has reached the
    // renovation's target) takes it: its turn is over.
    if (k < 0 && cents(packages.cost_eur[c * per]) == 0) k = 0;
    taken[c] = static_cast<std::uint8_t>(k + 1);
    if (k < 0) continue;
    const std::size_t item = c * per + static_cast<std::size_t>(k);
    spent += cents(packages.cost_eur[item]);
    choice.objective += packages.outcome[item];
  }
  choice.spent_eur = static_cast<double>(spent) / 100.0;
  return choice;
}

/// Takes candidates in `order` (already ranked) while they fit within the budget.
AllocationChoice take_in_order(const CandidateFacts& facts, double budget_eur,
                               std::span<const std::int32_t> order, std::span<std::uint8_t> taken) {
  // In the rule's order; one that does not fit is skipped, and a cheaper one after it
  // may still fit: the budget is not left idle for the sake of the order.
  const std::int64_t budget = cents(budget_eur);
  std::int64_t spent = 0;
  AllocationChoice choice;
  for (const std::int32_t c : order) {
    const auto k = static_cast<std::size_t>(c);
    const std::int64_t cost = cents(facts.cost_eur[k]);
    const bool take = spent + cost <= budget;
    taken[k] = take ? 1 : 0;
    if (!take) continue;
    spent += cost;
    choice.objective += facts.outcome[k];
  }
  choice.spent_eur = static_cast<double>(spent) / 100.0;
  return choice;
}

AllocationChoice allocate_ranked(AllocationSpec::Rule rule, const CandidateFacts& facts,
                                 const CriterionWeights& weights, double budget_eur,
                                 std::span<std::int32_t> order, std::span<std::uint8_t> taken,
                                 std::vector<double>& scores) {
  std::iota(order.begin(), order.end(), 0);
  if (rule != AllocationSpec::Rule::stock_order) {
    scores.resize(order.size());
    rank(ranking_rule(rule), facts, weights, order, scores);
  }
  return take_in_order(facts, budget_eur, order, taken);
}

/// The objective of a selection summed in index order, as allocate_optimal sums it, so
/// that two rules choosing the same packages compare equal to the last bit.
double objective_in_index_order(const CandidatePackages& packages, std::span<const std::uint8_t> taken) {
  double sum = 0.0;
  for (std::size_t c = 0; c < taken.size(); ++c)
    if (taken[c] != 0) sum += packages.outcome[c * packages.per_candidate + taken[c] - 1U];
  return sum;
}

}  // namespace

bool has_weights(const CriterionWeights& w) { return w != CriterionWeights{}; }

AllocationChoice allocate_budget(AllocationSpec::Rule rule, const CandidateFacts& facts,
                                 const CandidatePackages& packages, const CriterionWeights& weights,
                                 double budget_eur, std::span<std::int32_t> order,
                                 std::span<std::uint8_t> taken, AllocationScratch& scratch) {
  const std::size_t n = order.size();
  const std::size_t per = packages.per_candidate;
  CORON_ASSERT(taken.size() == n && facts.cost_eur.size() == n && facts.outcome.size() == n);
  CORON_ASSERT(per >= 1 && per <= max_exact_packages && packages.cost_eur.size() == n * per &&
               packages.outcome.size() == n * per);
  CORON_ASSERT(std::isfinite(budget_eur) && budget_eur >= 0.0 && budget_eur <= max_knapsack_budget_eur);
  if (rule != AllocationSpec::Rule::optimal)
    return allocate_ranked(rule, facts, weights, budget_eur, order, taken, scratch.scores);

  std::iota(order.begin(), order.end(), 0);
  AllocationChoice best = allocate_optimal(packages, budget_eur, taken, scratch);
  // The greedy knapsack can lose to a plain ranking (budget 10; costs 6, 5, 5; values 7,
  // 5, 5: the greedy takes 6 for 7, worst first may take 5 + 5 for 10). The rankings are
  // cheap next to the knapsack, so `optimal` is never worse than any of them.
  scratch.alternative_order.resize(n);
  scratch.alternative_taken.resize(n);
  for (const AllocationSpec::Rule ranking :
       {AllocationSpec::Rule::worst_first, AllocationSpec::Rule::cost_effectiveness,
        AllocationSpec::Rule::stock_order, AllocationSpec::Rule::weighted}) {
    if (ranking == AllocationSpec::Rule::weighted && !has_weights(weights)) continue;
    AllocationChoice alternative =
        allocate_ranked(ranking, facts, weights, budget_eur, scratch.alternative_order,
                        scratch.alternative_taken, scratch.scores);
    alternative.objective = objective_in_index_order(packages, scratch.alternative_taken);
    // Ties keep the knapsack's choice.
    if (!(alternative.objective > best.objective)) continue;
    std::copy(scratch.alternative_taken.begin(), scratch.alternative_taken.end(), taken.begin());
    best.objective = alternative.objective;
    best.spent_eur = alternative.spent_eur;
  }
  return best;
}

}  // namespace coron::engine
