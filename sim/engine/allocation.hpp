#pragma once
#include "policy/ranking.hpp"

#include "coron/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// Sharing a yearly works budget among the year's candidates (docs/model-allocation.md,
// "In the engine"). Every candidate's package is known; a rule puts them in order and
// they are taken in that order while the year's package cost stays within the budget; a
// candidate that does not fit is skipped and the next one tried. `optimal` instead
// solves the knapsack over the candidates, one package each. Serial and in fixed orders:
// the same candidates always give the same choice.

namespace coron::engine {

/// What one year's allocation chose among `n` candidates.
struct AllocationChoice {
  double spent_eur = 0.0;  ///< sum of the taken candidates' costs, <= the budget
  double objective = 0.0;  ///< sum of the taken candidates' outcomes, in the order they are taken
  double bound = 0.0;      ///< `optimal`: no choice within the budget does better; 0 for the other rules
};

/// Working memory of allocate_budget, kept from year to year.
struct AllocationScratch {
  std::vector<std::int32_t> order;
  std::vector<std::uint8_t> taken;
  std::vector<double> scores;
  // `optimal`: a ranking's selection, set against the knapsack's.
  std::vector<std::int32_t> alternative_order;
  std::vector<std::uint8_t> alternative_taken;
  // The candidates' facts (CandidateFacts' columns), filled by the works step.
  std::vector<double> poor, fuel_poor, qpv, label, primary_energy_kwh_m2, heritage, unfit, outcome, cost_eur;
};

/// True when any criterion weight is non-zero: `weighted` then ranks by something.
bool has_weights(const CriterionWeights& weights);

/// Takes candidates within `budget_eur` (>= 0) by `rule`: `order` (n slots) ends holding
/// the candidates in the order they were considered and `taken` (n slots) 1 for each one
/// funded. facts.cost_eur (EUR, >= 0) and facts.outcome (the objective) are read by every
/// rule; the other columns as rank() reads them. Costs and the budget are compared in
/// whole cents, so "within the budget" is exact. `optimal` considers the candidates in
/// index order and takes the knapsack's choice (knapsack_exact when the instance is small
/// enough for it, else knapsack_greedy; bound is then the LP bound), unless the selection
/// of a ranking (worst_first, cost_effectiveness, stock_order, and weighted when
/// has_weights) reaches a strictly higher objective: then that selection. Its objective
/// is summed in index order. Thread-safe.
AllocationChoice allocate_budget(AllocationSpec::Rule rule, const CandidateFacts& facts,
                                 const CriterionWeights& weights, double budget_eur,
                                 std::span<std::int32_t> order, std::span<std::uint8_t> taken,
                                 AllocationScratch& scratch);

}  // namespace coron::engine
