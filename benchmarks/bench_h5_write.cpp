// Writing a baseline-sized result (70,000 dwellings x 30 years, five /dwelling
// columns) by deflate level, for data that repeats along years (a run without
// renovation) and data that drifts every year (the worst case).
#include "fixtures/results_data.hpp"
#include "io/results_writer.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

using namespace coron;

void BM_write_results(benchmark::State& state) {
  const auto drift = static_cast<fixtures::Drift>(state.range(1));
  Stock stock;
  Results results;
  fixtures::make_results_data(drift, 70'000, 30, stock, results);
  OutputSpec spec;
  spec.dwelling_columns = fixtures::output_columns();
  spec.compression = static_cast<int>(state.range(0));
  const std::filesystem::path file = std::filesystem::temp_directory_path() / "coron_bench_write.h5";
  for (auto _ : state) io::write_results(file, io::RunMetadata{}, stock, results, spec);
  state.counters["MB"] = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
  std::filesystem::remove(file);
}
// range(0): deflate level; range(1): 0 = repeating years, 1 = drifting.
BENCHMARK(BM_write_results)->ArgsProduct({{0, 1, 4}, {0, 1}})->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
