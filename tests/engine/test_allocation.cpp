// A yearly works budget shared by a rule (renovation.allocation): each rule's choice on a
// tiny stock worked by hand; the budget never exceeded over a run; `optimal` at least as
// good as every ranking on the same candidates, against a brute-force reference over
// small random cases; the candidates left out come back; bit-identical on any thread count.
#include "engine/allocation.hpp"
#include "fixtures/collect.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/hand_stock.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "fixtures/temp_dir.hpp"
#include "fixtures/works_catalog.hpp"
#include "io/results_reader.hpp"
#include "io/results_writer.hpp"

#include "coron/engine.hpp"
#include "coron/rng.hpp"
#include "coron/state.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

namespace coron {
namespace {

using Rule = AllocationSpec::Rule;
constexpr std::array<Rule, 5> all_rules = {Rule::stock_order, Rule::worst_first, Rule::weighted,
                                           Rule::cost_effectiveness, Rule::optimal};

/// Outside insulation (2,000 EUR + 150 EUR/m2 of wall) and a heat pump (10,000 EUR): a
/// house's package costs 12,000 + 150 x its wall area.
ModelParams hand_params() {
  ModelParams p = fixtures::data_model_params();
  WorksParams& w = p.works;
  w.measures = {fixtures::hand_wall_outside(), fixtures::hand_heat_pump()};
  w.rehousing_eur_per_household = 0.0;
  w.rental_bans = {};
  p.funding.funders = {};
  return p;
}

/// Three identical houses but for their walls, 60, 100 and 80 m2: packages of 21,000,
/// 27,000 and 24,000 EUR; house 1 loses the most heat (the worst), then house 2, then 0.
/// House 1 is on the UNESCO list, house 2 in a QPV.
Stock hand_stock() {
  Stock s = fixtures::hand_houses({60.0, 100.0, 80.0}, fixtures::HouseRows::copies_of_first);
  s.heritage_unesco[1] = 1;
  s.qpv[2] = 1;
  return s;
}

/// The three houses are one operation in 2018; a budget of 46,000 EUR a year.
Scenario hand_scenario(Rule rule, int years = 1) {
  Scenario s;
  s.name = "allocation-hand";
  s.start_year = 2018;
  s.years = years;
  s.replicates = 1;
  s.electricity_primary_factor = {{2018, 2.3}};
  s.output.dwelling_columns = {"primary_energy_kwh_m2", "label"};
  s.demography.enabled = false;
  RenovationOptions& r = s.renovation;
  r.enabled = true;
  r.heritage_strict = false;  // house 1 gets the same package as the others
  r.package.measures = {"wall_outside", "heating_heat_pump"};
  OperationSpec op;
  op.cites = {"Cité test"};
  op.cite_ids = {0};
  op.start_year = 2018;
  op.years = 1;
  r.operations = {op};
  r.allocation.budget_eur_per_yr = {{2018, 46000.0}};
  r.allocation.rule = rule;
  r.allocation.weights.qpv = 1.0;
  r.allocation.weights.heritage = 0.5;
  return s;
}

Results run_serial(const Scenario& scenario, const Stock& stock, const ModelParams& params) {
  RunOptions serial;
  serial.execution = Execution::serial;
  return fixtures::run_collect(scenario, stock, params, serial);
}

std::vector<std::int64_t> rows_of_year(const WorksTable& w, int year) {
  std::vector<std::int64_t> out;
  for (std::size_t k = 0; k < w.size(); ++k)
    if (w.year[k] == year) out.push_back(w.row[k]);
  return out;
}

TEST(Allocation, TheHandHousesDifferOnlyInTheirWallsIdsAndFlags) {
  // The sums below rest on it: any other difference could reorder worst_first.
  const Stock stock = hand_stock();
  const std::set<std::string_view> differing = {"dwelling_id", "wall_area_m2", "heritage_unesco", "qpv"};
  for_each_column(stock, [&](const ColumnInfo& column, const auto& values) {
    if (differing.contains(column.name)) return;
    for (std::size_t i = 1; i < values.size(); ++i)
      EXPECT_EQ(values[i], values[0]) << column.name << " " << i;
  });
  EXPECT_EQ(stock.wall_area_m2, (std::vector<double>{60.0, 100.0, 80.0}));
}

TEST(Allocation, EachRuleFundsTheHouses) {
  // Packages: house 0 21,000, house 1 27,000, house 2 24,000 EUR; budget 46,000. Taken in
  // the rule's order, a house that does not fit is skipped and the next one tried:
  //   stock_order 0, 1, 2: 0 (21,000), 1 would make 48,000: skipped, 2 (45,000). {0, 2}.
  //   worst_first: the most wall, the most heat lost: 1, 2, 0. 1 (27,000), 2 would make
  //     51,000, 0 48,000: both skipped. {1}.
  //   weighted (qpv 1, heritage 0.5): scores 0, 0.5, 1, so 2, 1, 0: 2 (24,000), 1 would
  //     make 51,000: skipped, 0 (45,000). {2, 0}, in that order.
  //   optimal: the sets within 46,000 are {0}, {1}, {2}, {0, 2}; {0, 2} saves two houses'
  //     worth against one: {0, 2} (checked against the savings below).
  const Stock stock = hand_stock();
  const ModelParams params = hand_params();
  const std::map<Rule, std::vector<std::int64_t>> expected = {{Rule::stock_order, {0, 2}},
                                                              {Rule::worst_first, {1}},
                                                              {Rule::weighted, {2, 0}},
                                                              {Rule::optimal, {0, 2}}};
  for (const auto& [rule, rows] : expected) {
    const Results r = run_serial(hand_scenario(rule), stock, params);
    const WorksTable& w = r.replicates.at(0).works;
    EXPECT_EQ(w.row, rows) << "rule " << static_cast<int>(rule);
    double spent = 0.0;
    for (const double cost : w.cost_eur) spent += cost;
    const AllocationSeries& a = r.aggregates.allocation;
    ASSERT_TRUE(a.enabled());
    EXPECT_EQ(a.objective, "primary_energy_saved");
    EXPECT_EQ(a.budget_eur, std::vector<double>{46000.0});
    EXPECT_EQ(a.spent_eur, std::vector<double>{spent});
    EXPECT_EQ(a.funded, std::vector<std::int64_t>{static_cast<std::int64_t>(rows.size())});
  }
  // Spend by hand: 45,000, 27,000, 45,000 and 45,000.
  EXPECT_EQ(run_serial(hand_scenario(Rule::worst_first), stock, params).aggregates.allocation.spent_eur,
            std::vector<double>{27000.0});
  EXPECT_EQ(run_serial(hand_scenario(Rule::stock_order), stock, params).aggregates.allocation.spent_eur,
            std::vector<double>{45000.0});
}

TEST(Allocation, OptimalIsTheBestSetWithinTheBudgetAndBeatsEveryRanking) {
  // Each house's saving, from a run without a budget: (Cep before - Cep after) x floor area
  // (outside insulation leaves the floor area as it is).
  const Stock stock = hand_stock();
  const ModelParams params = hand_params();
  Scenario unlimited = hand_scenario(Rule::stock_order);
  unlimited.renovation.allocation = {};
  const WorksTable all = run_serial(unlimited, stock, params).replicates.at(0).works;
  ASSERT_EQ(all.row, (std::vector<std::int64_t>{0, 1, 2}));
  EXPECT_EQ(all.cost_eur, (std::vector<double>{21000.0, 27000.0, 24000.0}));
  std::vector<double> saving(3);
  for (std::size_t k = 0; k < 3; ++k)
    saving[k] = (all.primary_before_kwh_m2[k] - all.primary_after_kwh_m2[k]) * stock.floor_area_m2[k];
  EXPECT_GT(saving[1], saving[2]);
  EXPECT_GT(saving[2], saving[0]);
  // Brute force over the 8 subsets.
  double best = 0.0;
  for (unsigned set = 0; set < 8; ++set) {
    double cost = 0.0, value = 0.0;
    for (std::size_t k = 0; k < 3; ++k)
      if ((set >> k & 1) != 0) {
        cost += all.cost_eur[k];
        value += saving[k];
      }
    if (cost <= 46000.0) best = std::max(best, value);
  }
  EXPECT_NEAR(best, saving[0] + saving[2], 1e-9 * best) << "as worked by hand";

  const AllocationSeries optimal =
      run_serial(hand_scenario(Rule::optimal), stock, params).aggregates.allocation;
  EXPECT_NEAR(optimal.objective_value[0], best, 1e-9 * best);
  EXPECT_NEAR(optimal.bound[0], best, 1e-9 * best) << "solved exactly: the bound is the optimum";
  for (const Rule rule : all_rules) {
    const AllocationSeries a = run_serial(hand_scenario(rule), stock, params).aggregates.allocation;
    EXPECT_LE(a.objective_value[0], optimal.objective_value[0] * (1 + 1e-12)) << static_cast<int>(rule);
    if (rule != Rule::optimal) {
      EXPECT_EQ(a.bound[0], 0.0);
    }
  }
}

TEST(Allocation, CandidatesLeftOutComeBackTheNextYear) {
  // worst_first funds house 1 in 2018; houses 2 and 0 stay due: 2019 funds 2 (24,000)
  // then 0 (45,000).
  const Results r = run_serial(hand_scenario(Rule::worst_first, 2), hand_stock(), hand_params());
  const WorksTable& w = r.replicates.at(0).works;
  EXPECT_EQ(rows_of_year(w, 2018), std::vector<std::int64_t>{1});
  EXPECT_EQ(rows_of_year(w, 2019), (std::vector<std::int64_t>{2, 0}));
  EXPECT_EQ(r.aggregates.allocation.spent_eur, (std::vector<double>{27000.0, 45000.0}));
  EXPECT_EQ(r.aggregates.allocation.funded, (std::vector<std::int64_t>{1, 2}));
}

TEST(Allocation, WithoutABudgetNothingIsRecordedAndEveryCandidateIsFunded) {
  Scenario s = hand_scenario(Rule::stock_order);
  s.renovation.allocation = {};
  const Results r = run_serial(s, hand_stock(), hand_params());
  EXPECT_FALSE(r.aggregates.allocation.enabled());
  EXPECT_TRUE(r.aggregates.allocation.spent_eur.empty());
  EXPECT_EQ(r.replicates.at(0).works.size(), 3u);
}

/// A larger run: two operations and vacancies over 8 years, a budget that binds.
Scenario busy_scenario(Rule rule, AllocationSpec::Objective objective) {
  Scenario s;
  s.name = "allocation-busy";
  s.seed = 7;
  s.start_year = 2018;
  s.years = 8;
  s.replicates = 2;
  s.electricity_primary_factor = {{2018, 2.3}};
  s.output.dwelling_columns = {"label"};
  RenovationOptions& r = s.renovation;
  r.enabled = true;
  r.package.reach = "C";
  OperationSpec op;
  op.cites = {"Cité test"};
  op.cite_ids = {0};
  op.start_year = 2019;
  op.years = 3;
  r.operations = {op};
  r.at_vacancy.enabled = true;
  r.capacity_per_year = 60;
  r.allocation.budget_eur_per_yr = {{2018, 400000.0}, {2022, 250000.0}};
  r.allocation.rule = rule;
  r.allocation.weights.poverty = 2.0;
  r.allocation.weights.label = 1.0;
  r.allocation.weights.condition = -0.5;
  r.allocation.objective = objective;
  r.allocation.objective_weights = {0.05, 0.0, 2000.0, 5000.0};  // EUR per kWh/yr, dwelling, household
  return s;
}

TEST(Allocation, TheBudgetIsNeverExceededAndFundedCountsTheWorksRows) {
  const Stock stock = fixtures::synthetic_stock(300);
  const ModelParams params = fixtures::data_model_params();
  for (const Rule rule : all_rules)
    for (const auto objective :
         {AllocationSpec::Objective::primary_energy_saved, AllocationSpec::Objective::co2_avoided,
          AllocationSpec::Objective::out_of_efg, AllocationSpec::Objective::out_of_fuel_poverty,
          AllocationSpec::Objective::weighted}) {
      const Scenario s = busy_scenario(rule, objective);
      const Results r = run_serial(s, stock, params);
      const AllocationSeries& a = r.aggregates.allocation;
      SCOPED_TRACE(testing::Message()
                   << "rule " << static_cast<int>(rule) << " objective " << static_cast<int>(objective));
      double total = 0.0;
      for (std::size_t k = 0; k < a.spent_eur.size(); ++k) {
        const int year = 2018 + static_cast<int>(k % 8);
        EXPECT_EQ(a.budget_eur[k], year < 2022 ? 400000.0 : 250000.0);
        EXPECT_LE(a.spent_eur[k], a.budget_eur[k]);
        EXPECT_GE(a.spent_eur[k], 0.0);
        if (rule != Rule::optimal) {
          EXPECT_EQ(a.bound[k], 0.0);
        } else {
          EXPECT_GE(a.bound[k], a.objective_value[k] - 1e-9 * std::abs(a.objective_value[k]));
        }
        total += a.spent_eur[k];
      }
      EXPECT_GT(total, 0.0) << "works were funded";
      // The first replicate records its works: one row per funded candidate.
      const WorksTable& w = r.replicates.at(0).works;
      for (int y = 0; y < 8; ++y) {
        std::int64_t rows = 0;
        for (std::size_t k = 0; k < w.size(); ++k) rows += w.year[k] == 2018 + y && w.package[k] != 0 ? 1 : 0;
        EXPECT_EQ(a.funded[static_cast<std::size_t>(y)], rows) << 2018 + y;
      }
    }
}

/// Prices and incomes held at their 2018 level, so that a household's bill in 2019 is the
/// one the works step priced in 2018 for the dwelling after its works.
ModelParams constant_price_params() {
  ModelParams p = hand_params();
  for (CarrierPrices& c : p.economics.prices) {
    c.eur_per_kwh = {{2018, year_step_value(c.eur_per_kwh, 2018)}};
    c.subscription_eur_per_yr = {{2018, year_step_value(c.subscription_eur_per_yr, 2018)}};
    c.trend_per_yr = 0.0;
  }
  p.economics.income_growth_per_yr = 0.0;
  return p;
}

TEST(Allocation, OutOfFuelPovertyCountsTheFundedHouseholdsFuelPoorBeforeAndNotAfter) {
  // 300 houses, one operation in 2018, households that stay (no demography) with incomes
  // from 5,000 to 23,000 EUR/CU in no order, constant prices. The works step prices each package's
  // bill in 2018; the works take effect on 1 January 2019, so the economics of 2018
  // (before) and 2019 (after) record the same two bills. The objective must be the
  // number of funded houses fuel poor in 2018 and not in 2019.
  Stock stock = fixtures::synthetic_stock(300);
  for (std::size_t i = 0; i < stock.size(); ++i) {
    const double golden = 0.6180339887 * static_cast<double>(i);  // spread evenly, in no order
    stock.income_per_cu_eur[i] = 5000.0 + 18000.0 * (golden - std::floor(golden));
  }
  const ModelParams params = constant_price_params();
  std::map<Rule, std::int64_t> lifted_by_rule;
  for (const Rule rule : {Rule::stock_order, Rule::cost_effectiveness, Rule::optimal}) {
    SCOPED_TRACE(static_cast<int>(rule));
    Scenario s = hand_scenario(rule, 2);
    s.output.dwelling_columns = {"fuel_poor", "occupied"};
    s.renovation.allocation.budget_eur_per_yr = {{2018, 250000.0}};
    s.renovation.allocation.objective = AllocationSpec::Objective::out_of_fuel_poverty;
    const Results r = run_serial(s, stock, params);
    const AllocationSeries& a = r.aggregates.allocation;
    EXPECT_EQ(a.objective, "out_of_fuel_poverty");
    EXPECT_EQ(a.objective_units, "households");
    const ReplicateRecord& rec = r.replicates.at(0);
    const auto& fuel_poor = std::get<std::vector<std::uint8_t>>(*rec.find("fuel_poor"));
    const auto& occupied = std::get<std::vector<std::uint8_t>>(*rec.find("occupied"));
    const std::size_t n = stock.size();
    const WorksTable& w = rec.works;
    std::int64_t funded = 0, lifted = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
      if (w.year[k] != 2018 || w.package[k] == 0) continue;
      const auto i = static_cast<std::size_t>(w.row[k]);
      ASSERT_EQ(occupied[n + i], 1) << "the household is still there in 2019";
      ++funded;
      lifted += fuel_poor[i] != 0 && fuel_poor[n + i] == 0 ? 1 : 0;
    }
    EXPECT_EQ(a.funded[0], funded);
    EXPECT_EQ(a.objective_value[0], static_cast<double>(lifted));
    if (rule == Rule::stock_order) {
      // Stock order takes the first houses, incomes of all levels: a mix of lifted and not.
      EXPECT_GT(lifted, 0);
      EXPECT_LT(lifted, funded) << "some funded households were not lifted (not poor, or not enough)";
    }
    lifted_by_rule[rule] = lifted;
  }
  // The rules that weigh the objective find more households to lift than stock order.
  EXPECT_GT(lifted_by_rule[Rule::cost_effectiveness], lifted_by_rule[Rule::stock_order]);
  EXPECT_GE(lifted_by_rule[Rule::optimal], lifted_by_rule[Rule::cost_effectiveness]);
}

TEST(Allocation, AWeightedObjectiveRecordsTheWeightedSumOfItsTerms) {
  // stock_order chooses without looking at the objective: the same houses whatever it is,
  // so the weighted run's objective is the weights times the single-term runs' objectives.
  const Stock stock = fixtures::synthetic_stock(300);
  const ModelParams params = fixtures::data_model_params();
  Scenario s = busy_scenario(Rule::stock_order, AllocationSpec::Objective::weighted);
  const std::array<double, 4> weights = s.renovation.allocation.objective_weights;
  const AllocationSeries weighted = run_serial(s, stock, params).aggregates.allocation;
  EXPECT_EQ(weighted.objective, "weighted");
  EXPECT_EQ(weighted.objective_units, "weighted");
  std::vector<double> sum(weighted.objective_value.size(), 0.0);
  for (std::size_t t = 0; t < weights.size(); ++t) {
    s.renovation.allocation.objective = static_cast<AllocationSpec::Objective>(t);
    const AllocationSeries single = run_serial(s, stock, params).aggregates.allocation;
    EXPECT_EQ(single.funded, weighted.funded);
    for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += weights[t] * single.objective_value[k];
  }
  double total = 0.0;
  for (std::size_t k = 0; k < sum.size(); ++k) {
    EXPECT_NEAR(weighted.objective_value[k], sum[k], 1e-9 * std::max(1.0, std::abs(sum[k]))) << k;
    total += sum[k];
  }
  EXPECT_GT(total, 0.0);
}

TEST(Allocation, AnEnvelopeForTheRunGivesEachYearWhatTheYearsBeforeLeft) {
  // One envelope of 1.2 MEUR for the eight years: year 1 may spend all of it, each later
  // year what is left, in whole cents; the years together never spend more.
  const Stock stock = fixtures::synthetic_stock(300);
  const ModelParams params = fixtures::data_model_params();
  for (const Rule rule : {Rule::worst_first, Rule::optimal}) {
    Scenario s = busy_scenario(rule, AllocationSpec::Objective::primary_energy_saved);
    s.renovation.allocation.budget_eur_per_yr.clear();
    s.renovation.allocation.budget_eur_total = 1200000.0;
    const AllocationSeries a = run_serial(s, stock, params).aggregates.allocation;
    SCOPED_TRACE(testing::Message() << "rule " << static_cast<int>(rule));
    for (std::size_t replicate = 0; replicate < 2; ++replicate) {
      std::int64_t left = 120000000;  // cents
      for (std::size_t y = 0; y < 8; ++y) {
        const std::size_t k = replicate * 8 + y;
        EXPECT_EQ(a.budget_eur[k], static_cast<double>(left) / 100.0) << "year " << y;
        EXPECT_LE(a.spent_eur[k], a.budget_eur[k]);
        left -= std::llround(a.spent_eur[k] * 100.0);
      }
      EXPECT_GE(left, 0);
      EXPECT_LT(left, 120000000) << "nothing was spent";
    }
  }
}

TEST(Allocation, ParallelRunsMatchTheSerialRunBitForBit) {
  const Stock stock = fixtures::synthetic_stock(300);
  const ModelParams params = fixtures::data_model_params();
  for (const Rule rule : {Rule::weighted, Rule::optimal}) {
    const Scenario s = busy_scenario(rule, AllocationSpec::Objective::primary_energy_saved);
    const Results serial = run_serial(s, stock, params);
    for (const int threads : {1, 2, 3, 7}) {
      RunOptions parallel;
      parallel.threads = threads;
      const Results p = fixtures::run_collect(s, stock, params, parallel);
      EXPECT_EQ(state_hash(p.aggregates), state_hash(serial.aggregates)) << threads;
      EXPECT_TRUE(p.aggregates.allocation == serial.aggregates.allocation) << threads;
      EXPECT_TRUE(p.replicates.at(0).works == serial.replicates.at(0).works) << threads;
    }
  }
}

TEST(Allocation, TheFileHoldsTheAllocationPerReplicateAndYear) {
  const Stock stock = hand_stock();
  const Scenario scenario = hand_scenario(Rule::optimal, 2);
  Results r = run_serial(scenario, stock, hand_params());
  for (const Measure& m : hand_params().works.measures) r.measures.push_back(m.name);
  fixtures::TempDir dir("allocation-file");
  const std::filesystem::path file = dir.path() / "allocation.h5";
  io::RunMetadata meta;
  meta.scenario_name = scenario.name;
  io::write_results(file, meta, stock, r, scenario.output);
  const io::ResultsReader in(file);
  EXPECT_EQ(in.shape("/allocation/spent_eur"), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(in.read_double("/allocation/budget_eur"), (std::vector<double>{46000.0, 46000.0}));
  EXPECT_EQ(in.read_double("/allocation/spent_eur"), r.aggregates.allocation.spent_eur);
  EXPECT_EQ(in.read_int64("/allocation/funded"), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(in.read_double("/allocation/objective"), r.aggregates.allocation.objective_value);
  EXPECT_EQ(in.read_double("/allocation/bound"), r.aggregates.allocation.bound);
}

// The stage gate (renovation.allocation.stage_gate) on the hand stock: worst_first within
// 28,000 EUR a year funds house 1 (27,000) in 2018, the first stage: spent share
// 27,000 / 28,000 = 0.964. In 2019 houses 0 (21,000) and 2 (24,000) are left; worst_first
// takes house 2, stock_order house 0; half the budget (14,000) funds neither.

Scenario gate_scenario(AllocationSpec::StageGate::Action action, double above) {
  Scenario s = hand_scenario(Rule::worst_first, 2);
  AllocationSpec& a = s.renovation.allocation;
  a.budget_eur_per_yr = {{2018, 28000.0}};
  a.stage_gate.year = 2019;
  a.stage_gate.indicator = AllocationSpec::StageGate::Indicator::spent_share;
  a.stage_gate.above = true;
  a.stage_gate.threshold = above;
  a.stage_gate.action = action;
  a.stage_gate.cut_factor = 0.5;
  a.stage_gate.switch_to = Rule::stock_order;
  return s;
}

using Action = AllocationSpec::StageGate::Action;

TEST(AllocationStageGate, ACutHalvesWhatIsLeftOfAnEnvelopeOnce) {
  // An envelope of 56,000 EUR: worst_first takes house 1 (27,000) then house 2 (24,000) in
  // 2018, 51,000, leaving 5,000, in which house 0 (21,000) never fits. The gate in 2020
  // looks back on two years: the share spent is 51,000 / 56,000 = 0.911, of the whole
  // envelope (not of 56,000 + 5,000, what the two years had in hand). Above 0.9 the cut
  // halves what is left, 2,500; above 0.95 it does not.
  for (const auto& [above, held, left_2020] : {std::tuple{0.9, 1, 2500.0}, std::tuple{0.95, 0, 5000.0}}) {
    Scenario s = gate_scenario(Action::cut, above);
    s.years = 3;
    s.renovation.allocation.stage_gate.year = 2020;
    s.renovation.allocation.budget_eur_per_yr.clear();
    s.renovation.allocation.budget_eur_total = 56000.0;
    const AllocationSeries a = run_serial(s, hand_stock(), hand_params()).aggregates.allocation;
    EXPECT_EQ(a.spent_eur, (std::vector<double>{51000.0, 0.0, 0.0})) << above;
    EXPECT_EQ(a.stage_gate_indicator, std::vector<double>{51000.0 / 56000.0}) << above;
    EXPECT_EQ(a.stage_gate_held, std::vector<std::int64_t>{held}) << above;
    EXPECT_EQ(a.budget_eur, (std::vector<double>{56000.0, 5000.0, left_2020})) << above;
  }
}

TEST(Allocation, WeightedByPovertyFundsThePoorHouseholdFirst) {
  // Weights {poverty: 1}: house 2's household lives below the poverty line (14,600 EUR per
  // consumption unit, data/economics/households.yaml), houses 0 and 1's above. Within
  // 24,000 EUR, house 2 (24,000) alone; the stock order would have taken house 0 (21,000).
  Stock stock = hand_stock();
  stock.occupied = {1, 1, 1};
  stock.income_per_cu_eur = {20000.0, 20000.0, 10000.0};
  Scenario s = hand_scenario(Rule::weighted);
  s.renovation.allocation.budget_eur_per_yr = {{2018, 24000.0}};
  s.renovation.allocation.weights = {};
  s.renovation.allocation.weights.poverty = 1.0;
  EXPECT_EQ(run_serial(s, stock, hand_params()).replicates.at(0).works.row, std::vector<std::int64_t>{2});
}

TEST(AllocationStageGate, ACutHalvesTheSecondStagesBudget) {
  const Results r = run_serial(gate_scenario(Action::cut, 0.9), hand_stock(), hand_params());
  const AllocationSeries& a = r.aggregates.allocation;
  EXPECT_EQ(rows_of_year(r.replicates.at(0).works, 2018), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(a.budget_eur, (std::vector<double>{28000.0, 14000.0}));
  EXPECT_EQ(a.spent_eur, (std::vector<double>{27000.0, 0.0}));
  EXPECT_TRUE(rows_of_year(r.replicates.at(0).works, 2019).empty());
  EXPECT_EQ(a.stage_gate_year, 2019);
  EXPECT_EQ(a.stage_gate_indicator, (std::vector<double>{27000.0 / 28000.0}));
  EXPECT_EQ(a.stage_gate_held, (std::vector<std::int64_t>{1}));
  EXPECT_EQ(a.stage_gate_action, (std::vector<std::int64_t>{static_cast<std::int64_t>(Action::cut)}));
}

TEST(AllocationStageGate, ASwitchChangesTheHousesChosen) {
  const Results fired = run_serial(gate_scenario(Action::switch_rule, 0.9), hand_stock(), hand_params());
  EXPECT_EQ(rows_of_year(fired.replicates.at(0).works, 2019), (std::vector<std::int64_t>{0}));
  EXPECT_EQ(fired.aggregates.allocation.budget_eur, (std::vector<double>{28000.0, 28000.0}));
  EXPECT_EQ(fired.aggregates.allocation.stage_gate_action,
            (std::vector<std::int64_t>{static_cast<std::int64_t>(Action::switch_rule)}));
  // 0.964 is not above 0.99: worst_first goes on and takes house 2.
  const Results held_back = run_serial(gate_scenario(Action::switch_rule, 0.99), hand_stock(), hand_params());
  EXPECT_EQ(rows_of_year(held_back.replicates.at(0).works, 2019), (std::vector<std::int64_t>{2}));
  const AllocationSeries& a = held_back.aggregates.allocation;
  EXPECT_EQ(a.stage_gate_indicator, (std::vector<double>{27000.0 / 28000.0}));
  EXPECT_EQ(a.stage_gate_held, (std::vector<std::int64_t>{0}));
  EXPECT_EQ(a.stage_gate_action, (std::vector<std::int64_t>{static_cast<std::int64_t>(Action::continue_)}));
}

TEST(AllocationStageGate, TheOtherIndicatorsAreTheFirstStagesRatios) {
  // The objective counts the dwellings out of E-G, so the 2018 objective is the
  // denominator of the cost per dwelling; a gate that never holds changes nothing.
  for (const auto indicator : {AllocationSpec::StageGate::Indicator::cost_per_dwelling_out_of_efg,
                               AllocationSpec::StageGate::Indicator::objective_per_meur}) {
    Scenario s = gate_scenario(Action::cut, 1e12);
    s.renovation.allocation.objective = AllocationSpec::Objective::out_of_efg;
    s.renovation.allocation.stage_gate.indicator = indicator;
    const Results r = run_serial(s, hand_stock(), hand_params());
    const AllocationSeries& a = r.aggregates.allocation;
    const double out_of_efg = a.objective_value.at(0);
    const double expected = indicator == AllocationSpec::StageGate::Indicator::objective_per_meur
                                ? out_of_efg / 0.027
                                : (out_of_efg == 0.0 ? 27000.0 / 0.0 : 27000.0 / out_of_efg);
    EXPECT_DOUBLE_EQ(a.stage_gate_indicator.at(0), expected) << static_cast<int>(indicator);
    EXPECT_EQ(a.stage_gate_held.at(0), 0);
    EXPECT_EQ(a.budget_eur.at(1), 28000.0);
  }
}

TEST(AllocationStageGate, ParallelRunsMatchTheSerialRun) {
  const Stock stock = fixtures::synthetic_stock(300);
  const ModelParams params = fixtures::data_model_params();
  for (const Action action : {Action::cut, Action::switch_rule}) {
    Scenario s = busy_scenario(Rule::worst_first, AllocationSpec::Objective::out_of_efg);
    s.renovation.allocation.stage_gate.year = 2021;
    s.renovation.allocation.stage_gate.indicator = AllocationSpec::StageGate::Indicator::spent_share;
    s.renovation.allocation.stage_gate.above = false;
    s.renovation.allocation.stage_gate.threshold = 2.0;  // always holds
    s.renovation.allocation.stage_gate.action = action;
    s.renovation.allocation.stage_gate.cut_factor = 0.5;
    s.renovation.allocation.stage_gate.switch_to = Rule::optimal;
    const Results serial = run_serial(s, stock, params);
    EXPECT_EQ(serial.aggregates.allocation.stage_gate_held, (std::vector<std::int64_t>{1, 1}));
    for (const int threads : {2, 3}) {
      RunOptions parallel;
      parallel.threads = threads;
      const Results p = fixtures::run_collect(s, stock, params, parallel);
      EXPECT_TRUE(p.aggregates.allocation == serial.aggregates.allocation) << threads;
      EXPECT_TRUE(p.replicates.at(0).works == serial.replicates.at(0).works) << threads;
    }
  }
}

TEST(AllocationStageGate, TheFileHoldsTheGatePerReplicate) {
  const Stock stock = hand_stock();
  const Scenario scenario = gate_scenario(Action::cut, 0.9);
  Results r = run_serial(scenario, stock, hand_params());
  for (const Measure& m : hand_params().works.measures) r.measures.push_back(m.name);
  fixtures::TempDir dir("stage-gate-file");
  const std::filesystem::path file = dir.path() / "gate.h5";
  io::RunMetadata meta;
  meta.scenario_name = scenario.name;
  io::write_results(file, meta, stock, r, scenario.output);
  const io::ResultsReader in(file);
  EXPECT_EQ(in.shape("/allocation/stage_gate_indicator"), (std::vector<std::size_t>{1}));
  EXPECT_EQ(in.read_double("/allocation/stage_gate_indicator"), (std::vector<double>{27000.0 / 28000.0}));
  EXPECT_EQ(in.read_int64("/allocation/stage_gate_held"), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(in.read_int64("/allocation/stage_gate_action"),
            (std::vector<std::int64_t>{static_cast<std::int64_t>(Action::cut)}));
  EXPECT_EQ(in.read_double("/allocation/budget_eur"), (std::vector<double>{28000.0, 14000.0}));
}

// The rules on their own, over small random candidates, against brute force.

struct RandomCase {
  std::vector<double> cost, outcome, poor, label, cep, heritage;
  double budget = 0.0;
  /// Several packages per candidate: candidate c's package k at [c * per + k]; cost and
  /// outcome then hold package 0's. Empty: one package, cost and outcome.
  std::size_t per = 1;
  std::vector<double> package_cost, package_outcome;
  engine::CandidatePackages packages() const {
    if (package_cost.empty()) return {1, cost, outcome};
    return {per, package_cost, package_outcome};
  }
  /// One more candidate's ranking facts, drawn from `u` (uniform in [0, 1)).
  template <typename Uniform>
  void draw_facts(Uniform& u) {
    poor.push_back(u() < 0.4 ? 1.0 : 0.0);
    label.push_back(std::floor(u() * 7.0));
    cep.push_back(50.0 + 400.0 * u());
    heritage.push_back(u() < 0.2 ? 1.0 : 0.0);
  }
  /// What `taken` (0 or package + 1 per candidate) spends and buys, summed here.
  std::pair<double, double> spent_and_value(const std::vector<std::uint8_t>& taken) const {
    const engine::CandidatePackages p = packages();
    double spent = 0.0, value = 0.0;
    for (std::size_t k = 0; k < taken.size(); ++k)
      if (taken[k] != 0) {
        spent += p.cost_eur[k * p.per_candidate + taken[k] - 1];
        value += p.outcome[k * p.per_candidate + taken[k] - 1];
      }
    return {spent, value};
  }
  CandidateFacts facts() const {
    CandidateFacts f;
    f.poor_share = poor;
    f.label = label;
    f.primary_energy_kwh_m2 = cep;
    f.heritage_share = heritage;
    f.outcome = outcome;
    f.cost_eur = cost;
    return f;
  }
};

RandomCase random_case(std::uint64_t seed) {
  const RngKey key{seed, 0, 0, 0, Stream::works_cost};
  std::uint32_t draw = 0;
  const auto u = [&] { return key.uniform(draw++); };
  RandomCase c;
  const auto n = static_cast<std::size_t>(1 + key.bits(999) % 10);
  for (std::size_t k = 0; k < n; ++k) {
    // Round sums of 100 EUR: small enough for the exact knapsack.
    c.cost.push_back(100.0 * (1.0 + std::floor(u() * 60.0)));
    c.outcome.push_back(std::floor(u() * 1000.0) - 100.0);
    c.draw_facts(u);
  }
  c.budget = 100.0 * std::floor(u() * 150.0);
  return c;
}

/// The best sum of outcomes of a set of candidates within the budget, by enumeration.
double brute_force_best(const RandomCase& c) {
  const std::size_t n = c.cost.size();
  double best = 0.0;
  for (std::uint32_t set = 0; set < (1u << n); ++set) {
    double cost = 0.0, value = 0.0;
    for (std::size_t k = 0; k < n; ++k)
      if ((set >> k & 1) != 0) {
        cost += c.cost[k];
        value += c.outcome[k];
      }
    if (cost <= c.budget) best = std::max(best, value);
  }
  return best;
}

TEST(AllocationRules, OptimalMatchesBruteForceAndNoRankingBeatsIt) {
  CriterionWeights weights;
  weights.poverty = 1.0;
  weights.label = 0.5;
  weights.heritage = -0.25;
  engine::AllocationScratch scratch;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const RandomCase c = random_case(seed);
    const std::size_t n = c.cost.size();
    const double best = brute_force_best(c);
    std::map<Rule, double> reached;
    for (const Rule rule : all_rules) {
      std::vector<std::int32_t> order(n);
      std::vector<std::uint8_t> taken(n);
      const engine::AllocationChoice choice =
          engine::allocate_budget(rule, c.facts(), c.packages(), weights, c.budget, order, taken, scratch);
      double spent = 0.0, value = 0.0;
      for (std::size_t k = 0; k < n; ++k)
        if (taken[k] != 0) {
          spent += c.cost[k];
          value += c.outcome[k];
        }
      SCOPED_TRACE(testing::Message() << "seed " << seed << " rule " << static_cast<int>(rule));
      EXPECT_LE(spent, c.budget);
      EXPECT_EQ(choice.spent_eur, spent);
      EXPECT_NEAR(choice.objective, value, 1e-9);
      if (rule != Rule::optimal) {
        // Skip and try the next: no candidate left out still fits in what is left.
        for (std::size_t k = 0; k < n; ++k)
          if (taken[k] == 0) {
            EXPECT_GT(spent + c.cost[k], c.budget) << "candidate " << k;
          }
        EXPECT_EQ(choice.bound, 0.0);
      } else {
        EXPECT_NEAR(value, best, 1e-9) << "the exact optimum";
        EXPECT_NEAR(choice.bound, best, 1e-9);
      }
      reached[rule] = value;
    }
    for (const auto& [rule, value] : reached)
      EXPECT_LE(value, reached[Rule::optimal] + 1e-9)
          << "seed " << seed << " rule " << static_cast<int>(rule);
  }
}

/// Candidates whose costs are in odd cents over budgets of hundreds of thousands of
/// euros: beyond knapsack_exact's table, so `optimal` starts from the greedy knapsack.
RandomCase large_random_case(std::uint64_t seed) {
  const RngKey key{seed, 1, 0, 0, Stream::works_cost};
  std::uint32_t draw = 0;
  const auto u = [&] { return key.uniform(draw++); };
  RandomCase c;
  const auto n = static_cast<std::size_t>(20 + key.bits(999) % 40);
  for (std::size_t k = 0; k < n; ++k) {
    c.cost.push_back(std::floor(100.0 * (1000.0 + 59000.0 * u())) / 100.0);
    // Outcomes loosely tied to cost, so value per euro is close among candidates and the
    // greedy's ratio order can mislead it.
    c.outcome.push_back(std::floor(c.cost.back() / 100.0 * (0.8 + 0.4 * u())));
    c.draw_facts(u);
  }
  c.budget = std::floor(100.0 * (100000.0 + 400000.0 * u())) / 100.0;
  return c;
}

/// The objective each rule reaches on case c, summed by the test from `taken`.
std::map<Rule, double> objective_by_rule(const RandomCase& c, const CriterionWeights& weights) {
  engine::AllocationScratch scratch;
  std::map<Rule, double> reached;
  const std::size_t n = c.cost.size();
  for (const Rule rule : all_rules) {
    std::vector<std::int32_t> order(n);
    std::vector<std::uint8_t> taken(n);
    const engine::AllocationChoice choice =
        engine::allocate_budget(rule, c.facts(), c.packages(), weights, c.budget, order, taken, scratch);
    double spent = 0.0, value = 0.0;
    for (std::size_t k = 0; k < n; ++k)
      if (taken[k] != 0) {
        spent += c.cost[k];
        value += c.outcome[k];
      }
    EXPECT_LE(spent, c.budget + 1e-6) << static_cast<int>(rule);
    EXPECT_NEAR(choice.spent_eur, spent, 1e-6) << static_cast<int>(rule);
    EXPECT_NEAR(choice.objective, value, 1e-6) << static_cast<int>(rule);
    if (rule == Rule::optimal) {
      EXPECT_GE(choice.bound, value - 1e-6) << "the LP bound stays above";
    }
    reached[rule] = value;
  }
  return reached;
}

TEST(AllocationRules, OptimalBeatsTheGreedyWhenARankingDoesBetter) {
  // Budget 10 M EUR; costs 6 M + 1 cent, 5 M, 5 M; values 7, 5, 5. One-cent steps make
  // 3 x 10^9 table cells: beyond knapsack_exact, so the greedy runs. It takes the best
  // value per euro first (7 / 6 M > 5 / 5 M), then nothing else fits: 7. So do
  // cost_effectiveness and stock_order. worst_first takes the two label-G houses first:
  // 5 M + 5 M = the budget, 10. `optimal` must reach that 10.
  RandomCase c;
  c.cost = {6000000.01, 5000000.0, 5000000.0};
  c.outcome = {7.0, 5.0, 5.0};
  c.poor = {0.0, 1.0, 1.0};
  c.label = {2.0, 6.0, 6.0};  // 1 and 2 are the worst: worst_first takes them first
  c.cep = {100.0, 400.0, 400.0};
  c.heritage = {0.0, 0.0, 0.0};
  c.budget = 10000000.0;
  const std::map<Rule, double> reached = objective_by_rule(c, {});
  EXPECT_EQ(reached.at(Rule::worst_first), 10.0);
  EXPECT_EQ(reached.at(Rule::optimal), 10.0);
}

TEST(AllocationRules, OptimalIsNeverWorseThanAnyRankingOnLargeCases) {
  CriterionWeights weights;
  weights.poverty = 1.0;
  weights.label = 0.5;
  weights.heritage = -0.25;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const RandomCase c = large_random_case(seed);
    SCOPED_TRACE(testing::Message() << "seed " << seed);
    for (const CriterionWeights& w : {weights, CriterionWeights{}}) {
      const std::map<Rule, double> reached = objective_by_rule(c, w);
      for (const auto& [rule, value] : reached)
        EXPECT_LE(value, reached.at(Rule::optimal)) << "rule " << static_cast<int>(rule);
    }
  }
}

/// Candidates with one to three packages each, round costs: the exact knapsack's size.
RandomCase multi_package_case(std::uint64_t seed) {
  const RngKey key{seed, 2, 0, 0, Stream::works_cost};
  std::uint32_t draw = 0;
  const auto u = [&] { return key.uniform(draw++); };
  RandomCase c;
  const auto n = static_cast<std::size_t>(1 + key.bits(999) % 7);
  c.per = static_cast<std::size_t>(1 + key.bits(998) % 3);
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t p = 0; p < c.per; ++p) {
      c.package_cost.push_back(100.0 * std::floor(u() * 60.0));  // 0 EUR sometimes: nothing to do
      c.package_outcome.push_back(std::floor(u() * 1000.0) - 100.0);
    }
    c.cost.push_back(c.package_cost[k * c.per]);
    c.outcome.push_back(c.package_outcome[k * c.per]);
    c.draw_facts(u);
  }
  c.budget = 100.0 * std::floor(u() * 150.0);
  return c;
}

/// The best choice of at most one package per candidate within the budget, by
/// enumeration of every (package or none) per candidate.
double brute_force_best_multi(const RandomCase& c) {
  const std::size_t n = c.cost.size();
  std::vector<std::size_t> pick(n, 0);  // 0: none, p + 1: package p
  double best = 0.0;
  for (;;) {
    double cost = 0.0, value = 0.0;
    for (std::size_t k = 0; k < n; ++k)
      if (pick[k] != 0) {
        cost += c.package_cost[k * c.per + pick[k] - 1];
        value += c.package_outcome[k * c.per + pick[k] - 1];
      }
    if (cost <= c.budget) best = std::max(best, value);
    std::size_t k = 0;
    while (k < n && ++pick[k] > c.per) pick[k++] = 0;
    if (k == n) break;
  }
  return best;
}

TEST(AllocationRules, OptimalChoosesAmongEachCandidatesPackages) {
  engine::AllocationScratch scratch;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const RandomCase c = multi_package_case(seed);
    const std::size_t n = c.cost.size();
    SCOPED_TRACE(testing::Message() << "seed " << seed << ", " << n << " candidates x " << c.per);
    std::vector<std::int32_t> order(n);
    std::vector<std::uint8_t> taken(n);
    const engine::AllocationChoice choice =
        engine::allocate_budget(Rule::optimal, c.facts(), c.packages(), {}, c.budget, order, taken, scratch);
    const auto [spent, value] = c.spent_and_value(taken);
    EXPECT_LE(spent, c.budget);
    EXPECT_EQ(choice.spent_eur, spent);
    EXPECT_EQ(choice.objective, value);
    // A candidate left out whose package 0 costs nothing takes it: without its outcome
    // (a loss, else the knapsack would have taken it), the brute force's best.
    double free_losses = 0.0;
    for (std::size_t k = 0; k < n; ++k)
      if (taken[k] == 1 && c.package_cost[k * c.per] == 0.0)
        free_losses += std::min(0.0, c.package_outcome[k * c.per]);
    EXPECT_NEAR(value - free_losses, brute_force_best_multi(c), 1e-9);
    for (std::size_t k = 0; k < n; ++k) {
      EXPECT_LE(taken[k], c.per) << "candidate " << k;
      if (c.package_cost[k * c.per] == 0.0) {
        EXPECT_NE(taken[k], 0) << "candidate " << k << " has reached the target";
      }
    }
    // The rankings fund package 0 only.
    for (const Rule rule : {Rule::stock_order, Rule::worst_first, Rule::cost_effectiveness}) {
      engine::allocate_budget(rule, c.facts(), c.packages(), {}, c.budget, order, taken, scratch);
      for (std::size_t k = 0; k < n; ++k) EXPECT_LE(taken[k], 1) << "rule " << static_cast<int>(rule);
    }
  }
}

TEST(AllocationRules, OptimalTakesTheDearerPackageWhenItPays) {
  // Two houses, each with a light package (10,000 EUR, saves 10) and a deep one (25,000
  // EUR, saves 30); budget 35,000. Light + light: 20; light + deep: 40 for 35,000; deep +
  // deep: 50,000, too much. Best: one deep, one light, 40.
  RandomCase c;
  c.per = 2;
  c.package_cost = {10000.0, 25000.0, 10000.0, 25000.0};
  c.package_outcome = {10.0, 30.0, 10.0, 30.0};
  c.cost = {10000.0, 10000.0};
  c.outcome = {10.0, 10.0};
  c.poor = {0.0, 0.0};
  c.label = {6.0, 6.0};
  c.cep = {400.0, 400.0};
  c.heritage = {0.0, 0.0};
  c.budget = 35000.0;
  std::vector<std::int32_t> order(2);
  std::vector<std::uint8_t> taken(2);
  engine::AllocationScratch scratch;
  const engine::AllocationChoice choice =
      engine::allocate_budget(Rule::optimal, c.facts(), c.packages(), {}, c.budget, order, taken, scratch);
  EXPECT_EQ(choice.objective, 40.0);
  EXPECT_EQ(choice.spent_eur, 35000.0);
  EXPECT_EQ(taken[0] + taken[1], 3) << "one light (1), one deep (2)";
  // worst_first on the same houses: both light, 20.
  const engine::AllocationChoice ranked = engine::allocate_budget(Rule::worst_first, c.facts(), c.packages(),
                                                                  {}, c.budget, order, taken, scratch);
  EXPECT_EQ(ranked.objective, 20.0);
  EXPECT_EQ(taken, (std::vector<std::uint8_t>{1, 1}));
}

TEST(AllocationRules, StockOrderTakesTheCandidatesInIndexOrder) {
  // Costs 30, 50, 20, 40 within 90: 30 (30), 50 (80), 20 would make 100: skipped, 40
  // would make 120: skipped.
  RandomCase c;
  c.cost = {30.0, 50.0, 20.0, 40.0};
  c.outcome = {1.0, 1.0, 1.0, 1.0};
  c.budget = 90.0;
  std::vector<std::int32_t> order(4);
  std::vector<std::uint8_t> taken(4);
  engine::AllocationScratch scratch;
  const engine::AllocationChoice choice = engine::allocate_budget(Rule::stock_order, c.facts(), c.packages(),
                                                                  {}, c.budget, order, taken, scratch);
  EXPECT_EQ(order, (std::vector<std::int32_t>{0, 1, 2, 3}));
  EXPECT_EQ(taken, (std::vector<std::uint8_t>{1, 1, 0, 0}));
  EXPECT_EQ(choice.spent_eur, 80.0);
  EXPECT_EQ(choice.objective, 2.0);
  // cost_effectiveness: 1/20, 1/30, 1/40, 1/50: 2 (20), 0 (50), 3 (90), 1 skipped.
  const engine::AllocationChoice ce = engine::allocate_budget(
      Rule::cost_effectiveness, c.facts(), c.packages(), {}, c.budget, order, taken, scratch);
  EXPECT_EQ(order, (std::vector<std::int32_t>{2, 0, 3, 1}));
  EXPECT_EQ(taken, (std::vector<std::uint8_t>{1, 0, 1, 1}));
  EXPECT_EQ(ce.spent_eur, 90.0);
  EXPECT_EQ(ce.objective, 3.0);
}

}  // namespace
}  // namespace coron
