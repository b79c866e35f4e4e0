// Grouping a year's candidate dwellings by cité (engine/cite_grouping.hpp), against a
// hand case and a plain recomputation over a varied population.
#include "engine/cite_grouping.hpp"
#include "fixtures/synthetic_stock.hpp"

#include "coron/rng.hpp"
#include "coron/state.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace coron {
namespace {

/// n houses in `cites` cités, cité of house i drawn; incomes, labels, occupancy varied.
struct Population {
  Stock stock;
  DwellingState state;
};

Population population(std::size_t n, std::size_t cites, std::uint64_t seed) {
  Population p;
  p.stock = fixtures::synthetic_stock(n, seed);
  p.stock.cites.name.assign(cites, "Cité");
  p.stock.cites.communes.assign(cites, "Lens");
  p.stock.cites.epci.assign(cites, "CA de Lens-Liévin");
  p.stock.cites.category.assign(cites, 0);
  p.stock.cites.dwellings.assign(cites, 0);
  p.stock.cites.heritage_unesco.assign(cites, 0);
  p.stock.cites.qpv.assign(cites, 0);
  p.state = initial_state(p.stock);
  for (std::size_t i = 0; i < n; ++i) {
    const RngKey key{seed, 3, 0, i, Stream::works_cost};
    p.stock.cite_id[i] = static_cast<std::int32_t>(key.bits(0) % cites);
    p.stock.qpv[i] = key.uniform(1) < 0.3 ? 1 : 0;
    p.stock.heritage_unesco[i] = key.uniform(2) < 0.4 ? 1 : 0;
    p.stock.structurally_unfit[i] = key.uniform(3) < 0.1 ? 1 : 0;
    p.state.occupied[i] = key.uniform(4) < 0.8 ? 1 : 0;
    p.state.income_per_cu_eur[i] = 6000.0 + 20000.0 * key.uniform(5);
    p.state.fuel_poor[i] = key.uniform(6) < 0.25 ? 1 : 0;
    p.state.label[i] = static_cast<std::uint8_t>(key.bits(7) % 7);
    p.state.primary_energy_kwh_m2[i] = 80.0 + 500.0 * key.uniform(8);
  }
  return p;
}

/// The candidates' fuel-poverty flags, taken here from the state's column.
std::vector<std::uint8_t> fuel_poor_of(const Population& p, const std::vector<std::size_t>& candidates) {
  std::vector<std::uint8_t> out;
  for (const std::size_t i : candidates) out.push_back(p.state.fuel_poor[i]);
  return out;
}

TEST(CiteGrouping, GroupsInOrderOfFirstCandidateAndSumsThePackages) {
  // Candidates: houses 5 (cité 2), 1 (cité 0), 7 (cité 2), 3 (cité 1), 0 (cité 0); two
  // packages each, costs 10 x candidate + package, outcomes 100 x candidate + package.
  // Groups: cité 2 {5, 7}, cité 0 {1, 0}, cité 1 {3}.
  Population p = population(8, 3, 1);
  p.stock.cite_id = {0, 0, 1, 1, 2, 2, 0, 2};
  const std::vector<std::size_t> candidates = {5, 1, 7, 3, 0};
  std::vector<double> cost, outcome;
  for (std::size_t c = 0; c < candidates.size(); ++c)
    for (std::size_t k = 0; k < 2; ++k) {
      cost.push_back(10.0 * static_cast<double>(c) + static_cast<double>(k));
      outcome.push_back(100.0 * static_cast<double>(c) + static_cast<double>(k));
    }
  engine::CiteGrouping g;
  engine::CandidatePackages packages;
  const CandidateFacts facts = engine::group_by_cite(
      p.state, p.stock, candidates, fuel_poor_of(p, candidates), {2, cost, outcome}, 11250.0, g, packages);
  ASSERT_EQ(g.groups(), 3U);
  EXPECT_EQ(g.first, (std::vector<std::size_t>{0, 2, 4, 5}));
  EXPECT_EQ(g.members, (std::vector<std::size_t>{0, 2, 1, 4, 3}));  // candidate indices
  // Cité 2: candidates 0 and 2: costs 0 + 20, 1 + 21; outcomes 0 + 200, 1 + 201.
  EXPECT_EQ(packages.per_candidate, 2U);
  EXPECT_EQ(std::vector<double>(packages.cost_eur.begin(), packages.cost_eur.end()),
            (std::vector<double>{20.0, 22.0, 50.0, 52.0, 30.0, 31.0}));
  EXPECT_EQ(std::vector<double>(packages.outcome.begin(), packages.outcome.end()),
            (std::vector<double>{200.0, 202.0, 500.0, 502.0, 300.0, 301.0}));
  EXPECT_EQ(std::vector<double>(facts.cost_eur.begin(), facts.cost_eur.end()),
            (std::vector<double>{20.0, 50.0, 30.0}));
  EXPECT_EQ(std::vector<double>(facts.outcome.begin(), facts.outcome.end()),
            (std::vector<double>{200.0, 500.0, 300.0}));
}

TEST(CiteGrouping, FactsAreThoseOfTheCandidatesOnlyOverAVariedPopulation) {
  // Every second house is a candidate; a cité's facts count its candidates, not its other
  // houses: recomputed plainly, cité by cité.
  const double poverty_line = 11250.0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const Population p = population(300, 7, seed);
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < 300; i += 2) candidates.push_back(i);
    const std::vector<double> cost(candidates.size(), 1.0), outcome(candidates.size(), 2.0);
    engine::CiteGrouping g;
    engine::CandidatePackages packages;
    const CandidateFacts facts =
        engine::group_by_cite(p.state, p.stock, candidates, fuel_poor_of(p, candidates), {1, cost, outcome},
                              poverty_line, g, packages);
    std::vector<std::int32_t> seen;
    for (const std::size_t i : candidates)
      if (std::find(seen.begin(), seen.end(), p.stock.cite_id[i]) == seen.end())
        seen.push_back(p.stock.cite_id[i]);
    ASSERT_EQ(g.groups(), seen.size());
    for (std::size_t group = 0; group < seen.size(); ++group) {
      double houses = 0, households = 0, poor = 0, fuel_poor = 0, qpv = 0, label = 0, heritage = 0, unfit = 0;
      double kwh = 0, area = 0;
      for (const std::size_t i : candidates) {
        if (p.stock.cite_id[i] != seen[group]) continue;
        houses += 1;
        if (p.state.occupied[i] != 0) {
          households += 1;
          if (p.state.income_per_cu_eur[i] < poverty_line) poor += 1;
          if (p.state.fuel_poor[i] != 0) fuel_poor += 1;
        }
        qpv += p.stock.qpv[i];
        label += p.state.label[i];
        heritage += p.stock.heritage_unesco[i];
        unfit += p.stock.structurally_unfit[i];
        kwh += p.state.primary_energy_kwh_m2[i] * p.state.floor_area_m2[i];
        area += p.state.floor_area_m2[i];
      }
      SCOPED_TRACE(testing::Message() << "seed " << seed << " group " << group);
      EXPECT_DOUBLE_EQ(facts.poor_share[group], households > 0 ? poor / households : 0.0);
      EXPECT_DOUBLE_EQ(facts.fuel_poor_share[group], households > 0 ? fuel_poor / households : 0.0);
      EXPECT_DOUBLE_EQ(facts.qpv_share[group], qpv / houses);
      EXPECT_DOUBLE_EQ(facts.label[group], label / houses);
      EXPECT_DOUBLE_EQ(facts.heritage_share[group], heritage / houses);
      EXPECT_DOUBLE_EQ(facts.unfit_share[group], unfit / houses);
      EXPECT_DOUBLE_EQ(facts.primary_energy_kwh_m2[group], kwh / area);
      EXPECT_DOUBLE_EQ(facts.cost_eur[group], houses);
      EXPECT_DOUBLE_EQ(facts.outcome[group], 2.0 * houses);
    }
  }
}

}  // namespace
}  // namespace coron
