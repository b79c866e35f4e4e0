#include "reference_knapsack.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace coron::reference_knapsack {

std::int64_t cents(double eur) { return static_cast<std::int64_t>(std::llround(eur * 100.0)); }

double brute_force_optimum(const KnapsackProblem& problem) {
  const std::size_t n = problem.offsets.size() - 1;
  const std::int64_t budget = cents(problem.budget_eur);
  std::vector<std::size_t> choice(n, 0);  // 0: none, j + 1: package j
  double best = 0.0;
  while (true) {
    std::int64_t cost = 0;
    double value = 0.0;
    for (std::size_t c = 0; c < n; ++c) {
      if (choice[c] == 0) continue;
      const KnapsackItem& item = problem.items[problem.offsets[c] + choice[c] - 1];
      cost += cents(item.cost_eur);
      value += item.value;
    }
    if (cost <= budget && value > best) best = value;
    std::size_t c = 0;  // the next choice, as a counter in mixed radix
    while (c < n && choice[c] == problem.offsets[c + 1] - problem.offsets[c]) choice[c++] = 0;
    if (c == n) break;
    ++choice[c];
  }
  return best;
}

std::vector<Point> hull(std::span<const KnapsackItem> packages, std::int64_t budget_cents) {
  std::vector<Point> all{{0, 0.0, -1}};
  for (std::size_t j = 0; j < packages.size(); ++j) {
    if (cents(packages[j].cost_eur) > budget_cents) continue;
    all.push_back({cents(packages[j].cost_eur), packages[j].value, static_cast<std::int32_t>(j)});
  }
  // q beats p: no dearer, worth no less, and better somewhere or first in the order
  // none, package 0, package 1, ...
  auto beats = [](const Point& q, const Point& p) {
    if (q.cost_cents > p.cost_cents || q.value < p.value) return false;
    if (q.cost_cents < p.cost_cents || q.value > p.value) return true;
    return q.package < p.package;
  };
  std::vector<Point> undominated;
  for (const Point& p : all) {
    bool dominated = false;
    for (const Point& q : all) dominated = dominated || beats(q, p);
    if (!dominated) undominated.push_back(p);
  }
  std::vector<Point> on_hull;
  for (const Point& p : undominated) {
    bool below = false;
    for (const Point& a : undominated) {
      for (const Point& b : undominated) {
        if (!(a.cost_cents < p.cost_cents && p.cost_cents < b.cost_cents)) continue;
        const double width = static_cast<double>(b.cost_cents - a.cost_cents);
        const double chord = a.value * static_cast<double>(b.cost_cents - p.cost_cents) +
                             b.value * static_cast<double>(p.cost_cents - a.cost_cents);
        below = below || p.value * width < chord;
      }
    }
    if (!below) on_hull.push_back(p);
  }
  // In increasing cost: a selection sort, to stay obvious.
  for (std::size_t i = 0; i < on_hull.size(); ++i) {
    for (std::size_t j = i + 1; j < on_hull.size(); ++j) {
      if (on_hull[j].cost_cents < on_hull[i].cost_cents) std::swap(on_hull[i], on_hull[j]);
    }
  }
  return on_hull;
}

Greedy greedy(const KnapsackProblem& problem) {
  const std::size_t n = problem.offsets.size() - 1;
  std::vector<std::vector<Point>> hulls;
  for (std::size_t c = 0; c < n; ++c) {
    hulls.push_back(
        hull(problem.items.subspan(problem.offsets[c], problem.offsets[c + 1] - problem.offsets[c]),
             cents(problem.budget_eur)));
  }
  std::vector<std::size_t> at(n, 0);
  std::vector<bool> stopped(n, false);
  std::int64_t left = cents(problem.budget_eur);
  double lp = 0.0;
  for (std::size_t c = 0; c < n; ++c) lp += hulls[c][0].value;
  bool split_seen = false;
  std::size_t split_candidate = 0, split_point = 0;
  while (true) {
    bool found = false;
    std::size_t best_c = 0;
    double best_efficiency = 0.0;
    for (std::size_t c = 0; c < n; ++c) {
      if (stopped[c] || at[c] + 1 >= hulls[c].size()) continue;
      const Point& from = hulls[c][at[c]];
      const Point& to = hulls[c][at[c] + 1];
      const double efficiency =
          (to.value - from.value) / static_cast<double>(to.cost_cents - from.cost_cents);
      if (!found || efficiency > best_efficiency) {
        found = true;
        best_c = c;
        best_efficiency = efficiency;
      }
    }
    if (!found) break;
    const Point& from = hulls[best_c][at[best_c]];
    const Point& to = hulls[best_c][at[best_c] + 1];
    const std::int64_t cost = to.cost_cents - from.cost_cents;
    if (cost <= left) {
      left -= cost;
      if (!split_seen) lp += to.value - from.value;
      ++at[best_c];
    } else {
      if (!split_seen) {
        split_seen = true;
        split_candidate = best_c;
        split_point = at[best_c] + 1;
        lp += (to.value - from.value) * static_cast<double>(left) / static_cast<double>(cost);
      }
      stopped[best_c] = true;
    }
  }
  auto value_of = [&](const std::vector<std::size_t>& points) {
    double v = 0.0;
    for (std::size_t c = 0; c < n; ++c) v += hulls[c][points[c]].value;
    return v;
  };
  if (split_seen) {
    std::vector<std::size_t> alone(n, 0);
    alone[split_candidate] = split_point;
    if (hulls[split_candidate][split_point].cost_cents <= cents(problem.budget_eur) &&
        value_of(alone) > value_of(at)) {
      at = alone;
    }
  }
  Greedy g;
  for (std::size_t c = 0; c < n; ++c) {
    g.package.push_back(hulls[c][at[c]].package);
    g.cost_cents += hulls[c][at[c]].cost_cents;
  }
  g.value = value_of(at);
  g.lp_value = lp;
  return g;
}

}  // namespace coron::reference_knapsack
