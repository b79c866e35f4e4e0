// `coron sweep scenarios/optimal.yaml --budget 0:38000000:2000000 --replicates 10` in-process,
// over the mission's ten-year programme (2018-2027, the years the scenario's budget covers;
// the shipped file runs 30): reading, stock generation, 20 budget points x 10 replicates, the
// frontier's HDF5 and CSV files. Target on 2 cores: under 2 minutes. `shared:1` is the
// command (one set of reach sets for the whole sweep), `shared:0` each point on its own.
#include "app/sweep_export.hpp"
#include "app/sweep_frontier.hpp"
#include "app/sweep_run.hpp"
#include "setup/run_setup.hpp"

#include "coron/engine.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

namespace {

using namespace coron;

std::vector<double> budgets_0_to_38_meur() {
  std::vector<double> out;
  for (int meur = 0; meur <= 38; meur += 2) out.push_back(meur * 1e6);
  return out;
}

void BM_sweep_optimal_20_points(benchmark::State& state) {
  const std::filesystem::path output = std::filesystem::temp_directory_path() / "coron_bench_sweep.h5";
  const std::vector<double> budgets = budgets_0_to_38_meur();
  for (auto _ : state) {
    setup::RunSetup setup =
        setup::prepare_run(std::filesystem::path(CORON_SOURCE_DIR) / "scenarios/optimal.yaml");
    Scenario& scenario = setup.scenario;
    scenario.years = 10;
    scenario.replicates = 10;
    scenario.output.dwelling_columns.clear();
    scenario.output.dwelling_replicates = 0;
    app::SweepOptions options;
    options.run.threads = 2;
    options.share_reach_sets = state.range(0) != 0;
    const std::vector<app::FrontierSeries> series =
        app::run_sweep(scenario, setup.stock, setup.params, budgets, options);
    app::SweepMeta meta;
    meta.scenario_name = scenario.name;
    meta.replicates = scenario.replicates;
    meta.start_year = scenario.start_year;
    meta.end_year = scenario.end_year();
    meta.budget_years = static_cast<int>(app::budget_years(scenario).count);
    app::write_sweep(output, meta, budgets, series);
    benchmark::DoNotOptimize(series.data());
  }
  std::filesystem::remove(output);
  std::filesystem::remove(app::sweep_csv_path(output));
}
BENCHMARK(BM_sweep_optimal_20_points)
    ->ArgName("shared")
    ->Arg(0)
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
