// The hull greedy of the multiple-choice knapsack on the size of the mining basin: 70,000
// candidates with 5 random packages each (costs 2,000 to 60,000 EUR, 0.5 to 3 units of
// value per euro), a budget of a tenth of every package's cost. Packages per second
// (items_per_second), and the gap to the LP bound relative to the value.
#include "policy/knapsack.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using namespace coron;

void BM_knapsack_greedy(benchmark::State& state) {
  const auto candidates = static_cast<std::uint32_t>(state.range(0));
  constexpr int packages = 5;
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> cost(2000.0, 60000.0), value_per_eur(0.5, 3.0);
  std::vector<KnapsackItem> items;
  std::vector<std::size_t> offsets{0};
  double total_eur = 0.0;
  for (std::uint32_t c = 0; c < candidates; ++c) {
    for (int j = 0; j < packages; ++j) {
      const double eur = std::round(cost(rng) * 100.0) / 100.0;
      items.push_back({c, eur, eur * value_per_eur(rng)});
      total_eur += eur;
    }
    offsets.push_back(items.size());
  }
  const KnapsackProblem problem{items, offsets, std::round(total_eur / 10.0)};
  KnapsackResult result;
  for (auto _ : state) {
    result = knapsack_greedy(problem);
    benchmark::DoNotOptimize(result.value);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items.size()));
  state.counters["relative_gap"] = result.gap / result.value;
}
BENCHMARK(BM_knapsack_greedy)->Arg(70'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
