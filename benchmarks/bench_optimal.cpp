// The `optimal` scenario over its ten budget years, as `coron run` does it (reading, stock
// generation, simulation, HDF5 file): every year the knapsack shares the budget among the
// remaining houses of the 61 named cités. Target on 2 cores: under 5 s. One replicate.
#include "setup/run_setup.hpp"
#include "setup/run_to_file.hpp"

#include "coron/engine.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

using namespace coron;

void BM_optimal_ten_years(benchmark::State& state) {
  const std::filesystem::path output = std::filesystem::temp_directory_path() / "coron_bench_optimal.h5";
  for (auto _ : state) {
    setup::RunSetup setup =
        setup::prepare_run(std::filesystem::path(CORON_SOURCE_DIR) / "scenarios/optimal.yaml");
    setup.scenario.years = 10;
    RunOptions options;
    options.threads = 2;
    const Aggregates totals = setup::run_to_file(setup, options, output,
                                                 setup::metadata_for(setup, options.threads, CORON_VERSION));
    benchmark::DoNotOptimize(totals.replicates);
  }
  std::filesystem::remove(output);
}
BENCHMARK(BM_optimal_ten_years)->UseRealTime()->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
