// The engine: serial and TBB execution agree bit for bit, for any thread count;
// replicates are streamed one at a time; totals match the rows; the year's
// factors reach the kernel; the state is built from the stock by the registry.
#include "engine/steps.hpp"
#include "fixtures/collect.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/results_data.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "io/demography_data.hpp"
#include "io/economics_data.hpp"
#include "io/thermal_data.hpp"

#include "coron/engine.hpp"
#include "coron/state.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace coron {
namespace {

using fixtures::column_of;

const ModelParams& real_params() { return fixtures::data_model_params(); }

Scenario small_scenario(int years, int replicates) {
  Scenario s;
  s.name = "engine-test";
  s.start_year = 2022;
  s.years = years;
  s.replicates = replicates;
  s.electricity_primary_factor = {{2018, 2.3}, {2026, 1.9}};
  s.output.dwelling_columns = known_dwelling_columns();  // every state column, every year,
  s.output.dwelling_replicates = replicates;             // of every replicate
  return s;
}

std::uint64_t hash_of(const Results& r) {
  std::uint64_t h = state_hash(r.aggregates);
  for (const ReplicateRecord& record : r.replicates) h = h * 31 + state_hash(record);
  return h;
}

class ThreadSweep : public ::testing::TestWithParam<int> {};

TEST_P(ThreadSweep, ParallelStepsMatchSerialStepsBitForBit) {
  // 10,007 dwellings: not a multiple of the block size, so the last block is partial.
  const Stock stock = fixtures::synthetic_stock(10'007);
  const ModelParams params = real_params();
  const Scenario scenario = small_scenario(6, 2);
  RunOptions serial;
  serial.execution = Execution::serial;
  serial.threads = 1;
  RunOptions parallel;
  parallel.threads = GetParam();
  const Results a = fixtures::run_collect(scenario, stock, params, serial);
  const Results b = fixtures::run_collect(scenario, stock, params, parallel);
  EXPECT_EQ(hash_of(a), hash_of(b));
  EXPECT_TRUE(a == b);
}

INSTANTIATE_TEST_SUITE_P(Threads, ThreadSweep, ::testing::Values(1, 2, 3, 4, 7, 8, 16));

TEST(Engine, TheYearIsTheDocumentedSequenceOfSteps) {
  std::vector<std::string_view> names;
  for (const engine::Step& step : engine::year_steps()) names.push_back(step.name);
  EXPECT_EQ(names, (std::vector<std::string_view>{"works_completion", "departures", "thermal", "hourly",
                                                  "works", "lettings", "economics", "aggregate"}));
}

TEST(Engine, ReplicatesAreHandedOverOneAtATimeInOrder) {
  const Stock stock = fixtures::synthetic_stock(300);
  Scenario scenario = small_scenario(3, 4);
  scenario.output.dwelling_columns = {"label", "final_energy_kwh", "occupied", "head_age"};
  std::vector<std::size_t> seen;
  std::vector<std::uint64_t> hashes;
  const Aggregates a = run_simulation(scenario, stock, real_params(), RunOptions{},
                                      [&](std::size_t r, const ReplicateRecord& record) {
                                        seen.push_back(r);
                                        hashes.push_back(state_hash(record));
                                        EXPECT_EQ(record.years, 3u);
                                        EXPECT_EQ(record.dwellings, 300u);
                                        ASSERT_EQ(record.columns.size(), 4u);
                                        // registry order, whatever the scenario's order
                                        EXPECT_EQ(record.columns[0]->name, "occupied");
                                        EXPECT_EQ(record.columns[1]->name, "head_age");
                                        EXPECT_EQ(record.columns[2]->name, "final_energy_kwh");
                                        EXPECT_EQ(record.columns[3]->name, "label");
                                      });
  EXPECT_EQ(seen, (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(a.replicates, 4u);
  // Every replicate's totals were recorded in its own rows.
  for (std::size_t r = 0; r < 4; ++r)
    for (std::size_t y = 0; y < 3; ++y) EXPECT_GT(a.of("final_energy_gwh")[r * 3 + y], 0.0) << r << "," << y;
  // The households draw from (seed, replicate, year, dwelling): replicates differ...
  for (std::size_t r = 1; r < hashes.size(); ++r) EXPECT_NE(hashes[r], hashes.front()) << "replicate " << r;
  // ...and the same seed gives the same replicates again.
  std::vector<std::uint64_t> again;
  (void)run_simulation(
      scenario, stock, real_params(), RunOptions{},
      [&](std::size_t, const ReplicateRecord& record) { again.push_back(state_hash(record)); });
  EXPECT_EQ(again, hashes);
}

TEST(Engine, DemographyCanBeSwitchedOffByTheScenario) {
  const Stock stock = fixtures::synthetic_stock(300);
  Scenario scenario = small_scenario(3, 2);
  scenario.demography.enabled = false;
  const Results r = fixtures::run_collect(scenario, stock, real_params(), RunOptions{});
  const auto& age = column_of<std::int16_t>(r.replicates.at(1), "head_age");
  for (std::size_t y = 0; y < 3; ++y)
    for (std::size_t i = 0; i < stock.size(); ++i) ASSERT_EQ(age[y * stock.size() + i], stock.head_age[i]);
}

TEST(Engine, ScenariosWithTheSameSeedDrawTheSameHouseholdsWhereTheirPoliciesAgree) {
  // Common random numbers: two scenarios that differ in a policy the households do not
  // see (here the electricity factor) draw the same deaths, moves and entrants for every
  // dwelling, so a difference between them is the policy's, not noise. Another seed
  // draws other households.
  Stock stock = fixtures::synthetic_stock(2'000);
  for (std::size_t i = 0; i < stock.size(); i += 3) {  // a third of old rights holders
    stock.rights_holder[i] = 1;
    stock.head_age[i] = 80;
  }
  Scenario a = small_scenario(8, 2);
  a.seed = 77;
  // Rental bans would tie the lettings to the labels, which the electricity factor moves.
  a.rental_bans = false;
  a.output.dwelling_columns = {"occupied",       "rights_holder",     "head_age",
                               "household_size", "income_per_cu_eur", "moved_in",
                               "died",           "moved_out",         "primary_energy_kwh_m2"};
  Scenario b = a;
  b.electricity_primary_factor = {{2018, 3.0}};
  Scenario c = a;
  c.seed = 78;
  const Results ra = fixtures::run_collect(a, stock, real_params(), RunOptions{});
  const Results rb = fixtures::run_collect(b, stock, real_params(), RunOptions{});
  const Results rc = fixtures::run_collect(c, stock, real_params(), RunOptions{});
  for (std::size_t r = 0; r < 2; ++r) {
    for (const char* column : {"occupied", "rights_holder", "head_age", "household_size", "income_per_cu_eur",
                               "moved_in", "died", "moved_out"}) {
      EXPECT_TRUE(*ra.replicates[r].find(column) == *rb.replicates[r].find(column)) << column << " r" << r;
      EXPECT_FALSE(*ra.replicates[r].find(column) == *rc.replicates[r].find(column)) << column << " r" << r;
    }
    // ... while the policy did change what it should.
    EXPECT_FALSE(*ra.replicates[r].find("primary_energy_kwh_m2") ==
                 *rb.replicates[r].find("primary_energy_kwh_m2"));
  }
}

TEST(Engine, TotalsAreTheSumsOfTheRows) {
  const Stock stock = fixtures::synthetic_stock(5'000);
  const Results r = fixtures::run_collect(small_scenario(2, 1), stock, real_params(), RunOptions{});
  const ReplicateRecord& record = r.replicates.at(0);
  const auto& final_energy = column_of<double>(record, "final_energy_kwh");
  const auto& ghg = column_of<double>(record, "ghg_kg_m2");
  const auto& label = column_of<std::uint8_t>(record, "label");
  for (std::size_t y = 0; y < record.years; ++y) {
    const std::size_t row = y * record.dwellings;
    double kwh = 0.0;
    double kg = 0.0;
    std::array<double, label_count> per_label{};
    for (std::size_t i = 0; i < record.dwellings; ++i) {
      kwh += final_energy[row + i];
      kg += ghg[row + i] * stock.floor_area_m2[i];
      ++per_label[label[row + i]];
    }
    const Aggregates& a = r.aggregates;
    for (std::size_t c = 0; c < label_count; ++c)
      EXPECT_EQ(a.of("label_count")[y * label_count + c], per_label[c]) << "label " << c;
    EXPECT_NEAR(a.of("final_energy_gwh")[y], kwh / 1e6, 1e-9 * a.of("final_energy_gwh")[y]);
    EXPECT_NEAR(a.of("ghg_kt")[y], kg / 1e6, 1e-9 * a.of("ghg_kt")[y]);
    EXPECT_GT(a.of("final_energy_gwh")[y], 0.0);
  }
}

TEST(Engine, CiteTotalsAreTheirDwellingsAndAddUpToTheStock) {
  // Three cités over 3,000 dwellings, assigned round-robin; totals recomputed here by hand.
  Stock stock = fixtures::synthetic_stock(3'000);
  stock.cites.name = {"a", "b", "c"};
  stock.cites.communes = {"Lens", "Lens", "Douai"};
  stock.cites.epci = {"x", "x", "y"};
  stock.cites.category = {0, 1, 4};
  stock.cites.dwellings = {1000, 1000, 1000};
  stock.cites.heritage_unesco = {0, 1, 0};
  stock.cites.qpv = {1, 0, 0};
  for (std::size_t i = 0; i < stock.size(); ++i) stock.cite_id[i] = static_cast<std::int32_t>(i % 3);
  const Results r = fixtures::run_collect(small_scenario(2, 1), stock, real_params(), RunOptions{});
  const ReplicateRecord& record = r.replicates.at(0);
  const auto& final_energy = column_of<double>(record, "final_energy_kwh");
  const auto& label = column_of<std::uint8_t>(record, "label");
  const std::size_t energy = aggregate_index("final_energy_gwh");
  const std::size_t labels = aggregate_index("label_count");
  for (std::size_t y = 0; y < 2; ++y) {
    std::array<double, 3> kwh{};
    std::array<std::array<double, label_count>, 3> per_label{};
    for (std::size_t i = 0; i < stock.size(); ++i) {
      kwh[i % 3] += final_energy[y * stock.size() + i];
      per_label[i % 3][label[y * stock.size() + i]] += 1.0;
    }
    double stock_gwh = 0.0;
    for (std::size_t c = 0; c < 3; ++c) {
      const double gwh = record.by_cite[energy][y * 3 + c];
      EXPECT_NEAR(gwh, kwh[c] / 1e6, 1e-12 * gwh) << "cite " << c;
      stock_gwh += gwh;
      for (std::size_t k = 0; k < label_count; ++k)
        EXPECT_EQ(record.by_cite[labels][(y * 3 + c) * label_count + k], per_label[c][k]);
    }
    EXPECT_NEAR(r.aggregates.of("final_energy_gwh")[y], stock_gwh, 1e-12 * stock_gwh);
  }
}

TEST(Engine, HouseholdCountsAreTheirRows) {
  // Counted from the recorded rows here, one by one, for every year of two replicates.
  Stock stock = fixtures::synthetic_stock(3'000);
  for (std::size_t i = 0; i < stock.size(); i += 4) stock.rights_holder[i] = 1;
  const Results r = fixtures::run_collect(small_scenario(5, 2), stock, real_params(), RunOptions{});
  const std::size_t n = stock.size();
  for (std::size_t rep = 0; rep < 2; ++rep) {
    const ReplicateRecord& record = r.replicates.at(rep);
    const auto& occupied = column_of<std::uint8_t>(record, "occupied");
    const auto& rights = column_of<std::uint8_t>(record, "rights_holder");
    const auto& moved_in = column_of<std::uint8_t>(record, "moved_in");
    const auto& died = column_of<std::uint8_t>(record, "died");
    const auto& poor = column_of<std::uint8_t>(record, "fuel_poor");
    for (std::size_t y = 0; y < 5; ++y) {
      double households = 0, vacant = 0, holders = 0, moves = 0, deaths = 0, fuel_poor = 0;
      for (std::size_t i = y * n; i < (y + 1) * n; ++i) {
        (occupied[i] ? households : vacant) += 1;
        holders += rights[i];
        moves += moved_in[i];
        deaths += died[i];
        fuel_poor += poor[i];
      }
      const std::size_t cell = rep * 5 + y;
      const Aggregates& a = r.aggregates;
      EXPECT_EQ(a.of("households")[cell], households);
      EXPECT_EQ(a.of("vacant")[cell], vacant);
      EXPECT_EQ(a.of("rights_holders")[cell], holders);
      EXPECT_EQ(a.of("moves_in")[cell], moves);
      EXPECT_EQ(a.of("deaths")[cell], deaths);
      EXPECT_EQ(a.of("fuel_poor")[cell], fuel_poor);
      EXPECT_GT(vacant + moves + deaths, 0.0) << "the households changed";
    }
  }
}

TEST(Engine, ElectricityFactorOfTheYearReachesTheKernel) {
  // Even rows all-electric, odd rows gas for heating and hot water.
  Stock stock = fixtures::synthetic_stock(200);
  for (std::size_t i = 0; i < stock.size(); ++i) {
    const bool electric = i % 2 == 0;
    stock.heating_system[i] = static_cast<std::uint8_t>(electric ? HeatingSystem::electric_direct
                                                                 : HeatingSystem::gas_boiler_condensing);
    stock.dhw_system[i] =
        static_cast<std::uint8_t>(electric ? DhwSystem::electric_storage : DhwSystem::gas_boiler);
  }
  const Scenario scenario = small_scenario(6, 1);  // 2022..2027: factor 2.3, then 1.9 from 2026
  const Results r = fixtures::run_collect(scenario, stock, real_params(), RunOptions{});
  const ReplicateRecord& record = r.replicates.at(0);
  const auto& cep = column_of<double>(record, "primary_energy_kwh_m2");
  const auto& final_energy = column_of<double>(record, "final_energy_kwh");
  const std::size_t n = stock.size();
  const std::size_t y2025 = 3;
  const std::size_t y2026 = 4;
  for (std::size_t i = 0; i < n; ++i) {
    const double before = cep[y2025 * n + i];
    const double after = cep[y2026 * n + i];
    if (i % 2 == 0) {
      EXPECT_NEAR(after, before * 1.9 / 2.3, 1e-12 * before) << "all-electric dwelling " << i;
    } else {
      // only lighting and auxiliaries are electric
      EXPECT_LT(after, before) << "gas dwelling " << i;
      EXPECT_GT(after, before * 0.95) << "gas dwelling " << i;
    }
    EXPECT_EQ(final_energy[y2025 * n + i], final_energy[y2026 * n + i]);
    EXPECT_EQ(cep[i], before);  // 2022 and 2025 share the factor
  }
}

TEST(State, InitialStateCopiesEveryThermalAndHouseholdColumnOfTheStock) {
  const Stock stock = fixtures::synthetic_stock(500);
  const DwellingState state = initial_state(stock);
  std::size_t copied = 0;
  for_each_column(state, [&](const ColumnInfo& column, const auto& values) {
    using Vector = std::decay_t<decltype(values)>;
    if (column.group == ColumnGroup::output || column.group == ColumnGroup::works) {
      EXPECT_EQ(values, Vector(stock.size())) << column.name << ": outputs and works start at zero";
      return;
    }
    bool found = false;
    for_each_column(stock, [&](const ColumnInfo& stock_column, const auto& stock_values) {
      if (stock_column.name != column.name) return;
      found = true;
      if constexpr (std::is_same_v<std::decay_t<decltype(stock_values)>, Vector>)
        EXPECT_EQ(values, stock_values) << column.name;
      else
        ADD_FAILURE() << column.name << ": stock and state types differ";
    });
    EXPECT_TRUE(found) << column.name << " has no stock column to start from";
    ++copied;
  });
  EXPECT_GT(copied, 20u);
}

TEST(State, TheHashSeesEveryColumn) {
  const Stock stock = fixtures::synthetic_stock(50);
  const DwellingState base = initial_state(stock);
  const std::uint64_t h0 = state_hash(base);
  for (std::size_t k = 0; k < state_columns().size(); ++k) {
    DwellingState changed = base;
    std::size_t j = 0;
    for_each_column(changed, [&](const ColumnInfo&, auto& values) {
      if (j++ == k)
        values[17] = static_cast<typename std::decay_t<decltype(values)>::value_type>(values[17] + 1);
    });
    EXPECT_NE(state_hash(changed), h0) << state_columns()[k].name;
  }
  DwellingState totals = base;
  totals.totals.stock.back().back() = 1.0;
  EXPECT_NE(state_hash(totals), h0);
  totals = base;
  totals.totals.by_cite.front().front() = 1.0;
  EXPECT_NE(state_hash(totals), h0);
}

TEST(State, ThermalInputsViewTheStateColumnsOfTheSameName) {
  const Stock stock = fixtures::synthetic_stock(64);
  const DwellingState state = initial_state(stock);
  const ThermalInputs in = thermal_inputs(state);
  EXPECT_EQ(in.size(), 64u);
  EXPECT_EQ(in.floor_area_m2.data(), state.floor_area_m2.data());
  EXPECT_EQ(in.u_wall_w_per_m2k.data(), state.u_wall_w_per_m2k.data());
  EXPECT_EQ(in.heating_system.data(), state.heating_system.data());
  EXPECT_EQ(in.dhw_system.data(), state.dhw_system.data());
}

}  // namespace
}  // namespace coron
