#include "engine/blocks.hpp"
#include "engine/steps.hpp"

#include "coron/engine.hpp"
#include "coron/error.hpp"

#include <tbb/task_arena.h>

namespace coron {

namespace {

/// Conversion factors in force in `year`: electricity from the scenario, every
/// other carrier 1 (DPE 2021 convention, thermal-reference.md §4.2).
YearFactors factors_for(const Scenario& scenario, int year) {
  YearFactors f;
  f.primary_energy_factor.fill(1.0);
  f.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)] =
      scenario.electricity_primary_factor_in(year);
  return f;
}

}  // namespace

Aggregates run_simulation(const Scenario& scenario, const Stock& stock, const ModelParams& params,
                          const RunOptions& options, const ReplicateSink& sink) {
  const auto replicates = static_cast<std::size_t>(scenario.replicates);
  const auto years = static_cast<std::size_t>(scenario.years);
  Aggregates aggregates;
  aggregates.allocate(replicates, years, scenario.start_year);
  const std::vector<const ColumnInfo*> chosen = recorded_columns(scenario.output.dwelling_columns);

  DemographyParams demography = params.demography;
  demography.enabled = demography.enabled && scenario.demography.enabled;
  if (scenario.demography.mortality_multiplier)
    demography.mortality_multiplier = *scenario.demography.mortality_multiplier;

  const engine::Blocks blocks(options.execution == Execution::parallel);
  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
  ReplicateRecord record;
  const double total_steps = static_cast<double>(replicates * years);
  for (std::size_t rep = 0; rep < replicates; ++rep) {
    DwellingState state = initial_state(stock);
    record.allocate(chosen, years, stock.size());
    for (std::size_t y = 0; y < years; ++y) {
      const int year = aggregates.year[y];
      const YearFactors factors = factors_for(scenario, year);
      const engine::YearContext context{
          stock,      params.thermal,
          demography, factors,
          year,       RngKey{scenario.seed, static_cast<std::uint32_t>(rep), year, 0, Stream::demography},
          blocks};
      arena.execute([&] {
        for (const engine::Step& step : engine::year_steps()) step.run(state, context);
      });
      record.record(y, state);
      aggregates.record(rep, y, state.totals);
      if (options.progress) options.progress(static_cast<double>(rep * years + y + 1) / total_steps);
    }
    if (sink) sink(rep, record);
  }
  return aggregates;
}

}  // namespace coron
