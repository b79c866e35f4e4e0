// The at-vacancy scenario as `coron run` does it: read the scenario and data, generate the
// stock, simulate 30 years with every E, F or G house renovated to label C when it falls
// vacant, write the HDF5 file. Arguments: replicates, then 1 with the reach sets shared
// by the replicates (the default; a single replicate searches directly anyway) or 0 with
// every package searched from scratch. Two threads. Setup (reading, stock generation) is inside the timing,
// as for the command.
#include "setup/run_setup.hpp"
#include "setup/run_to_file.hpp"

#include "coron/engine.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

using namespace coron;

void BM_at_vacancy_run(benchmark::State& state) {
  const std::filesystem::path output = std::filesystem::temp_directory_path() / "coron_bench_at_vacancy.h5";
  for (auto _ : state) {
    setup::RunSetup setup =
        setup::prepare_run(std::filesystem::path(CORON_SOURCE_DIR) / "scenarios/at-vacancy.yaml");
    setup.scenario.replicates = static_cast<int>(state.range(0));
    RunOptions options;
    options.threads = 2;
    options.cache_reach_sets = state.range(1) != 0;
    const Aggregates totals = setup::run_to_file(setup, options, output,
                                                 setup::metadata_for(setup, options.threads, CORON_VERSION));
    benchmark::DoNotOptimize(totals.replicates);
  }
  std::filesystem::remove(output);
}
BENCHMARK(BM_at_vacancy_run)
    ->ArgNames({"replicates", "cache"})
    ->Args({1, 1})
    ->Args({100, 0})
    ->Args({100, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
