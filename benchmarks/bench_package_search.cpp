// The cheapest package to label C for every dwelling of the generated mining stock (70,000
// houses as in 2018), one thread, with the 13 thermal measures of a renovation programme
// (tests/fixtures/works_catalog.hpp). Dwellings searched per second (items_per_second).
#include "fixtures/data_params.hpp"
#include "fixtures/works_catalog.hpp"
#include "fixtures/year_factors.hpp"
#include "mining_stock.hpp"
#include "policy/package_search.hpp"

#include "coron/state.hpp"
#include "coron/works.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <vector>

namespace {

using namespace coron;

using bench::mining_stock;

void BM_package_search_mining_stock(benchmark::State& state) {
  const Stock& stock = mining_stock();
  const DwellingState dwellings = initial_state(stock);
  const ThermalInputs in = thermal_inputs(dwellings);
  const WorksParams works = fixtures::realistic_catalog();
  const PackageSearch search(works, fixtures::data_thermal_params());
  const std::vector<double> cost_factor(works.measures.size(), 1.0);
  const YearFactors year = fixtures::factors_with_electricity(1.9);
  const PackageTarget target = *works.target("C");
  std::size_t reached = 0;
  double cost = 0.0;
  for (auto _ : state) {
    reached = 0;
    cost = 0.0;
    for (std::size_t i = 0; i < in.size(); ++i) {
      PackageRules rules;
      rules.listed_facade = stock.heritage_unesco[i] != 0;
      rules.unfit = stock.structurally_unfit[i] != 0;
      const PackageChoice c = search.cheapest(thermal_row(in, i), rules, fixtures::all_measures(works),
                                              target, year, cost_factor);
      reached += c.reached;
      cost += c.cost_eur;
    }
    benchmark::DoNotOptimize(cost);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
  state.counters["reached_share"] = static_cast<double>(reached) / static_cast<double>(in.size());
  state.counters["mean_cost_eur"] = cost / static_cast<double>(in.size());
}
BENCHMARK(BM_package_search_mining_stock)->UseRealTime()->Unit(benchmark::kMillisecond);

/// The same questions split: the reach sets (once per dwelling), then their pricing (once
/// per dwelling and cost draw).
struct ReachSets {
  std::vector<ReachSet> sets;
  std::vector<ThermalRow> rows;
};

void BM_reach_set_mining_stock(benchmark::State& state) {
  const Stock& stock = mining_stock();
  const DwellingState dwellings = initial_state(stock);
  const ThermalInputs in = thermal_inputs(dwellings);
  const WorksParams works = fixtures::realistic_catalog();
  const PackageSearch search(works, fixtures::data_thermal_params());
  const PackageTarget target = *works.target("C");
  std::size_t kept = 0;
  for (auto _ : state) {
    kept = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
      PackageRules rules;
      rules.listed_facade = stock.heritage_unesco[i] != 0;
      rules.unfit = stock.structurally_unfit[i] != 0;
      kept += search
                  .reach_set(thermal_row(in, i), rules, fixtures::all_measures(works), target,
                             fixtures::factors_with_electricity(1.9))
                  .combinations.size();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
  state.counters["kept_per_dwelling"] = static_cast<double>(kept) / static_cast<double>(in.size());
}
BENCHMARK(BM_reach_set_mining_stock)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_cheapest_in_mining_stock(benchmark::State& state) {
  const Stock& stock = mining_stock();
  const DwellingState dwellings = initial_state(stock);
  const ThermalInputs in = thermal_inputs(dwellings);
  const WorksParams works = fixtures::realistic_catalog();
  const PackageSearch search(works, fixtures::data_thermal_params());
  const PackageTarget target = *works.target("C");
  ReachSets prepared;
  for (std::size_t i = 0; i < in.size(); ++i) {
    PackageRules rules;
    rules.listed_facade = stock.heritage_unesco[i] != 0;
    rules.unfit = stock.structurally_unfit[i] != 0;
    prepared.rows.push_back(thermal_row(in, i));
    prepared.sets.push_back(search.reach_set(prepared.rows.back(), rules, fixtures::all_measures(works),
                                             target, fixtures::factors_with_electricity(1.9)));
  }
  const std::vector<double> cost_factor(works.measures.size(), 1.0);
  double cost = 0.0;
  for (auto _ : state) {
    cost = 0.0;
    for (std::size_t i = 0; i < in.size(); ++i)
      cost += search.cheapest_in(prepared.sets[i], cost_factor, prepared.rows[i])->cost_eur;
    benchmark::DoNotOptimize(cost);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
  state.counters["mean_cost_eur"] = cost / static_cast<double>(in.size());
}
BENCHMARK(BM_cheapest_in_mining_stock)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
