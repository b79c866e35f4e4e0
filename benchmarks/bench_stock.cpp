// Generating the 70,000-dwelling mining stock (every run starts with it).
#include "stock/generator.hpp"

#include <benchmark/benchmark.h>

namespace {

void BM_generate_stock(benchmark::State& state) {
  coron::Diagnostics diag;
  const coron::stock::StockParameters params = coron::stock::load_stock_parameters(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  std::uint64_t seed = 2017;
  for (auto _ : state) {
    const coron::Stock stock = coron::stock::generate_stock(params, seed);
    benchmark::DoNotOptimize(stock.floor_area_m2.data());
  }
  state.counters["dwellings_per_s"] =
      benchmark::Counter(70'000.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_generate_stock)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
