#pragma once
#include "policy/knapsack.hpp"

#include <cstdint>
#include <span>
#include <vector>

// A plain statement of the multiple-choice knapsack, its hulls and its greedy, written from
// docs/model-allocation.md without looking at models/policy/knapsack*.cpp: brute force over
// every choice, the hull point by point from its definition, the greedy move by move.
// Money in whole cents, as the library counts it.

namespace coron::reference_knapsack {

struct Point {
  std::int64_t cost_cents = 0;
  double value = 0.0;
  std::int32_t package = -1;  ///< -1: none
};

/// The best value of any choice within the budget, by trying them all.
double brute_force_optimum(const KnapsackProblem& problem);

/// The cents of `eur`, rounded.
std::int64_t cents(double eur);

/// One candidate's upper hull in increasing cost: none and the packages within the budget
/// that are neither dominated nor strictly below a segment between two other undominated
/// points.
std::vector<Point> hull(std::span<const KnapsackItem> packages, std::int64_t budget_cents);

struct Greedy {
  std::vector<std::int32_t> package;
  double value = 0.0;
  double lp_value = 0.0;
  std::int64_t cost_cents = 0;
};

/// The greedy of docs/model-allocation.md, one move at a time: the most efficient next move
/// of any candidate (ties: lower candidate), taken if it fits; the first that does not is
/// the split move, and its candidate stops; then the split move's point alone if worth more.
Greedy greedy(const KnapsackProblem& problem);

}  // namespace coron::reference_knapsack
