#include "policy/knapsack.hpp"
#include "policy/knapsack_hull.hpp"
#include "reference_knapsack.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <random>
#include <utility>
#include <vector>

// The knapsack solvers against brute force (every choice tried), against a plain greedy
// (reference_knapsack.cpp), and on cases worked by hand.

namespace coron {
namespace {

bool near(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a)); }

struct Instance {
  std::vector<KnapsackItem> items;
  std::vector<std::size_t> offsets{0};
  double budget_eur = 0.0;

  /// A candidate with packages of (cost EUR, value).
  void add(std::initializer_list<std::pair<double, double>> packages) {
    const auto c = static_cast<std::uint32_t>(offsets.size() - 1);
    for (const auto& [cost, value] : packages) items.push_back({c, cost, value});
    offsets.push_back(items.size());
  }
  [[nodiscard]] KnapsackProblem problem() const { return {items, offsets, budget_eur}; }
};

/// Costs in whole euros, some free, some in cents, some on a line through none (equal
/// efficiencies, within a candidate and across candidates); values integers (exact sums, so that ties are
/// real ties) or reals; the budget anywhere from 0 to beyond every package.
Instance random_instance(std::mt19937_64& rng, std::size_t max_candidates, std::size_t max_packages,
                         bool integer_values) {
  std::uniform_int_distribution<std::size_t> candidates(1, max_candidates), packages(0, max_packages);
  std::uniform_int_distribution<int> euros(1, 400), small(-5, 40), kind(0, 9), multiple(1, 4);
  std::uniform_real_distribution<double> real(-3.0, 40.0), share(0.0, 1.1);
  Instance in;
  double total = 0.0;
  // A unit shared by some candidates: equal efficiencies across candidates too.
  const double shared_cost = euros(rng), shared_value = small(rng);
  for (std::size_t c = 0, n = candidates(rng); c < n; ++c) {
    const auto cand = static_cast<std::uint32_t>(c);
    const bool shared = kind(rng) < 5;
    const double unit_cost = shared ? shared_cost : euros(rng),
                 unit_value = shared ? shared_value : small(rng);
    for (std::size_t j = 0, k = packages(rng); j < k; ++j) {
      const int how = kind(rng);
      double cost = euros(rng);
      double value = integer_values ? small(rng) : real(rng);
      if (how == 0) cost = 0.0;
      if (how == 1) cost += std::uniform_int_distribution<int>(0, 99)(rng) / 100.0;
      if (how == 2 || how == 3) {
        const int m = multiple(rng);
        cost = unit_cost * m;
        value = unit_value * m;
      }
      in.items.push_back({cand, cost, value});
      total += cost;
    }
    in.offsets.push_back(in.items.size());
  }
  in.budget_eur = std::round(share(rng) * total * 100.0) / 100.0;
  if (kind(rng) == 0) in.budget_eur = 0.0;
  return in;
}

/// The value and cost of `package` recomputed from the instance.
std::pair<double, std::int64_t> value_and_cost(const Instance& in, const std::vector<std::int32_t>& package) {
  double value = 0.0;
  std::int64_t cost = 0;
  for (std::size_t c = 0; c + 1 < in.offsets.size(); ++c) {
    if (package[c] < 0) continue;
    EXPECT_LT(static_cast<std::size_t>(package[c]), in.offsets[c + 1] - in.offsets[c]);
    const KnapsackItem& item = in.items[in.offsets[c] + static_cast<std::size_t>(package[c])];
    value += item.value;
    cost += reference_knapsack::cents(item.cost_eur);
  }
  return {value, cost};
}

void expect_consistent(const Instance& in, const KnapsackResult& r) {
  ASSERT_EQ(r.package.size(), in.offsets.size() - 1);
  const auto [value, cost] = value_and_cost(in, r.package);
  EXPECT_TRUE(near(r.value, value)) << r.value << " vs " << value;
  EXPECT_EQ(reference_knapsack::cents(r.cost_eur), cost);
  EXPECT_LE(cost, reference_knapsack::cents(in.budget_eur));
  EXPECT_GE(r.gap, 0.0);
  EXPECT_DOUBLE_EQ(r.gap, r.bound - r.value);
}

TEST(Knapsack, ExactEqualsBruteForceAndGreedyIsBoundedByIt) {
  std::mt19937_64 rng(20261130);
  for (int trial = 0; trial < 600; ++trial) {
    const Instance in = random_instance(rng, 6, 4, trial % 2 == 0);
    SCOPED_TRACE(trial);
    const double optimum = reference_knapsack::brute_force_optimum(in.problem());
    const std::optional<KnapsackResult> exact = knapsack_exact(in.problem());
    ASSERT_TRUE(exact.has_value());
    expect_consistent(in, *exact);
    EXPECT_TRUE(near(exact->value, optimum)) << exact->value << " vs " << optimum;
    EXPECT_EQ(exact->gap, 0.0);

    const KnapsackResult greedy = knapsack_greedy(in.problem());
    expect_consistent(in, greedy);
    EXPECT_LE(greedy.value, optimum + 1e-9 * std::max(1.0, optimum));
    EXPECT_LE(optimum, greedy.bound + 1e-9 * std::max(1.0, optimum));
    // The improved greedy is never below half the optimum.
    EXPECT_GE(greedy.value, 0.5 * optimum - 1e-9 * std::max(1.0, optimum));
  }
}

TEST(Knapsack, GreedyAndHullsMatchThePlainReference) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 1500; ++trial) {
    const Instance in = random_instance(rng, trial % 3 == 0 ? 60 : 12, 7, true);
    SCOPED_TRACE(trial);
    std::vector<detail::HullPoint> points(8);
    for (std::size_t c = 0; c + 1 < in.offsets.size(); ++c) {
      const std::span<const KnapsackItem> packages(in.items.data() + in.offsets[c],
                                                   in.offsets[c + 1] - in.offsets[c]);
      const std::int64_t budget = reference_knapsack::cents(in.budget_eur);
      const std::size_t h = detail::upper_hull(packages, budget, points);
      const std::vector<reference_knapsack::Point> expected = reference_knapsack::hull(packages, budget);
      ASSERT_EQ(h, expected.size()) << "candidate " << c;
      for (std::size_t j = 0; j < h; ++j) {
        EXPECT_EQ(points[j].package, expected[j].package);
        EXPECT_EQ(points[j].cost_cents, expected[j].cost_cents);
        EXPECT_EQ(points[j].value, expected[j].value);
      }
    }
    const KnapsackResult greedy = knapsack_greedy(in.problem());
    const reference_knapsack::Greedy expected = reference_knapsack::greedy(in.problem());
    EXPECT_EQ(greedy.package, expected.package);
    EXPECT_TRUE(near(greedy.value, expected.value));
    EXPECT_EQ(reference_knapsack::cents(greedy.cost_eur), expected.cost_cents);
    EXPECT_TRUE(near(greedy.bound, std::max(expected.lp_value, expected.value)))
        << greedy.bound << " vs " << expected.lp_value;
  }
}

// Three candidates (costs in EUR):
//   0: A (100, 10), B (300, 18), C (400, 17)   C is dominated by B (dearer, worth less)
//   1: D (100, 2), E (200, 12), F (300, 15)    D is below the segment none-E (6 at 100): LP-dominated
//   2: G (250, 20)
// Hulls: 0: none, A, B;  1: none, E, F;  2: none, G.
// Moves by efficiency per euro: 0:A 0.10 (100), 2:G 0.08 (250), 1:E 0.06 (200),
//                               0:A->B 0.04 (200), 1:E->F 0.03 (100).
Instance three_candidates(double budget_eur) {
  Instance in;
  in.add({{100, 10}, {300, 18}, {400, 17}});
  in.add({{100, 2}, {200, 12}, {300, 15}});
  in.add({{250, 20}});
  in.budget_eur = budget_eur;
  return in;
}

TEST(Knapsack, HullsOfTheHandCase) {
  const Instance in = three_candidates(0.0);
  const std::int64_t any = 100'000;
  std::vector<detail::HullPoint> points(4);
  ASSERT_EQ(detail::upper_hull(std::span(in.items.data(), 3), any, points), 3u);  // C dominated
  EXPECT_EQ(points[0].package, -1);
  EXPECT_EQ(points[1].package, 0);
  EXPECT_EQ(points[2].package, 1);
  EXPECT_EQ(points[2].cost_cents, 30000);
  ASSERT_EQ(detail::upper_hull(std::span(in.items.data() + 3, 3), any, points), 3u);  // D LP-dominated
  EXPECT_EQ(points[1].package, 1);
  EXPECT_EQ(points[2].package, 2);
  ASSERT_EQ(detail::upper_hull(std::span(in.items.data() + 6, 1), any, points), 2u);
  EXPECT_EQ(points[1].package, 0);
  // Within 299.99 EUR, B is off: the hull of candidate 0 is none, A.
  ASSERT_EQ(detail::upper_hull(std::span(in.items.data(), 3), 29'999, points), 2u);
  EXPECT_EQ(points[1].package, 0);
}

TEST(Knapsack, HandCaseBudget500) {
  // A (left 400), G (left 150); E costs 200: the split move, LP = 10 + 20 + 12 x 150/200 = 39.
  // Then A->B (200) does not fit either. Greedy 30 at 350 EUR; E alone (12) is worth less.
  // The optimum is 32 (G + E, or A + G + D, both 450 EUR).
  const Instance in = three_candidates(500);
  const KnapsackResult g = knapsack_greedy(in.problem());
  EXPECT_EQ(g.package, (std::vector<std::int32_t>{0, -1, 0}));
  EXPECT_DOUBLE_EQ(g.value, 30.0);
  EXPECT_DOUBLE_EQ(g.cost_eur, 350.0);
  EXPECT_DOUBLE_EQ(g.bound, 39.0);
  EXPECT_DOUBLE_EQ(g.gap, 9.0);
  const KnapsackResult e = *knapsack_exact(in.problem());
  EXPECT_DOUBLE_EQ(e.value, 32.0);
  EXPECT_DOUBLE_EQ(e.cost_eur, 450.0);
}

TEST(Knapsack, HandCaseBudget600) {
  // A (left 500), G (left 250), E (left 50); A->B (200) is the split move:
  // LP = 42 + 8 x 50/200 = 44. E->F (100) does not fit. Greedy A + G + E = 42 at 550 EUR,
  // which is the optimum (B + G 38, G + F 35, A + G + F costs 650).
  const Instance in = three_candidates(600);
  const KnapsackResult g = knapsack_greedy(in.problem());
  EXPECT_EQ(g.package, (std::vector<std::int32_t>{0, 1, 0}));
  EXPECT_DOUBLE_EQ(g.value, 42.0);
  EXPECT_DOUBLE_EQ(g.cost_eur, 550.0);
  EXPECT_DOUBLE_EQ(g.bound, 44.0);
  EXPECT_DOUBLE_EQ(knapsack_exact(in.problem())->value, 42.0);
}

TEST(Knapsack, SplitMoveAloneWhenWorthMore) {
  // 0: (1, 2), efficiency 2/EUR;  1: (100, 150), 1.5/EUR. Budget 100: the first move is
  // taken, the second is the split move (LP 2 + 150 x 99/100 = 150.5); greedy 2, alone 150.
  Instance in;
  in.add({{1, 2}});
  in.add({{100, 150}});
  in.budget_eur = 100;
  const KnapsackResult g = knapsack_greedy(in.problem());
  EXPECT_EQ(g.package, (std::vector<std::int32_t>{-1, 0}));
  EXPECT_DOUBLE_EQ(g.value, 150.0);
  EXPECT_DOUBLE_EQ(g.bound, 150.5);
}

TEST(Knapsack, ZeroBudgetTakesOnlyFreePackages) {
  Instance in = three_candidates(0.0);
  in.add({{0, 5}, {0, 7}, {100, 8}});  // the better free package, 7
  in.add({{0, -1}});                   // free but worth less than none
  const KnapsackResult g = knapsack_greedy(in.problem());
  EXPECT_EQ(g.package, (std::vector<std::int32_t>{-1, -1, -1, 1, -1}));
  EXPECT_DOUBLE_EQ(g.value, 7.0);
  EXPECT_DOUBLE_EQ(g.cost_eur, 0.0);
  EXPECT_DOUBLE_EQ(g.bound, 7.0);
  EXPECT_EQ(knapsack_exact(in.problem())->package, g.package);
}

TEST(Knapsack, BudgetAboveEverythingTakesTheBestOfEach) {
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 100; ++trial) {
    Instance in = random_instance(rng, 8, 5, false);
    double best_sum = 0.0, total = 0.0;
    for (std::size_t c = 0; c + 1 < in.offsets.size(); ++c) {
      double best = 0.0;
      for (std::size_t i = in.offsets[c]; i < in.offsets[c + 1]; ++i) {
        best = std::max(best, in.items[i].value);
        total += in.items[i].cost_eur;
      }
      best_sum += best;
    }
    in.budget_eur = total + 1.0;
    const KnapsackResult g = knapsack_greedy(in.problem());
    EXPECT_TRUE(near(g.value, best_sum)) << g.value << " vs " << best_sum;
    EXPECT_EQ(g.gap, 0.0);
    EXPECT_TRUE(near(knapsack_exact(in.problem())->value, best_sum));
  }
}

TEST(Knapsack, EqualEfficienciesGoToTheLowerCandidateThenAlongItsHull) {
  // Every move gives 0.1 per euro; candidate 0's two packages are on one line through none,
  // so both stay on its hull. Order: 0 (to 100), 0 (to 200), 1, 2. Budget 300.
  Instance in;
  in.add({{100, 10}, {200, 20}});
  in.add({{100, 10}});
  in.add({{100, 10}});
  in.budget_eur = 300;
  const KnapsackResult g = knapsack_greedy(in.problem());
  EXPECT_EQ(g.package, (std::vector<std::int32_t>{1, 0, -1}));
  EXPECT_DOUBLE_EQ(g.value, 30.0);
  EXPECT_DOUBLE_EQ(g.bound, 30.0);
  in.budget_eur = 150;  // candidate 0's second move is the split move: LP 10 + 10 x 50/100
  const KnapsackResult h = knapsack_greedy(in.problem());
  EXPECT_EQ(h.package, (std::vector<std::int32_t>{0, -1, -1}));
  EXPECT_DOUBLE_EQ(h.bound, 15.0);
}

TEST(Knapsack, NoCandidates) {
  Instance in;
  in.budget_eur = 10;
  EXPECT_TRUE(knapsack_greedy(in.problem()).package.empty());
  EXPECT_EQ(knapsack_exact(in.problem())->value, 0.0);
}

TEST(Knapsack, ExactRefusesBeyondItsLimits) {
  Instance in;
  in.add({{0.01, 1}});
  in.add({{1e8, 2}});
  in.budget_eur = 1e9;  // 1e10 one-cent steps
  EXPECT_FALSE(knapsack_exact(in.problem()).has_value());
  in.budget_eur = 100;  // 10,001 steps: fine
  EXPECT_DOUBLE_EQ(knapsack_exact(in.problem())->value, 1.0);

  Instance many;
  for (int j = 0; j < 255; ++j) many.items.push_back({0, 1.0, static_cast<double>(j)});
  many.offsets.push_back(many.items.size());
  many.budget_eur = 1;
  EXPECT_FALSE(knapsack_exact(many.problem()).has_value());
  many.items.pop_back();
  many.offsets.back() = many.items.size();
  EXPECT_DOUBLE_EQ(knapsack_exact(many.problem())->value, 253.0);
}

TEST(Knapsack, ExactStepsByTheCommonDivisorOfCosts) {
  // Costs in round thousands: steps of 1000 EUR, so a budget of 10 MEUR is 10,001 cells a
  // candidate, and the optimum is still found.
  Instance in;
  in.add({{1000, 3}, {3000, 10}});
  in.add({{2000, 7}, {5000, 16}});
  in.budget_eur = 6000;
  const KnapsackResult e = *knapsack_exact(in.problem());
  EXPECT_EQ(e.package, (std::vector<std::int32_t>{0, 1}));
  EXPECT_DOUBLE_EQ(e.value, 19.0);
  in.budget_eur = 1e7;
  EXPECT_DOUBLE_EQ(knapsack_exact(in.problem())->value, 26.0);
}

TEST(Knapsack, MiningStockSizeGapWithinOneMove) {
  // 70,000 candidates x 5 packages: the greedy is within one move's value of the LP bound.
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> cost(2000.0, 60000.0), value_per_eur(0.5, 3.0);
  Instance in;
  double total = 0.0;
  for (std::uint32_t c = 0; c < 70000; ++c) {
    for (int j = 0; j < 5; ++j) {
      const double eur = std::round(cost(rng) * 100.0) / 100.0;
      in.items.push_back({c, eur, eur * value_per_eur(rng)});
      total += eur;
    }
    in.offsets.push_back(in.items.size());
  }
  in.budget_eur = std::round(total * 0.05);
  const KnapsackResult g = knapsack_greedy(in.problem());
  expect_consistent(in, g);
  double largest_value = 0.0;
  for (const KnapsackItem& item : in.items) largest_value = std::max(largest_value, item.value);
  EXPECT_GT(g.gap, 0.0);
  EXPECT_LE(g.gap, largest_value);
  EXPECT_LT(g.gap, 1e-3 * g.value);
}

}  // namespace
}  // namespace coron
