// The whole reference run as `make run` does it: read the scenario and data,
// generate the 70,000-dwelling stock, simulate 30 years, write the HDF5 file.
#include "engine/run_setup.hpp"
#include "io/results_writer.hpp"

#include "coron/engine.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

using namespace coron;

void BM_baseline_run(benchmark::State& state) {
  const std::filesystem::path output = std::filesystem::temp_directory_path() / "coron_bench_baseline.h5";
  std::size_t dwelling_years = 0;
  for (auto _ : state) {
    engine::RunSetup setup =
        engine::prepare_run(std::filesystem::path(CORON_SOURCE_DIR) / "scenarios/baseline.yaml");
    RunOptions options;
    options.threads = static_cast<int>(state.range(0));
    const Results results = run_simulation(setup.scenario, setup.stock, setup.params, options);
    io::RunMetadata meta;
    meta.coron_version = CORON_VERSION;
    meta.scenario_name = setup.scenario.name;
    meta.scenario_text = setup.scenario.text;
    meta.seed = setup.scenario.seed;
    meta.threads = options.threads;
    meta.replicates = setup.scenario.replicates;
    meta.start_year = setup.scenario.start_year;
    meta.end_year = setup.scenario.end_year();
    io::write_results(output, meta, setup.stock, results, setup.scenario.output);
    dwelling_years += results.dwellings * results.years * results.replicates;
  }
  std::filesystem::remove(output);
  state.counters["dwelling_years_per_s"] =
      benchmark::Counter(static_cast<double>(dwelling_years), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_baseline_run)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
