#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

// Sharing a budget among candidates (docs/model-allocation.md): each candidate (a dwelling,
// or a whole cité) has a few alternative packages of works, each with a cost and a value
// (energy saved, CO2 avoided, ... : any objective to maximise). At most one package per
// candidate, or none, is chosen so that the total value is the largest under the budget:
// the multiple-choice knapsack problem. "None" (cost 0, value 0) is always allowed.
//
// Money is counted in whole cents, as in package_search: each cost and the budget are
// rounded to the cent once, so that sums are exact integers and "within the budget" holds
// exactly, in cents.
//
// Pure: no files, no threads; all working memory is allocated once per call, never per
// candidate.

namespace coron {

/// One package of works for one candidate. 24 bytes.
struct KnapsackItem {
  std::uint32_t candidate = 0;  ///< the candidate it belongs to (offsets say the same)
  double cost_eur = 0.0;        ///< >= 0, finite, at most max_knapsack_cost_eur
  double value = 0.0;           ///< finite, any sign (a value <= 0 is never better than none)
};

/// Costs and budgets above these are refused (assert): sums in cents must fit an int64.
inline constexpr double max_knapsack_cost_eur = 1e12;
inline constexpr double max_knapsack_budget_eur = 1e15;

/// The instance, CSR-like: candidate c's packages are items[offsets[c], offsets[c + 1]).
struct KnapsackProblem {
  std::span<const KnapsackItem> items;
  std::span<const std::size_t> offsets;  ///< candidates + 1 entries, from 0 to items.size()
  double budget_eur = 0.0;               ///< >= 0, finite, at most max_knapsack_budget_eur

  [[nodiscard]] std::size_t candidates() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
};

/// A choice of packages and what it gives.
struct KnapsackResult {
  std::vector<std::int32_t> package;  ///< per candidate: index among its packages, -1 for none
  double cost_eur = 0.0;              ///< total, within the budget
  double value = 0.0;                 ///< total, summed in candidate order
  double bound = 0.0;                 ///< no choice within the budget has a larger value
  double gap = 0.0;                   ///< bound - value, >= 0: how far from the optimum at most
};

/// The instances knapsack_exact() accepts: candidates x (budget in steps + 1) dynamic
/// programming cells, the step being the largest common divisor of the costs in cents.
inline constexpr std::size_t max_exact_cells = std::size_t{1} << 23;
/// And at most this many packages per candidate.
inline constexpr std::size_t max_exact_packages = 254;

/// The optimum, by dynamic programming over the budget in cents: O(packages x budget
/// steps) time, O(candidates x budget steps) bytes. Ties between optima go to "none",
/// then to the lower package index, candidate by candidate from the last. Nothing when
/// the instance is beyond max_exact_cells or max_exact_packages. Thread-safe.
[[nodiscard]] std::optional<KnapsackResult> knapsack_exact(const KnapsackProblem& problem);

/// The greedy on each candidate's upper convex hull (Sinha & Zoltners 1979), improved by
/// filling with the increments that still fit after the first that does not, and by the
/// split package alone when it is worth more. bound is the LP relaxation's optimum.
/// O(packages log packages). Thread-safe.
[[nodiscard]] KnapsackResult knapsack_greedy(const KnapsackProblem& problem);

}  // namespace coron
