// The 3CL kernel in dwelling-years per second: serial reference and TBB kernel,
// on 1 and 2 threads, over synthetic stocks and the generated mining stock.
#include "engine/thermal_driver.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "io/thermal_data.hpp"
#include "stock/generator.hpp"

#include "coron/engine.hpp"

#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

namespace {

using namespace coron;

const ThermalParams& params() {
  static const ThermalParams p = [] {
    Diagnostics diag;
    ThermalParams loaded = io::load_thermal_params(CORON_DATA_DIR, diag);
    diag.throw_if_any();
    return loaded;
  }();
  return p;
}

YearFactors factors_2018() {
  YearFactors f;
  f.primary_energy_factor.fill(1.0);
  f.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)] = 2.3;
  return f;
}

struct Buffers {
  std::vector<double> need, final_energy, cep, eges;
  std::vector<std::uint8_t> label;
  explicit Buffers(std::size_t n) : need(n), final_energy(n), cep(n), eges(n), label(n) {}
  ThermalOutputs outputs() { return {need, final_energy, cep, eges, label}; }
};

void run_kernel(benchmark::State& state, const Stock& stock, int threads, bool reference) {
  const ThermalInputs in = thermal_inputs(stock);
  Buffers buffers(stock.size());
  const ThermalOutputs out = buffers.outputs();
  const YearFactors f = factors_2018();
  tbb::task_arena arena(threads);
  for (auto _ : state) {
    arena.execute([&] {
      if (reference)
        engine::evaluate_reference(in, params(), f, out);
      else
        engine::evaluate_parallel(in, params(), f, out);
    });
    benchmark::DoNotOptimize(buffers.cep.data());
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
