#pragma once
#include "policy/knapsack.hpp"
#include "policy/ranking.hpp"

#include "coron/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// Sharing a yearly works budget among the year's candidates (docs/model-allocation.md,
// "In the engine"). Every candidate's packages are known; a rule puts the candidates in
// order and they are taken, each with its first package, in that order while the year's
// package cost stays within the budget; a candidate that does not fit is skipped and the
// next one tried. `optimal` instead solves the multiple-choice knapsack over the
// candidates' packages. Serial and in fixed orders: the same candidates always give the
// same choice.

namespace coron::engine {

/// What one year's allocation chose among `n` candidates.
struct AllocationChoice {
  double spent_eur = 0.0;  ///< sum of the taken candidates' costs, <= the budget
  double objective = 0.0;  ///< sum of the taken candidates' outcomes, in the order they are taken
  double bound = 0.0;      ///< `optimal`: no choice within the budget does better; 0 for the other rules
};

/// Every candidate's packages, candidate c's package k at [c * per_candidate + k]. The
/// rankings take package 0, whose cost and outcome are also CandidateFacts' columns.
struct CandidatePackages {
  std::size_t per_candidate = 1;
  std::span<const double> cost_eur;  ///< EUR, >= 0
  std::span<const double> outcome;   ///< the objective, any sign
};

/// Working memory of allocate_budget, kept from year to year.
struct AllocationScratch {
  std::vector<std::int32_t> order;
  std::vector<std::uint8_t> taken;
  std::vector<double> scores;
  // `optimal`: the knapsack, and a ranking's selection set against its choice.
  std::vector<KnapsackItem> items;
  std::vector<std::size_t> offsets;
  std::vector<std::int32_t> alternative_order;
  std::vector<std::uint8_t> alternative_taken;
  // Candidate c's package k at [c * packages + k], and cités' order and choice.
  std::vector<double> package_cost_eur, package_outcome;
  std::vector<std::uint8_t> fuel_poor_now;  ///< per candidate: fuel poor with this year's bill
  std::vector<std::int32_t> group_order;
  std::vector<std::uint8_t> group_taken;
  // The candidates' facts (CandidateFacts' columns), filled by the works step.
  std::vector<double> poor, fuel_poor, qpv, label, primary_energy_kwh_m2, heritage, unfit, outcome, cost_eur;
};

/// True when any criterion weight is non-zero: `weighted` then ranks by something.
bool has_weights(const CriterionWeights& weights);

/// Takes candidates within `budget_eur` (>= 0) by `rule`: `order` (n slots) ends holding
/// the candidates in the order they were considered and `taken` (n slots) 0 for each one
/// left out, k + 1 for one funded with its package k. facts.cost_eur and facts.outcome
/// (package 0's) are read by every rule, the other columns as rank() reads them. Costs
/// and the budget are compared in whole cents, so "within the budget" is exact. The
/// rankings fund package 0. `optimal` considers the candidates in index order and takes
/// the knapsack's choice over all the packages (knapsack_exact when the instance is small
/// enough for it, else knapsack_greedy; bound is then the LP bound), unless the selection
/// of a ranking (worst_first, cost_effectiveness, stock_order, and weighted when
/// has_weights) reaches a strictly higher objective: then that selection. A candidate
/// the knapsack leaves out but whose package 0 costs nothing takes it: its turn is over.
/// The objective is summed in index order. Thread-safe.
AllocationChoice allocate_budget(AllocationSpec::Rule rule, const CandidateFacts& facts,
                                 const CandidatePackages& packages, const CriterionWeights& weights,
                                 double budget_eur, std::span<std::int32_t> order,
                                 std::span<std::uint8_t> taken, AllocationScratch& scratch);

}  // namespace coron::engine
