#include "policy/knapsack.hpp"
#include "policy/knapsack_hull.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <vector>

// The exact multiple-choice knapsack by dynamic programming over the budget.
//
// best[b] is the largest value the candidates seen so far give within b steps of budget;
// adding a candidate, best'[b] = max(best[b], max_j best[b - w_j] + v_j), and pick[c][b]
// keeps which j won so that the choice can be read back from the full budget. A step is
// the largest common divisor of the costs in cents (a cent at worst, a thousand euros when
// every cost is a round thousand), and the budget is capped at the sum of every
// candidate's dearest package, beyond which it buys nothing more. pick is one byte per
// candidate and step, hence the limits in knapsack.hpp.

namespace coron {
namespace {

constexpr std::uint8_t none = 255;

}  // namespace

std::optional<KnapsackResult> knapsack_exact(const KnapsackProblem& problem) {
  detail::check_knapsack_problem(problem);
  const std::size_t n = problem.candidates();
  std::vector<std::int64_t> cost_cents(problem.items.size());
  std::int64_t step = 0;
  std::int64_t dearest_sum = 0;
  for (std::size_t c = 0; c < n; ++c) {
    if (problem.offsets[c + 1] - problem.offsets[c] > max_exact_packages) return std::nullopt;
    std::int64_t dearest = 0;
    for (std::size_t i = problem.offsets[c]; i < problem.offsets[c + 1]; ++i) {
      cost_cents[i] = detail::knapsack_cents(problem.items[i].cost_eur);
      step = std::gcd(step, cost_cents[i]);
      dearest = std::max(dearest, cost_cents[i]);
    }
    dearest_sum += dearest;
  }
  if (step == 0) step = 1;  // every package is free
  const auto steps =
      static_cast<std::size_t>(std::min(detail::knapsack_cents(problem.budget_eur), dearest_sum) / step);
  if (steps + 1 > max_exact_cells / std::max<std::size_t>(n, 1)) return std::nullopt;
  const std::size_t width = steps + 1;

  std::vector<double> best(width, 0.0), next(width);
  std::vector<std::uint8_t> pick(n * width);
  for (std::size_t c = 0; c < n; ++c) {
    const std::size_t begin = problem.offsets[c];
    const std::size_t count = problem.offsets[c + 1] - begin;
    for (std::size_t b = 0; b < width; ++b) {
      double v = best[b];
      std::uint8_t k = none;
      for (std::size_t j = 0; j < count; ++j) {
        const auto w = static_cast<std::size_t>(cost_cents[begin + j] / step);
        if (w > b) continue;
        const double with = best[b - w] + problem.items[begin + j].value;
        if (with > v) {
          v = with;
          k = static_cast<std::uint8_t>(j);
        }
      }
      next[b] = v;
      pick[c * width + b] = k;
    }
    std::swap(best, next);
  }

  KnapsackResult result;
  result.package.assign(n, -1);
  std::size_t b = steps;
  for (std::size_t c = n; c-- > 0;) {
    const std::uint8_t k = pick[c * width + b];
    if (k == none) continue;
    result.package[c] = k;
    b -= static_cast<std::size_t>(cost_cents[problem.offsets[c] + k] / step);
  }
  std::int64_t total_cents = 0;
  for (std::size_t c = 0; c < n; ++c) {
    if (result.package[c] < 0) continue;
    const std::size_t i = problem.offsets[c] + static_cast<std::size_t>(result.package[c]);
    total_cents += cost_cents[i];
    result.value += problem.items[i].value;
  }
  result.cost_eur = static_cast<double>(total_cents) / 100.0;
  result.bound = result.value;
  return result;
}

}  // namespace coron
