// The whole reference run as `make run` does it: read the scenario and data,
// generate the 70,000-dwelling stock, simulate 30 years, write the HDF5 file.
#include "setup/run_setup.hpp"
#include "setup/run_to_file.hpp"

#include "coron/engine.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

using namespace coron;

void BM_baseline_run(benchmark::State& state) {
  const std::filesystem::path output = std::filesystem::temp_directory_path() / "coron_bench_baseline.h5";
  std::size_t dwelling_years = 0;
  for (auto _ : state) {
    const setup::RunSetup setup =
        setup::prepare_run(std::filesystem::path(CORON_SOURCE_DIR) / "scenarios/baseline.yaml");
    RunOptions options;
    options.threads = static_cast<int>(state.range(0));
    const Aggregates totals = setup::run_to_file(setup, options, output,
                                                 setup::metadata_for(setup, options.threads, CORON_VERSION));
    dwelling_years += setup.stock.size() * totals.years * totals.replicates;
  }
  std::filesystem::remove(output);
  state.counters["dwelling_years_per_s"] =
      benchmark::Counter(static_cast<double>(dwelling_years), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_baseline_run)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
