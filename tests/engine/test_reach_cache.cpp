// The run-wide cache of reach sets: one entry per (dwelling, factor set), filled once and
// only for a dwelling's initial row; and a works run gives the same results, to the bit,
// with the cache and without it, on one thread or several.
#include "engine/reach_cache.hpp"
#include "fixtures/collect.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "fixtures/year_factors.hpp"

#include "coron/engine.hpp"
#include "coron/state.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>

namespace coron {
namespace {

const ModelParams& real_params() { return fixtures::data_model_params(); }

using fixtures::factors_with_electricity;

/// A synthetic stock with listed facades and unfit houses among the dwellings.
Stock varied_stock(std::size_t n) {
  Stock s = fixtures::synthetic_stock(n);
  for (std::size_t i = 0; i < n; ++i) {
    s.heritage_unesco[i] = i % 5 == 0 ? 1 : 0;
    s.structurally_unfit[i] = i % 7 == 0 ? 1 : 0;
  }
  return s;
}

/// Houses renovated to C at vacancy, and the whole cité as one operation over the years
/// (so some houses are searched again after works, from a changed row); the electricity
/// factor changes in 2026.
Scenario works_scenario(int replicates) {
  Scenario s;
  s.name = "reach-cache";
  s.seed = 99;
  s.start_year = 2022;
  s.years = 8;
  s.replicates = replicates;
  s.electricity_primary_factor = {{2018, 2.3}, {2026, 1.9}};
  s.output.dwelling_columns = known_dwelling_columns();
  s.output.dwelling_replicates = replicates;
  RenovationOptions& r = s.renovation;
  r.enabled = true;
  r.package.reach = "C";
  r.unfit = RenovationOptions::Unfit::heavy;
  r.at_vacancy.enabled = true;
  r.at_vacancy.label_min = 4;
  OperationSpec op;
  op.start_year = 2024;
  op.years = 5;
  op.cite_ids = {0};
  r.operations = {op};
  return s;
}

TEST(ReachCache, AWorksRunIsTheSameWithAndWithoutTheCache) {
  const Stock stock = varied_stock(3'001);
  const Scenario scenario = works_scenario(4);
  RunOptions uncached;
  uncached.threads = 2;
  uncached.cache_reach_sets = false;
  const Results want = fixtures::run_collect(scenario, stock, real_params(), uncached);
  std::size_t works = 0;
  for (const ReplicateRecord& rec : want.replicates) works += rec.works.size();
  EXPECT_GE(works, 4u * 1'000u);  // enough works for the comparison to mean something
  for (const int threads : {1, 2, 4}) {
    RunOptions cached;
    cached.threads = threads;
    const Results got = fixtures::run_collect(scenario, stock, real_params(), cached);
    EXPECT_TRUE(got == want) << threads << " threads";
  }
  RunOptions serial;
  serial.execution = Execution::serial;
  EXPECT_TRUE(fixtures::run_collect(scenario, stock, real_params(), serial) == want);
}

TEST(ReachCache, OneEntryPerDwellingAndFactorSetForTheInitialRowOnly) {
  const Stock stock = varied_stock(50);
  const ModelParams& params = real_params();
  const PackageSearch search(params.works, params.thermal);
  const engine::ReachCache cache(stock, true);
  const DwellingState state = initial_state(stock);
  const ThermalInputs in = thermal_inputs(state);
  const PackageTarget target = *params.works.target("C");
  const std::int32_t allowed = (std::int32_t{1} << params.works.measures.size()) - 1;
  const PackageRules rules;

  const auto before = cache.factor_set(factors_with_electricity(2.3));
  const auto after = cache.factor_set(factors_with_electricity(1.9));
  ASSERT_TRUE(before.has_value() && after.has_value());
  EXPECT_NE(*before, *after);
  EXPECT_EQ(cache.factor_set(factors_with_electricity(2.3)), before);  // the same bits, the same entries

  const ThermalRow row = thermal_row(in, 3);
  const ReachSet* first =
      cache.find(*before, 3, row, search, rules, allowed, target, factors_with_electricity(2.3));
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(cache.find(*before, 3, row, search, rules, allowed, target, factors_with_electricity(2.3)),
            first);
  const ReachSet direct = search.reach_set(row, rules, allowed, target, factors_with_electricity(2.3));
  ASSERT_EQ(first->combinations.size(), direct.combinations.size());
  for (std::size_t c = 0; c < direct.combinations.size(); ++c) {
    EXPECT_EQ(first->combinations[c].measures, direct.combinations[c].measures);
    EXPECT_EQ(first->combinations[c].cep, direct.combinations[c].cep);
  }
  EXPECT_NE(cache.find(*after, 3, row, search, rules, allowed, target, factors_with_electricity(1.9)), first);

  ThermalRow renovated = row;
  renovated.u_roof_w_per_m2k *= 0.5;  // one column changed: not the initial row any more
  EXPECT_EQ(cache.find(*before, 3, renovated, search, rules, allowed, target, factors_with_electricity(2.3)),
            nullptr);
  EXPECT_EQ(cache.find(*before, 4, row, search, rules, allowed, target, factors_with_electricity(2.3)),
            nullptr)
      << "dwelling 3's row is not dwelling 4's";

  const engine::ReachCache disabled(stock, false);
  EXPECT_FALSE(disabled.factor_set(factors_with_electricity(2.3)).has_value());
}

/// works_scenario with a yearly budget shared out by the optimal allocation: the points of
/// a budget sweep.
Scenario budget_scenario(int replicates, double eur_per_yr) {
  Scenario s = works_scenario(replicates);
  s.renovation.allocation.budget_eur_per_yr = {{2022, eur_per_yr}};
  s.renovation.allocation.rule = AllocationSpec::Rule::optimal;
  return s;
}

TEST(ReachCache, RunsOfOtherBudgetsSharingOneCacheGetWhatEachGetsAlone) {
  // Two replicates: alone, each run searches every package directly (below
  // min_replicates); shared, the second budget prices sets the first one computed.
  const Stock stock = varied_stock(3'001);
  const std::shared_ptr<const engine::ReachCache> shared = make_shared_reach_sets(stock);
  for (const double budget : {1.5e6, 6e6, 1.5e6}) {
    const Scenario scenario = budget_scenario(2, budget);
    RunOptions alone;
    alone.threads = 2;
    RunOptions sharing = alone;
    sharing.reach_sets = shared;
    const Results want = fixtures::run_collect(scenario, stock, real_params(), alone);
    EXPECT_GE(want.replicates.at(0).works.size(), 300u) << budget;  // the budget does buy works
    EXPECT_TRUE(fixtures::run_collect(scenario, stock, real_params(), sharing) == want) << budget;
  }
  // The shared cache did hold sets: the first factor set is registered.
  EXPECT_EQ(shared->factor_set(factors_with_electricity(2.3)), std::optional<std::size_t>(0));
}

TEST(ReachCache, ACacheAnswersOnlyTheQuestionsItFirstServed) {
  const Stock stock = varied_stock(20);
  const Stock other = varied_stock(20);
  const ModelParams& params = real_params();
  const engine::ReachCache cache(stock, true);
  engine::ReachCache::Questions c;
  c.works = &params.works;
  c.thermal = &params.thermal;
  c.target = "C";
  c.label_max = 2;
  c.allowed = 0x3ff;
  EXPECT_TRUE(cache.adopt(stock, c));
  EXPECT_TRUE(cache.adopt(stock, c));
  EXPECT_FALSE(cache.adopt(other, c));  // an equal stock elsewhere: rows are compared with `stock`
  engine::ReachCache::Questions b = c;
  b.target = "B";
  b.label_max = 1;
  EXPECT_FALSE(cache.adopt(stock, b));
  engine::ReachCache::Questions relaxed = c;
  relaxed.heritage_strict = false;
  EXPECT_FALSE(cache.adopt(stock, relaxed));
  engine::ReachCache::Questions rebuild = c;
  rebuild.unfit = RenovationOptions::Unfit::rebuild;
  EXPECT_FALSE(cache.adopt(stock, rebuild));
  EXPECT_TRUE(cache.adopt(stock, c));  // still the first questions'

  // A run of other questions given the cache keeps its own and gets its own results.
  const Stock runs = varied_stock(1'001);
  const std::shared_ptr<const engine::ReachCache> shared = make_shared_reach_sets(runs);
  RunOptions sharing;
  sharing.reach_sets = shared;
  (void)fixtures::run_collect(budget_scenario(2, 1e6), runs, params, sharing);  // fixes "C"
  Scenario to_b = budget_scenario(2, 1e6);
  to_b.renovation.package.reach = "B";
  EXPECT_TRUE(fixtures::run_collect(to_b, runs, params, sharing) ==
              fixtures::run_collect(to_b, runs, params, RunOptions{}));
}

}  // namespace
}  // namespace coron
