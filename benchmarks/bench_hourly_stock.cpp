// The hourly step as a scenario runs it (`thermal: {model: hourly}`): the 70,000 dwellings of
// the generated mining-basin stock, each mapped from its 3CL columns to 5R1C, over the 8,760
// hours of the shipped Lille-Lesquin typical year (plus two weeks of warm-up), with the sun on
// five surfaces, heating and cooling to 19 / 28 degC, a second run without cooling for the
// hours above 28 degC, and the cités' and the stock's load curves for the peak aggregate.
// On 1 and 2 threads; reports dwelling-hours per second (the year's 8,760 hours counted).
#include "engine/hourly_step.hpp"
#include "io/epw_reader.hpp"
#include "setup/run_setup.hpp"

#include "coron/state.hpp"

#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <filesystem>

namespace {

using namespace coron;

struct StockAndWeather {
  setup::RunSetup setup;
  engine::HourlyClimate climate;
};

const StockAndWeather& stock_and_weather() {
  static const StockAndWeather s = [] {
    const std::filesystem::path source(CORON_SOURCE_DIR);
    StockAndWeather out{setup::prepare_run(source / "scenarios/baseline.yaml"), {}};
    out.climate = engine::hourly_climate(io::read_epw(source / "data/climate/lille-lesquin-typical.epw"),
                                         ThermalOptions{});
    return out;
  }();
  return s;
}

void BM_hourly_step_stock_year(benchmark::State& state) {
  const StockAndWeather& s = stock_and_weather();
  const Stock& stock = s.setup.stock;
  const ModelParams& params = s.setup.params;
  DwellingState dwellings = initial_state(stock);
  const YearFactors factors{};
  const engine::Blocks blocks(true);
  const engine::YearContext context{stock,   params.thermal, params.demography, params.economics,
                                    factors, 2022,           RngKey{},          blocks,
                                    nullptr, nullptr,        &s.climate};
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    arena.execute([&] { engine::hourly_step(dwellings, context); });
    benchmark::DoNotOptimize(dwellings.heating_need_hourly_kwh.data());
    benchmark::ClobberMemory();
  }
  double heating_gwh = 0.0;
  for (const double kwh : dwellings.heating_need_hourly_kwh) heating_gwh += kwh * 1e-6;
  const auto hours = static_cast<double>(s.climate.size());
  state.counters["dwelling_hours_per_s"] =
      benchmark::Counter(static_cast<double>(stock.size()) * hours * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["stock_heating_gwh"] = heating_gwh;
  state.counters["stock_peak_mw"] = dwellings.totals.hourly_peaks.stock_w * 1e-6;
}
BENCHMARK(BM_hourly_step_stock_year)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->Repetitions(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
