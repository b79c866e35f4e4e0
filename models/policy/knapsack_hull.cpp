#include "policy/knapsack_hull.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

// The hull is a monotone chain over the packages sorted by cost. A middle point b between
// a and c is dropped when the move a -> b is less efficient than b -> c, with the very
// quotients the greedy later sorts by: the efficiencies it sees along a hull then never
// increase, so it takes a candidate's moves in hull order whatever the rounding. Equal
// efficiencies (collinear points) keep the middle point: it lets the greedy stop halfway.

namespace coron::detail {

void check_knapsack_problem(const KnapsackProblem& problem) {
  CORON_ASSERT(std::isfinite(problem.budget_eur) && problem.budget_eur >= 0.0 &&
               problem.budget_eur <= max_knapsack_budget_eur);
  CORON_ASSERT(!problem.offsets.empty());
  CORON_ASSERT(problem.offsets.front() == 0 && problem.offsets.back() == problem.items.size());
  for (std::size_t c = 0; c + 1 < problem.offsets.size(); ++c) {
    CORON_ASSERT(problem.offsets[c] <= problem.offsets[c + 1]);
    for (std::size_t i = problem.offsets[c]; i < problem.offsets[c + 1]; ++i) {
      const KnapsackItem& item = problem.items[i];
      CORON_ASSERT(item.candidate == c);
      CORON_ASSERT(std::isfinite(item.cost_eur) && item.cost_eur >= 0.0 &&
                   item.cost_eur <= max_knapsack_cost_eur);
      CORON_ASSERT(std::isfinite(item.value));
    }
  }
}

std::size_t upper_hull(std::span<const KnapsackItem> packages, std::int64_t budget_cents,
                       std::span<HullPoint> points) noexcept {
  std::size_t n = 0;
  points[n++] = {0, 0.0, -1};
  for (std::size_t j = 0; j < packages.size(); ++j) {
    const std::int64_t cost_cents = knapsack_cents(packages[j].cost_eur);
    if (cost_cents <= budget_cents)
      points[n++] = {cost_cents, packages[j].value, static_cast<std::int32_t>(j)};
  }
  std::sort(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(n),
            [](const HullPoint& a, const HullPoint& b) {
              if (a.cost_cents != b.cost_cents) return a.cost_cents < b.cost_cents;
              if (a.value != b.value) return a.value > b.value;
              return a.package < b.package;
            });
  // Dominance: along increasing cost, only a point worth more than all before it stays.
  std::size_t kept = 1;
  for (std::size_t i = 1; i < n; ++i) {
    if (points[i].value > points[kept - 1].value) points[kept++] = points[i];
  }
  // The upper hull, in place: points[0, h) is the chain so far.
  std::size_t h = 0;
  for (std::size_t i = 0; i < kept; ++i) {
    while (h >= 2 && efficiency(points[h - 2], points[h - 1]) < efficiency(points[h - 1], points[i])) --h;
    points[h++] = points[i];
  }
  return h;
}

}  // namespace coron::detail
