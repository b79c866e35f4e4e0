// The engine: serial reference and TBB kernel agree bit for bit, for any
// thread count; totals match the rows; the year's factors reach the kernel.
#include "fixtures/synthetic_stock.hpp"
#include "io/thermal_data.hpp"

#include "coron/engine.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace coron {
namespace {

ThermalParams real_params() {
  Diagnostics diag;
  ThermalParams p = io::load_thermal_params(CORON_DATA_DIR, diag);
  EXPECT_TRUE(diag.empty()) << (diag.empty() ? "" : diag.items().front().format());
  return p;
}

Scenario small_scenario(int years, int replicates) {
  Scenario s;
  s.name = "engine-test";
  s.start_year = 2022;
  s.years = years;
  s.replicates = replicates;
  s.electricity_primary_factor = {{2018, 2.3}, {2026, 1.9}};
  return s;
}

class ThreadSweep : public ::testing::TestWithParam<int> {};

TEST_P(ThreadSweep, ParallelKernelMatchesSerialReferenceBitForBit) {
  // 10,007 dwellings: not a multiple of the block size, so the last block is partial.
  const Stock stock = fixtures::synthetic_stock(10'007);
  const ThermalParams params = real_params();
  const Scenario scenario = small_scenario(6, 2);
  RunOptions reference;
  reference.kernel = Kernel::reference;
  reference.threads = 1;
  RunOptions parallel;
  parallel.threads = GetParam();
  const Results a = run_simulation(scenario, stock, params, reference);
  const Results b = run_simulation(scenario, stock, params, parallel);
  EXPECT_EQ(state_hash(a), state_hash(b));
  EXPECT_EQ(a.final_energy_gwh, b.final_energy_gwh);
  EXPECT_EQ(a.label, b.label);
}

INSTANTIATE_TEST_SUITE_P(Threads, ThreadSweep, ::testing::Values(1, 2, 3, 4, 7, 8, 16));

TEST(Engine, TotalsAreTheSumsOfTheRows) {
  const Stock stock = fixtures::synthetic_stock(5'000);
  const Results r = run_simulation(small_scenario(2, 1), stock, real_params(), RunOptions{});
  for (std::size_t y = 0; y < r.years; ++y) {
    const std::size_t row = r.row(0, y);
    double kwh = 0.0;
    double kg = 0.0;
    std::int64_t labelled = 0;
    for (std::size_t i = 0; i < r.dwellings; ++i) {
      kwh += r.final_energy_kwh[row + i];
      kg += r.ghg_kg_m2[row + i] * stock.floor_area_m2[i];
    }
    for (std::size_t c = 0; c < label_count; ++c) labelled += r.label_count[y * label_count + c];
    EXPECT_EQ(labelled, static_cast<std::int64_t>(r.dwellings));
    EXPECT_NEAR(r.final_energy_gwh[y], kwh / 1e6, 1e-9 * r.final_energy_gwh[y]);
    EXPECT_NEAR(r.ghg_kt[y], kg / 1e6, 1e-9 * r.ghg_kt[y]);
    EXPECT_GT(r.final_energy_gwh[y], 0.0);
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
  const Results r = run_simulation(scenario, stock, real_params(), RunOptions{});
  const std::size_t y2025 = 3;
  const std::size_t y2026 = 4;
  for (std::size_t i = 0; i < stock.size(); ++i) {
    const double before = r.primary_energy_kwh_m2[r.row(0, y2025) + i];
    const double after = r.primary_energy_kwh_m2[r.row(0, y2026) + i];
    if (i % 2 == 0) {
      EXPECT_NEAR(after, before * 1.9 / 2.3, 1e-12 * before) << "all-electric dwelling " << i;
    } else {
      // only lighting and auxiliaries are electric
      EXPECT_LT(after, before) << "gas dwelling " << i;
      EXPECT_GT(after, before * 0.95) << "gas dwelling " << i;
    }
    EXPECT_EQ(r.final_energy_kwh[r.row(0, y2025) + i], r.final_energy_kwh[r.row(0, y2026) + i]);
    EXPECT_EQ(r.primary_energy_kwh_m2[r.row(0, 0) + i], before);  // 2022 and 2025 share the factor
  }
}

TEST(Engine, ReplicatesAndYearsAreLaidOutRowMajor) {
  const Stock stock = fixtures::synthetic_stock(10);
  const Results r = run_simulation(small_scenario(3, 2), stock, real_params(), RunOptions{});
  EXPECT_EQ(r.year, (std::vector<std::int32_t>{2022, 2023, 2024}));
  EXPECT_EQ(r.label.size(), 2u * 3u * 10u);
  EXPECT_EQ(r.row(1, 2), (1u * 3u + 2u) * 10u);
}

}  // namespace
}  // namespace coron
