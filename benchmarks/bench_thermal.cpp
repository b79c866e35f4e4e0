// The 3CL step in dwelling-years per second: serial blocks and TBB over blocks,
// on 1 and 2 threads, over synthetic stocks and the generated mining stock.
#include "engine/blocks.hpp"
#include "engine/thermal_step.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "fixtures/year_factors.hpp"
#include "io/thermal_data.hpp"
#include "stock/generator.hpp"

#include "coron/engine.hpp"
#include "coron/state.hpp"

#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

namespace {

using namespace coron;

const ThermalParams& params() { return fixtures::data_thermal_params(); }

void run_kernel(benchmark::State& state, const Stock& stock, int threads, bool serial) {
  DwellingState dwellings = initial_state(stock);
  const YearFactors f = fixtures::factors_with_electricity(2.3);
  const engine::Blocks blocks(!serial);
  const DemographyParams demography;  // the thermal step reads neither
  const EconomicsParams economics;
  const engine::YearContext context{stock, params(), demography, economics, f, 2018, RngKey{}, blocks};
  tbb::task_arena arena(threads);
  for (auto _ : state) {
    arena.execute([&] { engine::thermal_step(dwellings, context); });
    benchmark::DoNotOptimize(dwellings.primary_energy_kwh_m2.data());
    benchmark::ClobberMemory();
  }
  state.counters["dwelling_years_per_s"] =
      benchmark::Counter(static_cast<double>(stock.size()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_thermal_reference(benchmark::State& state) {
  const Stock stock = fixtures::synthetic_stock(static_cast<std::size_t>(state.range(0)));
  run_kernel(state, stock, 1, true);
}
BENCHMARK(BM_thermal_reference)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_thermal_parallel(benchmark::State& state) {
  const Stock stock = fixtures::synthetic_stock(static_cast<std::size_t>(state.range(0)));
  run_kernel(state, stock, static_cast<int>(state.range(1)), false);
}
BENCHMARK(BM_thermal_parallel)
    ->ArgsProduct({{10'000, 100'000, 1'000'000}, {1, 2}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_thermal_mining_stock(benchmark::State& state) {
  static const Stock stock = [] {
    Diagnostics diag;
    const stock::StockParameters p = stock::load_stock_parameters(CORON_DATA_DIR, diag);
    diag.throw_if_any();
    return stock::generate_stock(p, 2017);
  }();
  run_kernel(state, stock, static_cast<int>(state.range(0)), false);
}
BENCHMARK(BM_thermal_mining_stock)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
