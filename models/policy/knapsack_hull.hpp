#pragma once
#include "policy/knapsack.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

// What both knapsack solvers share: money in cents, the checks at the API edge, and one
// candidate's upper convex hull.

namespace coron::detail {

inline std::int64_t knapsack_cents(double eur) noexcept { return std::llround(eur * 100.0); }

/// Asserts that the problem is well formed: offsets from 0 to items.size(), never
/// decreasing; each item's candidate matches its slot; costs, values and budget finite
/// and within their limits.
void check_knapsack_problem(const KnapsackProblem& problem);

/// A package on a candidate's hull. 24 bytes.
struct HullPoint {
  std::int64_t cost_cents;
  double value;
  std::int32_t package;  ///< index among the candidate's packages; -1 for none
};

/// The candidate's packages and "none" that no mix of others beats, in increasing cost:
/// the upper convex hull of (cost, value). Removed first: a package dearer than
/// `budget_cents` (it can never be chosen, and leaving it would weaken the bound and void
/// the half-optimum guarantee); then one dominated by another (as costly or more, and not
/// worth more: ties between equals go to none, then to the lower index); then one strictly
/// below the segment between two others. A package on such a segment stays. The first
/// point costs 0; values strictly increase along the hull and efficiencies (value gained
/// per cent, computed by efficiency()) never increase. `points` must hold
/// packages.size() + 1; returns how many of them make the hull. No allocation.
std::size_t upper_hull(std::span<const KnapsackItem> packages, std::int64_t budget_cents,
                       std::span<HullPoint> points) noexcept;

/// The efficiency of the move from a to b (b dearer): value gained per cent.
inline double efficiency(const HullPoint& a, const HullPoint& b) noexcept {
  return (b.value - a.value) / static_cast<double>(b.cost_cents - a.cost_cents);
}

}  // namespace coron::detail
