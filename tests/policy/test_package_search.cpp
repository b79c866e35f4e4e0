#include "fixtures/data_params.hpp"
#include "fixtures/works_catalog.hpp"
#include "fixtures/year_factors.hpp"
#include "policy/package_search.hpp"
#include "reference_works.hpp"
#include "thermal/thermal_fixture.hpp"

#include "coron/thermal.hpp"
#include "coron/works.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <vector>

// The cheapest-package search against brute force: every subset of the catalog with at
// most one measure per component, each applied by the reference (reference_works.cpp) and
// evaluated, the cheapest reaching the target kept (ties: lower Cep, then lower bit set),
// or the lowest Cep when none does; money in whole cents, each measure's cost rounded.
// Then the rules, one by one.

namespace coron {
namespace {

const ThermalParams& params() { return fixtures::data_thermal_params(); }

using fixtures::factors_with_electricity;

struct Evaluated {
  double cep = 0.0, eges = 0.0;
  std::uint8_t label = 0;
};

Evaluated evaluate_row(const ThermalRow& row, const YearFactors& y) {
  ThermalInputs in;
#define CORON_ONE_ROW(T, name, unit, spec, text) in.name = std::span<const T>(&row.name, 1);
  CORON_THERMAL_COLUMNS(CORON_ONE_ROW)
#undef CORON_ONE_ROW
  double need = 0, final_kwh = 0, heating = 0, backup = 0, dhw = 0, other = 0;
  Evaluated e;
  evaluate_thermal(in, params(), y,
                   {{&need, 1},
                    {&final_kwh, 1},
                    {&heating, 1},
                    {&backup, 1},
                    {&dhw, 1},
                    {&other, 1},
                    {&e.cep, 1},
                    {&e.eges, 1},
                    {&e.label, 1}},
                   0, 1);
  return e;
}

struct BruteChoice {
  bool reached = false;
  std::int32_t measures = 0;
  std::int64_t cents = 0;  // each measure's cost rounded to the cent, then added
  double cep = std::numeric_limits<double>::infinity();
  ThermalRow after;
};

/// Every valid subset, evaluated.
BruteChoice brute_force(const WorksParams& w, const ThermalRow& row, const PackageRules& rules,
                        std::int32_t allowed, const PackageTarget& target, const YearFactors& y,
                        const std::vector<double>& factor) {
  const std::size_t n = w.measures.size();
  std::optional<std::size_t> heavy, rebuild;
  for (std::size_t k = 0; k < n; ++k) {
    if (w.measures[k].component != Component::structure) continue;
    if (w.measures[k].rebuild && !rebuild) rebuild = k;
    if (!w.measures[k].rebuild && !heavy) heavy = k;
  }
  std::vector<std::int32_t> subsets;
  if (rules.unfit && rules.unfit_works == RenovationOptions::Unfit::rebuild) {
    subsets.push_back(std::int32_t{1} << *rebuild);
  } else {
    for (std::int32_t s = 0; s < (std::int32_t{1} << n); ++s) {
      bool valid = true;
      std::array<int, component_count> per_component{};
      for (std::size_t k = 0; k < n && valid; ++k) {
        if ((s >> k & 1) == 0) continue;
        const Measure& m = w.measures[k];
        valid = m.component != Component::structure && (allowed >> k & 1) != 0 &&
                !(rules.listed_facade && m.component == Component::wall && m.from_outside) &&
                reference_works::improves(m, row) &&
                ++per_component[static_cast<std::size_t>(m.component)] == 1;
      }
      if (!valid) continue;
      subsets.push_back(rules.unfit ? s | std::int32_t{1} << *heavy : s);
    }
  }
  BruteChoice best;
  bool any = false;
  for (const std::int32_t s : subsets) {
    ThermalRow after = row;
    for (std::size_t k = 0; k < n; ++k)
      if ((s >> k & 1) != 0) after = reference_works::apply(w.measures[k], w.rebuilt, after);
    std::int64_t cost = 0;
    for (std::size_t k = 0; k < n; ++k)
      if ((s >> k & 1) != 0)
        cost += std::llround(reference_works::cost(w.measures[k], row) * factor[k] * 100.0);
    const Evaluated e = evaluate_row(after, y);
    const bool reached = e.label <= target.label_max && e.cep <= target.primary_energy_max_kwh_m2;
    bool better;
    if (!any) {
      better = true;
    } else if (reached != best.reached) {
      better = reached;
    } else if (reached) {
      better = cost < best.cents ||
               (cost == best.cents && (e.cep < best.cep || (e.cep == best.cep && s < best.measures)));
    } else {
      better = e.cep < best.cep ||
               (e.cep == best.cep && (cost < best.cents || (cost == best.cents && s < best.measures)));
    }
    if (better) best = {reached, s, cost, e.cep, after};
    any = true;
  }
  return best;
}

PackageTarget label_target(std::uint8_t label, double cep_max = std::numeric_limits<double>::infinity()) {
  PackageTarget t;
  t.label_max = label;
  t.primary_energy_max_kwh_m2 = cep_max;
  return t;
}

std::int32_t bit_of(const WorksParams& w, const char* name) { return std::int32_t{1} << *w.find(name); }

bool close(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::fmax(1.0, std::fabs(b)); }

TEST(PackageSearch, CheapestMatchesBruteForceOnRandomCases) {
  const WorksParams works = fixtures::small_catalog();
  const PackageSearch search(works, params());
  const test::Columns population = test::varied_population(600);
  const ThermalInputs in = population.inputs();
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::size_t reached = 0, unreachable = 0, listed = 0, unfit = 0, non_empty = 0, ties = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    std::vector<double> factor(works.measures.size());
    for (double& f : factor) f = 0.7 + 0.7 * unit(rng);
    // Exact ties: every envelope measure free in one case out of ten, so that dozens of
    // combinations share the cheapest reaching cost (more than one kernel batch).
    if (i % 10 == 0)
      for (const char* free : {"wall_outside", "wall_inside", "attic", "roof_slopes", "floor", "windows"})
        factor[*works.find(free)] = 0.0;
    std::int32_t allowed = 0;
    for (std::size_t k = 0; k < works.measures.size(); ++k)
      if (unit(rng) < 0.85) allowed |= std::int32_t{1} << k;
    PackageRules rules;
    rules.listed_facade = unit(rng) < 0.3;
    rules.unfit = unit(rng) < 0.15;
    rules.unfit_works = unit(rng) < 0.5 ? RenovationOptions::Unfit::heavy : RenovationOptions::Unfit::rebuild;
    const auto label = static_cast<std::uint8_t>(rng() % 5);
    const PackageTarget target =
        unit(rng) < 0.3 ? label_target(label, 60.0 + 200.0 * unit(rng)) : label_target(label);
    const YearFactors y = factors_with_electricity(unit(rng) < 0.5 ? 2.3 : 1.9);

    const PackageChoice got = search.cheapest(row, rules, allowed, target, y, factor);
    const BruteChoice want = brute_force(works, row, rules, allowed, target, y, factor);
    ASSERT_EQ(got.reached, want.reached) << "dwelling " << i;
    ASSERT_EQ(got.measures, want.measures)
        << "dwelling " << i << ", cost " << got.cost_eur << " vs " << static_cast<double>(want.cents) / 100.0;
    EXPECT_EQ(got.cost_eur, static_cast<double>(want.cents) / 100.0) << "dwelling " << i;
    EXPECT_TRUE(close(got.primary_after_kwh_m2, want.cep)) << "dwelling " << i;
    const Evaluated after = evaluate_row(want.after, y);
    EXPECT_EQ(got.label_after, after.label);
    EXPECT_TRUE(close(got.ghg_after_kg_m2, after.eges));
    EXPECT_TRUE(close(got.after.floor_area_m2, want.after.floor_area_m2));
    EXPECT_EQ(got.after.heating_system, want.after.heating_system);
    (want.reached ? reached : unreachable) += 1;
    listed += rules.listed_facade;
    unfit += rules.unfit;
    non_empty += want.measures != 0;
    ties += i % 10 == 0 && want.reached;
  }
  EXPECT_GE(reached, 100u);
  EXPECT_GE(unreachable, 50u);
  EXPECT_GE(listed, 100u);
  EXPECT_GE(unfit, 50u);
  EXPECT_GE(non_empty, 400u);
  EXPECT_GE(ties, 20u);
}

TEST(PackageSearch, ListedFacadeNeverGetsOutsideInsulation) {
  const WorksParams works = fixtures::realistic_catalog();
  const PackageSearch search(works, params());
  const test::Columns population = test::varied_population(400);
  const ThermalInputs in = population.inputs();
  const std::vector<double> factor(works.measures.size(), 1.0);
  const std::int32_t outside = bit_of(works, "wall_outside");
  // Outside insulation made cheap: chosen whenever the facade is free, never when it is listed.
  WorksParams cheap_outside = works;
  cheap_outside.measures[*works.find("wall_outside")].cost = {0.0, 1.0, CostBasis::wall_area, 1.0, 1.0};
  const PackageSearch cheap_search(cheap_outside, params());
  std::size_t free_outside = 0, lined_instead = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    PackageRules free_rules, listed_rules;
    listed_rules.listed_facade = true;
    const PackageTarget target = label_target(2);
    const PackageChoice free = cheap_search.cheapest(row, free_rules, fixtures::all_measures(works), target,
                                                     factors_with_electricity(1.9), factor);
    const PackageChoice listed = cheap_search.cheapest(row, listed_rules, fixtures::all_measures(works),
                                                       target, factors_with_electricity(1.9), factor);
    EXPECT_EQ(listed.measures & outside, 0) << "dwelling " << i;
    free_outside += (free.measures & outside) != 0;
    lined_instead += (free.measures & outside) != 0 && (listed.measures & bit_of(works, "wall_inside")) != 0;
    // The explicit list on a listed facade: the outside insulation becomes the inside lining.
    const PackageChoice explicit_list = search.listed(row, listed_rules, outside | bit_of(works, "attic"),
                                                      factors_with_electricity(1.9), factor);
    EXPECT_EQ(explicit_list.measures & outside, 0);
    if (row.u_wall_w_per_m2k > 0.30) {
      EXPECT_NE(explicit_list.measures & bit_of(works, "wall_inside"), 0);
    }
  }
  EXPECT_GE(free_outside, 100u);
  EXPECT_GE(lined_instead, 50u);
}

TEST(PackageSearch, UnfitDwellingsAlwaysCarryTheStructureMeasure) {
  const WorksParams works = fixtures::realistic_catalog();
  const PackageSearch search(works, params());
  const test::Columns population = test::varied_population(200);
  const ThermalInputs in = population.inputs();
  const std::vector<double> factor(works.measures.size(), 1.1);
  const std::int32_t heavy = bit_of(works, "heavy_structure"), rebuild = bit_of(works, "rebuild");
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    PackageRules rules;
    rules.unfit = true;
    rules.unfit_works = RenovationOptions::Unfit::heavy;
    // Even when the dwelling is already at the target: the heavy works come anyway.
    for (const std::uint8_t label : {std::uint8_t{6}, std::uint8_t{2}}) {
      const PackageChoice got = search.cheapest(row, rules, fixtures::all_measures(works),
                                                label_target(label), factors_with_electricity(2.3), factor);
      EXPECT_NE(got.measures & heavy, 0) << "dwelling " << i;
      EXPECT_EQ(got.measures & rebuild, 0);
      EXPECT_GE(got.cost_eur,
                measure_cost_eur(works.measures[*works.find("heavy_structure")], row) * 1.1 - 0.005);
    }
    const PackageChoice listed =
        search.listed(row, rules, bit_of(works, "attic"), factors_with_electricity(2.3), factor);
    EXPECT_NE(listed.measures & heavy, 0);
    // Rebuilding replaces every other measure.
    rules.unfit_works = RenovationOptions::Unfit::rebuild;
    const PackageChoice rebuilt = search.cheapest(row, rules, fixtures::all_measures(works), label_target(2),
                                                  factors_with_electricity(2.3), factor);
    EXPECT_EQ(rebuilt.measures, rebuild);
    EXPECT_DOUBLE_EQ(rebuilt.after.u_wall_w_per_m2k, works.rebuilt.u_wall_w_per_m2k);
    EXPECT_NEAR(rebuilt.cost_eur, measure_cost_eur(works.measures[*works.find("rebuild")], row) * 1.1, 0.005);
    EXPECT_EQ(
        search.listed(row, rules, bit_of(works, "attic"), factors_with_electricity(2.3), factor).measures,
        rebuild);
  }
}

TEST(PackageSearch, UnreachableTargetGivesTheLowestCep) {
  const WorksParams works = fixtures::small_catalog();
  const PackageSearch search(works, params());
  const test::Columns population = test::varied_population(60);
  const ThermalInputs in = population.inputs();
  const std::vector<double> factor(works.measures.size(), 1.0);
  const PackageTarget impossible = label_target(0, 1.0);  // A and 1 kWh/m2: no house gets there
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    const PackageRules rules;
    const PackageChoice got = search.cheapest(row, rules, fixtures::all_measures(works), impossible,
                                              factors_with_electricity(2.3), factor);
    EXPECT_FALSE(got.reached);
    // Lowest over every combination, by brute force.
    const BruteChoice want = brute_force(works, row, rules, fixtures::all_measures(works), impossible,
                                         factors_with_electricity(2.3), factor);
    EXPECT_EQ(got.measures, want.measures);
    EXPECT_TRUE(close(got.primary_after_kwh_m2, want.cep));
    EXPECT_LT(got.primary_after_kwh_m2, evaluate_row(row, factors_with_electricity(2.3)).cep);
  }
}

TEST(PackageSearch, ADwellingAlreadyAtTheTargetGetsNothing) {
  const WorksParams works = fixtures::realistic_catalog();
  const PackageSearch search(works, params());
  const test::Columns population = test::varied_population(50);
  const ThermalInputs in = population.inputs();
  const std::vector<double> factor(works.measures.size(), 1.0);
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    const Evaluated now = evaluate_row(row, factors_with_electricity(2.3));
    const PackageChoice got = search.cheapest(row, PackageRules{}, fixtures::all_measures(works),
                                              label_target(now.label), factors_with_electricity(2.3), factor);
    EXPECT_TRUE(got.reached);
    EXPECT_EQ(got.measures, 0);
    EXPECT_EQ(got.cost_eur, 0.0);
    EXPECT_DOUBLE_EQ(got.primary_after_kwh_m2, now.cep);
  }
}

TEST(PackageSearch, ListedKeepsOnlyWhatImproves) {
  const WorksParams works = fixtures::realistic_catalog();
  const PackageSearch search(works, params());
  ThermalRow row = thermal_row(test::varied_population(1).inputs(), 0);
  row.u_roof_w_per_m2k = 0.1;  // better than the attic insulation
  row.u_wall_w_per_m2k = 2.0;
  const std::vector<double> factor(works.measures.size(), 2.0);
  const std::int32_t asked = bit_of(works, "attic") | bit_of(works, "wall_outside");
  const PackageChoice got = search.listed(row, PackageRules{}, asked, factors_with_electricity(1.9), factor);
  EXPECT_EQ(got.measures, bit_of(works, "wall_outside"));
  EXPECT_TRUE(got.reached);
  EXPECT_NEAR(got.cost_eur, 2.0 * measure_cost_eur(works.measures[*works.find("wall_outside")], row), 0.005);
  EXPECT_DOUBLE_EQ(got.after.u_wall_w_per_m2k, 0.22);
  EXPECT_DOUBLE_EQ(got.primary_after_kwh_m2, evaluate_row(got.after, factors_with_electricity(1.9)).cep);
}

}  // namespace
}  // namespace coron

namespace coron {
namespace {

/// Bitwise equality of two choices, the row after the works included.
bool same_choice(const PackageChoice& a, const PackageChoice& b) {
  bool same =
      a.measures == b.measures && a.cost_eur == b.cost_eur && a.reached == b.reached &&
      a.primary_after_kwh_m2 == b.primary_after_kwh_m2 && a.ghg_after_kg_m2 == b.ghg_after_kg_m2 &&
      a.final_after_kwh == b.final_after_kwh && a.heating_final_after_kwh == b.heating_final_after_kwh &&
      a.dhw_final_after_kwh == b.dhw_final_after_kwh &&
      a.electricity_other_after_kwh == b.electricity_other_after_kwh && a.label_after == b.label_after;
#define CORON_SAME_COLUMN(T, name, unit, spec, text) same = same && a.after.name == b.after.name;
  CORON_THERMAL_COLUMNS(CORON_SAME_COLUMN)
#undef CORON_SAME_COLUMN
  return same;
}

// One reach set per dwelling, priced under many cost draws: each price is the brute
// force's choice and, to the bit, the walk's. One draw in four makes every fixed-cost
// measure cost exactly 1,000 EUR, so that combinations tie on cost and the Cep and bit
// set decide.
TEST(PackageSearch, ReachSetPricedUnderManyCostsMatchesBruteForce) {
  const WorksParams works = fixtures::small_catalog();
  const PackageSearch search(works, params());
  const test::Columns population = test::varied_population(240);
  const ThermalInputs in = population.inputs();
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::size_t priced = 0, reached = 0, unreachable = 0, cost_ties = 0, kept_many = 0, rebuilt = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    std::int32_t allowed = 0;
    for (std::size_t k = 0; k < works.measures.size(); ++k)
      if (unit(rng) < 0.85) allowed |= std::int32_t{1} << k;
    PackageRules rules;
    rules.listed_facade = unit(rng) < 0.3;
    rules.unfit = unit(rng) < 0.15;
    rules.unfit_works = unit(rng) < 0.5 ? RenovationOptions::Unfit::heavy : RenovationOptions::Unfit::rebuild;
    const auto label = static_cast<std::uint8_t>(rng() % 5);
    const PackageTarget target =
        unit(rng) < 0.3 ? label_target(label, 60.0 + 200.0 * unit(rng)) : label_target(label);
    const YearFactors y = factors_with_electricity(unit(rng) < 0.5 ? 2.3 : 1.9);
    const ReachSet set = search.reach_set(row, rules, allowed, target, y);
    ASSERT_FALSE(set.combinations.empty());
    kept_many += set.combinations.size() > 1;
    rebuilt += set.rebuild;
    for (int draw = 0; draw < 12; ++draw) {
      std::vector<double> factor(works.measures.size());
      for (double& f : factor) f = 0.3 + 1.7 * unit(rng);
      if (draw % 4 == 0)
        for (std::size_t k = 0; k < works.measures.size(); ++k)
          if (works.measures[k].cost.basis == CostBasis::none)
            factor[k] = 1000.0 / works.measures[k].cost.fixed_eur;
      const std::optional<PackageChoice> got = search.cheapest_in(set, factor, row);
      ASSERT_TRUE(got.has_value()) << "dwelling " << i;  // every measure costs more than a cent here
      const BruteChoice want = brute_force(works, row, rules, allowed, target, y, factor);
      ASSERT_EQ(got->reached, want.reached) << "dwelling " << i << ", draw " << draw;
      ASSERT_EQ(got->measures, want.measures) << "dwelling " << i << ", draw " << draw;
      EXPECT_EQ(got->cost_eur, static_cast<double>(want.cents) / 100.0);
      EXPECT_TRUE(close(got->primary_after_kwh_m2, want.cep));
      EXPECT_TRUE(close(got->after.floor_area_m2, want.after.floor_area_m2));
      EXPECT_TRUE(same_choice(*got, search.cheapest(row, rules, allowed, target, y, factor)))
          << "dwelling " << i << ", draw " << draw;
      ++priced;
      (want.reached ? reached : unreachable) += 1;
      cost_ties += draw % 4 == 0 && want.reached && (want.measures & ~set.structure) != 0;
    }
  }
  EXPECT_GE(priced, 2000u);
  EXPECT_GE(reached, 800u);
  EXPECT_GE(unreachable, 300u);
  EXPECT_GE(cost_ties, 100u);
  EXPECT_GE(kept_many, 60u);
  EXPECT_GE(rebuilt, 5u);
}

// A set keeps only what can win: every kept reaching combination loses its reach when any
// one chosen measure is taken out, and every reaching combination contains a kept one.
TEST(PackageSearch, ReachSetKeepsExactlyTheMinimalReachingCombinations) {
  const WorksParams works = fixtures::small_catalog();
  const PackageSearch search(works, params());
  const test::Columns population = test::varied_population(80);
  const ThermalInputs in = population.inputs();
  const std::vector<double> unit_cost(works.measures.size(), 1.0);
  std::size_t checked = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    const PackageTarget target = label_target(static_cast<std::uint8_t>(i % 4));
    const PackageRules rules;
    const std::int32_t allowed = fixtures::all_measures(works);
    const ReachSet set = search.reach_set(row, rules, allowed, target, factors_with_electricity(1.9));
    if (!set.reached) continue;
    // Each valid subset of the catalog, evaluated by the reference.
    for (std::int32_t s = 0; s < (std::int32_t{1} << works.measures.size()); ++s) {
      std::array<int, component_count> per_component{};
      bool valid = true;
      ThermalRow after = row;
      for (std::size_t k = 0; k < works.measures.size() && valid; ++k) {
        if ((s >> k & 1) == 0) continue;
        const Measure& m = works.measures[k];
        valid = m.component != Component::structure && reference_works::improves(m, row) &&
                ++per_component[static_cast<std::size_t>(m.component)] == 1;
        if (valid) after = reference_works::apply(m, works.rebuilt, after);
      }
      if (!valid) continue;
      const Evaluated e = evaluate_row(after, factors_with_electricity(1.9));
      const bool reaches = e.label <= target.label_max;
      bool contains_kept = false, kept = false;
      for (const ReachCombination& c : set.combinations) {
        contains_kept = contains_kept || (c.measures & s) == c.measures;
        kept = kept || c.measures == s;
      }
      if (reaches) {
        EXPECT_TRUE(contains_kept) << "dwelling " << i << ", combination " << s;
      }
      if (kept) {
        EXPECT_TRUE(reaches);
        EXPECT_TRUE(close(e.cep, [&] {
          for (const ReachCombination& c : set.combinations)
            if (c.measures == s) return c.cep;
          return -1.0;
        }()));
        for (std::size_t k = 0; k < works.measures.size(); ++k) {
          if ((s >> k & 1) == 0) continue;
          ThermalRow without = row;
          for (std::size_t j = 0; j < works.measures.size(); ++j)
            if (j != k && (s >> j & 1) != 0)
              without = reference_works::apply(works.measures[j], works.rebuilt, without);
          EXPECT_GT(evaluate_row(without, factors_with_electricity(1.9)).label, target.label_max)
              << "dwelling " << i << ": " << s << " without measure " << k << " still reaches";
        }
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 60u);
}

// A free measure could join a minimal combination at no cost and lower its Cep: the set
// cannot tell, and says so; when nothing reaches it still prices exactly.
TEST(PackageSearch, ReachSetDeclinesFreeMeasuresWhenTheTargetIsReached) {
  const WorksParams works = fixtures::small_catalog();
  const PackageSearch search(works, params());
  const test::Columns population = test::varied_population(40);
  const ThermalInputs in = population.inputs();
  std::vector<double> factor(works.measures.size(), 1.0);
  factor[*works.find("attic")] = 0.0;
  std::size_t declined = 0, unreachable = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const ThermalRow row = thermal_row(in, i);
    const std::int32_t allowed = fixtures::all_measures(works);
    for (const PackageTarget& target : {label_target(6), label_target(0, 1.0)}) {
      const ReachSet set =
          search.reach_set(row, PackageRules{}, allowed, target, factors_with_electricity(2.3));
      const std::optional<PackageChoice> got = search.cheapest_in(set, factor, row);
      const bool attic_free = (set.options & bit_of(works, "attic")) != 0;
      if (set.reached && attic_free) {
        EXPECT_FALSE(got.has_value()) << "dwelling " << i;
        ++declined;
      } else {
        ASSERT_TRUE(got.has_value()) << "dwelling " << i;
        EXPECT_TRUE(same_choice(*got, search.cheapest(row, PackageRules{}, allowed, target,
                                                      factors_with_electricity(2.3), factor)));
        unreachable += !set.reached;
      }
    }
  }
  EXPECT_GE(declined, 10u);
  EXPECT_GE(unreachable, 30u);
}

}  // namespace
}  // namespace coron
