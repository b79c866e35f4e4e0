// One year of the household model over the generated 70,000-dwelling stock, in
// household-years per second, on 1 and 2 threads (blocks of dwellings under TBB).
#include "engine/blocks.hpp"
#include "engine/demography_step.hpp"
#include "fixtures/data_params.hpp"
#include "mining_stock.hpp"

#include "coron/state.hpp"

#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

namespace {

using namespace coron;

using bench::mining_stock;

void BM_demography_year(benchmark::State& state) {
  const Stock& stock = mining_stock();
  const ModelParams& params = fixtures::data_model_params();
  const YearFactors factors{};
  const engine::Blocks blocks(true);
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  DwellingState dwellings = initial_state(stock);
  int year = 2018;
  for (auto _ : state) {
    // A new year each iteration, so that every draw is fresh and households keep changing.
    const engine::YearContext context{stock,
                                      params.thermal,
                                      params.demography,
                                      params.economics,
                                      factors,
                                      year,
                                      RngKey{1, 0, year, 0, Stream::demography},
                                      blocks};
    arena.execute([&] {
      engine::departures_step(dwellings, context);
      engine::lettings_step(dwellings, context);
    });
    ++year;
    benchmark::DoNotOptimize(dwellings.head_age.data());
  }
  state.counters["household_years_per_s"] =
      benchmark::Counter(static_cast<double>(stock.size()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_demography_year)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
