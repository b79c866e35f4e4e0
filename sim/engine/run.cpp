#include "engine/blocks.hpp"
#include "engine/hourly_step.hpp"
#include "engine/reach_cache.hpp"
#include "engine/steps.hpp"

#include "coron/engine.hpp"
#include "coron/error.hpp"
#include "coron/thread_handoff.hpp"

#include <fmt/format.h>
#include <tbb/concurrent_queue.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>

// Replicates run side by side (a TBB pipeline: at most one replicate per thread
// in flight, each stepping its years over dwelling blocks), and are handed to the
// sink one at a time, in replicate order. A replicate's results depend only on
// (scenario, stock, seed, replicate), never on which thread ran it or when.

namespace coron {

namespace {

/// Gives a HandOff when it goes out of scope: for a pipeline stage that returns in two places.
struct Publish {
  explicit Publish(HandOff& h) : hand_off(h) {}
  Publish(const Publish&) = delete;
  Publish& operator=(const Publish&) = delete;
  ~Publish() { hand_off.give(); }
  HandOff& hand_off;
};

/// The stage gate indicator's unit, for the file.
std::string stage_gate_units(const AllocationSpec& a) {
  using Indicator = AllocationSpec::StageGate::Indicator;
  switch (a.stage_gate.indicator) {
    case Indicator::cost_per_dwelling_out_of_efg:
      return fmt::format("EUR/dwelling");
    case Indicator::spent_share:
      return fmt::format("1");
    case Indicator::objective_per_meur:
      break;
  }
  return fmt::format("{}/MEUR", allocation_objective_units[static_cast<std::size_t>(a.objective)]);
}

/// Conversion factors in force in `year`: electricity from the scenario, every
/// other carrier 1 (DPE 2021 convention, thermal-reference.md §4.2).
YearFactors factors_for(const Scenario& scenario, int year) {
  YearFactors f;
  f.primary_energy_factor.fill(1.0);
  f.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)] =
      scenario.electricity_primary_factor_in(year);
  return f;
}

/// One replicate in flight: its index and what it has recorded.
struct Slot {
  std::size_t replicate = 0;
  ReplicateRecord record;
};

/// Everything a replicate needs, the same for all of them.
struct RunPlan {
  const Scenario& scenario;
  const Stock& stock;
  const ModelParams& params;
  DemographyParams demography;                      ///< the data's, as the scenario amends them
  std::vector<YearFactors> factors;                 ///< per year
  std::vector<const ColumnInfo*> dwelling_columns;  ///< recorded for the first replicates
  std::size_t dwelling_replicates = 0;              ///< how many replicates record them (and their works)
  engine::WorksPlan works;
  std::optional<engine::HourlyClimate> hourly;  ///< the weather year, when the scenario runs the hourly model
  const SliceExchange* slices = nullptr;        ///< when the stock is one slice of several
};

/// Steps every year of replicate `slot.replicate` from the initial state, recording
/// into slot.record and the replicate's rows of `aggregates` (its own slice).
void run_replicate(const RunPlan& plan, const engine::Blocks& blocks, Slot& slot, Aggregates& aggregates) {
  const std::size_t rep = slot.replicate;
  const std::size_t years = plan.factors.size();
  const std::vector<const ColumnInfo*> none;
  const bool records_dwellings = rep < plan.dwelling_replicates;
  slot.record.allocate(records_dwellings ? plan.dwelling_columns : none, years, plan.stock.size(),
                       plan.stock.cites.size(), plan.params.funding.funders.size());
  DwellingState state = initial_state(plan.stock);
  engine::ReplicateBooks books(plan.works, plan.stock, plan.scenario.seed, static_cast<std::uint32_t>(rep));
  for (std::size_t y = 0; y < years; ++y) {
    const int year = aggregates.year[y];
    const engine::YearContext context{
        plan.stock,
        plan.params.thermal,
        plan.demography,
        plan.params.economics,
        plan.factors[y],
        year,
        RngKey{plan.scenario.seed, static_cast<std::uint32_t>(rep), year, 0, Stream::demography},
        blocks,
        &plan.works,
        &books,
        plan.hourly ? &*plan.hourly : nullptr,
        plan.slices};
    books.ledger.begin_year(year);
    for (const engine::Step& step : engine::year_steps()) step.run(state, context);
    slot.record.record(y, state);
    if (records_dwellings) slot.record.works.append(books.year_works);
    aggregates.record(rep, y, state.totals);
  }
}

}  // namespace

std::shared_ptr<const engine::ReachCache> make_shared_reach_sets(const Stock& stock) {
  return std::make_shared<const engine::ReachCache>(stock, true);
}

Aggregates run_simulation(const Scenario& scenario, const Stock& stock, const ModelParams& params,
                          const RunOptions& options, const ReplicateSink& sink) {
  const auto replicates = static_cast<std::size_t>(scenario.replicates);
  const auto years = static_cast<std::size_t>(scenario.years);
  Aggregates aggregates;
  std::vector<std::string> funders;
  for (const Funder& f : params.funding.funders) funders.push_back(f.name);
  aggregates.allocate(replicates, years, scenario.start_year, std::move(funders));
  if (const AllocationSpec& a = scenario.renovation.allocation; scenario.renovation.enabled && a.enabled()) {
    const auto objective = static_cast<std::size_t>(a.objective);
    aggregates.allocation.allocate(replicates, years, std::string(allocation_objective_names[objective]),
                                   std::string(allocation_objective_units[objective]), a.stage_gate.year);
    aggregates.allocation.stage_gate_units = stage_gate_units(a);
  }
  RunPlan plan{scenario,
               stock,
               params,
               params.demography,
               {},
               recorded_columns(scenario.output.dwelling_columns),
               scenario.recorded_replicates(),
               engine::WorksPlan(scenario, stock, params, options.cache_reach_sets, options.reach_sets,
                                 options.slices),
               std::nullopt,
               options.slices};
  for (std::size_t y = 0; y < years; ++y) plan.factors.push_back(factors_for(scenario, aggregates.year[y]));
  if (scenario.thermal.model == ThermalOptions::Model::hourly) {
    // Its peaks are of the whole stock's hourly load, summed hour by hour in stock order.
    if (options.slices != nullptr)
      throw std::invalid_argument(
          "the hourly thermal model runs over the whole stock: it cannot take dwelling slices");
    if (params.weather.size() == 0)
      throw std::invalid_argument("run_simulation: the hourly thermal model needs ModelParams::weather");
    plan.hourly = engine::hourly_climate(params.weather, scenario.thermal);
  }
  plan.demography.enabled = plan.demography.enabled && scenario.demography.enabled;
  if (scenario.demography.mortality_multiplier)
    plan.demography.mortality_multiplier = *scenario.demography.mortality_multiplier;

  // This process's replicates: first, first + stride, ... below `replicates`.
  const std::size_t first = options.replicate_first;
  const std::size_t stride = std::max<std::size_t>(1, options.replicate_stride);
  const std::size_t own = first < replicates ? (replicates - first + stride - 1) / stride : 0;
  const auto hand_over = [&](Slot& slot) {
    if (sink) sink(slot.replicate, slot.record);
    if (options.progress)
      options.progress(static_cast<double>((slot.replicate - first) / stride + 1) / static_cast<double>(own));
  };

  if (options.execution == Execution::serial) {
    const engine::Blocks blocks(false);
    Slot slot;
    for (std::size_t rep = first; rep < replicates; rep += stride) {
      slot.replicate = rep;
      run_replicate(plan, blocks, slot, aggregates);
      hand_over(slot);
    }
    return aggregates;
  }

  const engine::Blocks blocks(true);
  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
  // Slots are reused: memory is (replicates in flight) x (one replicate's record),
  // whatever the number of replicates.
  tbb::concurrent_queue<std::unique_ptr<Slot>> free_slots;
  // The pipeline passes each slot from stage to stage inside libtbb (coron/thread_handoff.hpp).
  HandOff between_stages;
  between_stages.give();
  arena.execute([&] {
    // A slice's replicates exchange with the other slices' (collectively, in one order):
    // one at a time, its threads over the slice's blocks.
    const auto in_flight = options.slices != nullptr
                               ? std::size_t{1}
                               : static_cast<std::size_t>(std::max(1, arena.max_concurrency()));
    std::size_t next = first;
    tbb::parallel_pipeline(
        in_flight, tbb::make_filter<void, Slot*>(tbb::filter_mode::serial_in_order,
                                                 [&](tbb::flow_control& control) -> Slot* {
                                                   between_stages.take();
                                                   const Publish publish{between_stages};
                                                   if (next >= replicates) {
                                                     control.stop();
                                                     return nullptr;
                                                   }
                                                   std::unique_ptr<Slot> slot;
                                                   if (!free_slots.try_pop(slot))
                                                     slot = std::make_unique<Slot>();
                                                   slot->replicate = next;
                                                   next += stride;
                                                   return slot.release();
                                                 }) &
                       tbb::make_filter<Slot*, Slot*>(tbb::filter_mode::parallel,
                                                      [&](Slot* slot) {
                                                        between_stages.take();
                                                        run_replicate(plan, blocks, *slot, aggregates);
                                                        between_stages.give();
                                                        return slot;
                                                      }) &
                       tbb::make_filter<Slot*, void>(tbb::filter_mode::serial_in_order, [&](Slot* slot) {
                         between_stages.take();
                         std::unique_ptr<Slot> owned(slot);
                         hand_over(*owned);
                         free_slots.push(std::move(owned));
                         between_stages.give();
                       }));
  });
  between_stages.take();
  return aggregates;
}

}  // namespace coron
