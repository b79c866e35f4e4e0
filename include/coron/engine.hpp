#pragma once
#include "coron/demography.hpp"
#include "coron/economics.hpp"
#include "coron/funding.hpp"
#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"
#include "coron/thermal.hpp"
#include "coron/weather.hpp"
#include "coron/works.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace coron {

namespace engine {
class ReachCache;  // sim/engine/reach_cache.hpp
}

/// How the steps run their per-dwelling work: TBB over fixed blocks, or the same
/// blocks one after another on the calling thread. Both give the same bits.
enum class Execution { parallel, serial };

/// The parameters of every model a year runs, read from the data folder.
struct ModelParams {
  ThermalParams thermal;
  DemographyParams demography;
  EconomicsParams economics;
  WorksParams works;      ///< measures, rebuilt envelope, targets, rental bans
  FundingParams funding;  ///< funders (data/economics/funders.yaml or the scenario's file)
  /// The scenario's thermal.weather, read when thermal.model is hourly; empty otherwise.
  HourlyWeather weather;
};

/// The dwelling slices of a stock split between processes (an MPI run's `--slices`): each
/// process holds and steps one slice, dwellings [first_dwelling, first_dwelling + n) of the
/// whole stock in stock order, whose cités are [first_cite, end_cite) (a cité never spans two
/// slices). The steps that need the whole stock (the works' capacity, an operation's turns,
/// the works budget and the funders' envelopes, the cités' totals) exchange what they need
/// through all_gather: never the stock, at most the year's candidates. Every process calls
/// the same exchanges in the same order (they are collective).
class SliceExchange {
 public:
  explicit SliceExchange(StockCuts cuts) : cuts_(std::move(cuts)) {}
  SliceExchange(const SliceExchange&) = delete;
  SliceExchange& operator=(const SliceExchange&) = delete;
  virtual ~SliceExchange() = default;

  [[nodiscard]] std::size_t slices() const noexcept { return cuts_.slices(); }
  /// Slice k's first dwelling and first cité in the whole stock (k = slices(): the ends).
  [[nodiscard]] std::size_t first_dwelling(std::size_t k) const noexcept { return cuts_.dwelling[k]; }
  [[nodiscard]] std::size_t first_cite(std::size_t k) const noexcept { return cuts_.cite[k]; }
  /// This process's slice.
  [[nodiscard]] virtual std::size_t slice() const noexcept = 0;
  /// Every slice's `bytes`, in slice order (this one's included).
  [[nodiscard]] virtual std::vector<std::vector<std::byte>> all_gather(
      std::span<const std::byte> bytes) const = 0;

 private:
  StockCuts cuts_;
};

struct RunOptions {
  int threads = 0;  ///< 0: all cores
  Execution execution = Execution::parallel;
  /// Reach sets shared by the replicates (sim/engine/reach_cache.hpp); false searches
  /// every package from scratch, with the same results (tests compare the two).
  bool cache_reach_sets = true;
  /// Reach sets kept across runs (make_shared_reach_sets), for runs that ask the same
  /// package questions: the points of a budget sweep. Used whatever the number of
  /// replicates when this run's stock, data, target and rules are those the sets first
  /// served; otherwise (or when null) the run keeps its own. Same results either way.
  std::shared_ptr<const engine::ReachCache> reach_sets;
  /// Called from the driving thread with the fraction done, 0..1.
  std::function<void(double)> progress;
  /// The replicates this process runs: first, first + stride, ... (the ranks of an MPI run
  /// share them out; sim/cluster). The others' rows of the totals stay 0 and reach no sink.
  /// A replicate's results do not depend on which process runs it.
  std::size_t replicate_first = 0;
  std::size_t replicate_stride = 1;
  /// Non-null: the stock given to run_simulation is this process's slice of a larger one,
  /// and its replicates run one at a time (their exchanges are collective). Same results,
  /// slice by slice, as the run over the whole stock.
  const SliceExchange* slices = nullptr;
};

/// An empty set of reach sets over `stock` for RunOptions::reach_sets (the stock must
/// outlive it). Thread-safe to share between runs one after another or side by side.
[[nodiscard]] std::shared_ptr<const engine::ReachCache> make_shared_reach_sets(const Stock& stock);

/// Receives each replicate's recorded columns when the replicate ends, on the
/// driving thread, replicates in order. The record is reused afterwards: copy
/// what must outlive the call.
using ReplicateSink = std::function<void(std::size_t replicate, const ReplicateRecord& record)>;

/// Runs every replicate and year of the scenario over the stock: each replicate
/// starts from initial_state(stock) and takes the year's steps in order. Records
/// the scenario's output.dwelling_columns per year and hands them to `sink` per
/// replicate; returns the stock totals of every replicate and year. Memory does
/// not grow with the number of replicates. Bit-identical results for any thread
/// count and either execution. The scenario's demography options (enabled, mortality
/// multiplier) override params.demography.
[[nodiscard]] Aggregates run_simulation(const Scenario& scenario, const Stock& stock,
                                        const ModelParams& params, const RunOptions& options,
                                        const ReplicateSink& sink = {});

}  // namespace coron
